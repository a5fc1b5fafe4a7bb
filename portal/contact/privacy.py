"""Retention of what people sent through the contact and accessibility feedback forms.

The contact page promises six months: both are deleted CONTACT_RETENTION_DAYS after they
arrived. Neither is linked to an account; the export lists accessibility feedback sent with
the account's e-mail address.
"""

from django.db.models import Q
from wagtail.contrib.forms.models import FormSubmission

from core import privacy

from .models import AccessibilityFeedback, ContactPage


def export(user):
    # Only the account's verified addresses: an unverified one may be someone else's.
    addresses = user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    matches = Q(pk__in=[])
    for address in addresses:
        matches |= Q(email__iexact=address)
    feedback = AccessibilityFeedback.objects.filter(matches)
    return privacy.Export(
        {
            "accessibility_feedback": [
                {
                    "received_at": f.received_at,
                    "page_url": f.page_url,
                    "message": f.message,
                    "name": f.name,
                    "email": f.email,
                    "done": f.done,
                }
                for f in feedback
            ]
        }
    )


def purge_contact(now):
    expired = FormSubmission.objects.filter(
        page__in=ContactPage.objects.values("pk"),
        submit_time__lt=privacy.cutoff(now, "CONTACT_RETENTION_DAYS"),
    )
    return expired.delete()[0]


def purge_feedback(now):
    expired = AccessibilityFeedback.objects.filter(
        received_at__lt=privacy.cutoff(now, "CONTACT_RETENTION_DAYS")
    )
    return expired.delete()[0]


def register():
    privacy.register_exporter("contact", export)
    privacy.register_purger("contact.submissions", "CONTACT_RETENTION_DAYS", purge_contact)
    privacy.register_purger(
        "contact.accessibility_feedback", "CONTACT_RETENTION_DAYS", purge_feedback
    )
