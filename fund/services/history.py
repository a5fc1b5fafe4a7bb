"""What every workflow step leaves behind: a line in the application's history and, after the
transaction commits, a message to the applicant in their language."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email

from ..models import ApplicationEvent, FundPage


def _event(application, state, actor, note=""):
    from .publication import sync_photos_on_commit

    ApplicationEvent.objects.create(application=application, state=state, actor=actor, note=note)
    # Every step may publish or unpublish the settlement photos.
    sync_photos_on_commit(application)


def application_url(application, page_url=None):
    """The status page, absolute; `page_url` is the fund page the request came through (its
    language), without it the fund's page is looked up."""
    if page_url:
        path = page_url + FundPage.route_path("application", application.pk)
    else:
        path = application.page_url()
    return settings.SITE_URL + path


def _mail(application, template, subject, page_url=None, extra=None):
    """A message to the applicant, in their language, after the transaction commits.
    `subject` is called then, with the applicant's language active."""
    address = application.email or getattr(application.applicant, "email", "")
    if not address:
        return
    context = {"application": application, "url": application_url(application, page_url)}
    context.update(extra or {})
    language = application.language or "de"

    def send():
        with translation.override(language):
            body = render_to_string(f"fund/email/{template}.txt", context)
            title = subject()
        send_email.enqueue(subject=title, body=body, recipients=[address])

    transaction.on_commit(send)
