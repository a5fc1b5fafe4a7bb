"""Account workflows that are ours, not allauth's."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from core.tasks import send_email

from .models import DeletionRequest


def deletion_request_open(user):
    return user.deletion_requests.filter(completed_at__isnull=True).first()


def deletion_request_create(*, user, reason=""):
    """Record the request once and tell the office. Returns (request, created)."""
    try:
        with transaction.atomic():
            request = DeletionRequest.objects.create(user=user, reason=reason)
    except IntegrityError:
        return deletion_request_open(user), False
    office = office_email()
    if office:
        admin_url = settings.SITE_URL + reverse("accounts_deletionrequest:index")
        send_email.enqueue(
            subject=_("Antrag auf Löschung eines Kontos"),
            body=_(
                "Ein Konto hat seine Löschung beantragt.\n\nKonto: %(email)s\n"
                "Anmerkung: %(reason)s\n\nBearbeiten: %(url)s"
            )
            % {"email": user.email, "reason": reason or "-", "url": admin_url},
            recipients=[office],
        )
    return request, True


def office_email():
    from wagtail.models import Site

    from portal.models import OfficeSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return OfficeSettings.for_site(site).email
