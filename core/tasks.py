"""Background work for the whole site (django-tasks: database backend, immediate in tests)."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.mail import EmailMultiAlternatives
from django.utils.html import escape
from django_tasks import task

from .identity import current_office
from .metrics import emails_sent

_mail_muted = ContextVar("quartier_mail_muted", default=False)


@contextmanager
def mail_muted():
    """Mails whose task runs inside are dropped (e.g. while the demo's fictional people
    act, with the immediate task backend): nothing is sent, nothing waits in the queue."""
    token = _mail_muted.set(True)
    try:
        yield
    finally:
        _mail_muted.reset(token)


SIGNATURE_SEPARATOR = "\n\n-- \n"  # RFC 3676: mail clients recognise (and may fold) it


def signed(body, office):
    """The body with the office's signature (name, address, phone, e-mail, web address)."""
    if not office.signature:
        return body
    return f"{body.rstrip()}{SIGNATURE_SEPARATOR}{office.signature}\n"


def signed_html(html_body, office):
    if not office.signature:
        return html_body
    lines = "<br>".join(escape(line) for line in office.signature.splitlines())
    block = f"<p>-- <br>{lines}</p>"
    if "</body>" in html_body:
        return html_body.replace("</body>", f"{block}</body>", 1)
    return html_body + block


# Mails go first: the worker takes the highest priority first, so a person waiting for a
# confirmation link never waits behind search-index or reference-index updates (many after
# an import or `load_demo`).
MAIL_PRIORITY = 50


@task(priority=MAIL_PRIORITY)
def send_email(
    subject,
    body,
    recipients,
    html_body=None,
    from_email=None,
    headers=None,
    attachments=None,
    site_id=None,
):
    """Send one e-mail outside the request, so a slow mail server never slows a page.

    Every mail speaks as the office of `site_id` (else the default site; core/identity.py):
    `From:` is its sender unless the caller names another, and its signature closes the text.
    """
    if _mail_muted.get():
        return 0
    office = current_office(site_id)
    message = EmailMultiAlternatives(
        subject=subject,
        body=signed(body, office),
        from_email=from_email or office.from_email,
        to=list(recipients),
        headers=headers or {},
    )
    if html_body:
        message.attach_alternative(signed_html(html_body, office), "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    emails_sent(message.send())
    return len(recipients)


@task()
def send_digests_task():
    """The daily digests of notices (core/notifications): one mail per person with what was
    collected for them. Enqueued once a day (cron: `manage.py send_digests`)."""
    from .notifications import send_digests

    return send_digests()


@task()
def purge_expired_task():
    """The daily retention run (core/privacy.py): what has passed its period is removed.
    Enqueue it once a day (cron: `manage.py purge_expired --enqueue`), or run the command."""
    from . import privacy

    return privacy.purge_expired()


@task()
def sync_files_later(function_path, pk, attempt):
    """Move an object's files after its publication changed while the object store was
    down (core/files.py `sync_files_on_commit`); schedules itself again while it is down."""
    from .files import sync_files

    return sync_files(function_path, pk, attempt)
