"""Background work for the whole site (django-tasks: database backend, immediate in tests)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from .metrics import emails_sent


@task()
def send_email(
    subject, body, recipients, html_body=None, from_email=None, headers=None, attachments=None
):
    """Send one e-mail outside the request, so a slow mail server never slows a page."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
        headers=headers or {},
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    emails_sent(message.send())
    return len(recipients)


@task()
def purge_expired_task():
    """The daily retention run (core/privacy.py): what has passed its period is removed.
    Enqueue it once a day (cron: `manage.py purge_expired --enqueue`), or run the command."""
    from . import privacy

    return privacy.purge_expired()
