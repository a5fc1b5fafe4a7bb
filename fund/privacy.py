"""What the fund holds about a person: export, erasure on account deletion, retention.

Decisions (docs/privacy.md):
- Drafts (never submitted) go with the account, with their files.
- Rejected, ineligible and withdrawn applications lose their contact data at once (nothing
  more will be paid or asked) and are deleted after REJECTED_APPLICATION_RETENTION_DAYS.
- Applications in progress or funded keep their contact data: the office still needs to
  reach the applicant, and the funder must keep grant files (FUND_RETENTION_DAYS). Only the
  link to the account goes; the history notes that the account was deleted.
- IBAN and account holder of a closed case are erased BANK_DETAILS_RETENTION_DAYS after it
  was closed: nothing more is paid.
- After the retention period an application is deleted; one that moved money (ledger
  entries, which the books keep) is anonymised instead and its receipts and photos deleted.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.search import index

from core import privacy

from .models import Application, ApplicationEvent, LedgerEntry, Receipt, SettlementPhoto
from .models.applications import DRAFT, FUNDED, INELIGIBLE, REJECTED, SETTLED, WITHDRAWN

SECTION = "fund"
CLOSED_UNFUNDED = (REJECTED, INELIGIBLE, WITHDRAWN)


def export(user):
    applications = (
        Application.objects.filter(applicant=user)
        .select_related("fund", "field_of_action")
        .prefetch_related("costs", "income", "events", "receipts", "photos")
    )
    files = []
    data = []
    for a in applications:
        for receipt in a.receipts.all():
            path = privacy.file_path(
                "fund", receipt.file, prefix=f"{a.pk}-{receipt.pk}-", name=receipt.original_name
            )
            files.append((path, receipt.file))
        for photo in a.photos.all():
            path = privacy.file_path("fund", photo.image, prefix=f"{a.pk}-{photo.pk}-")
            files.append((path, photo.image))
        data.append(
            {
                "id": a.pk,
                "fund": str(a.fund),
                "state": a.state,
                "applicant_type": a.applicant_type,
                "contact_name": a.contact_name,
                "organisation": a.organisation,
                "email": a.email,
                "phone": a.phone,
                "address": a.address,
                "iban": a.iban,
                "account_holder": a.account_holder,
                "language": a.language,
                "title": a.title,
                "description": a.description,
                "aim": a.aim,
                "target_group": a.target_group,
                "place": a.place,
                "starts_on": a.starts_on,
                "ends_on": a.ends_on,
                "volunteers": a.volunteers,
                "partners": a.partners,
                "field_of_action": a.field_of_action.name if a.field_of_action else None,
                "self_check": a.self_check,
                "consent_name": a.consent_name,
                "consent_photos": a.consent_photos,
                "requested_amount": a.requested_amount,
                "approved_amount": a.approved_amount,
                "conditions": a.conditions,
                "question": a.question,
                "answer": a.answer,
                "reason": a.reason,
                "decided_on": a.decided_on,
                "payment_mode": a.payment_mode,
                "settlement_due": a.settlement_due,
                "report": a.report,
                "actual_income": a.actual_income,
                "flat_rate_amount": a.flat_rate_amount,
                "proven_amount": a.proven_amount,
                "created_at": a.created_at,
                "submitted_at": a.submitted_at,
                "costs": [
                    {"cost_type": c.cost_type, "description": c.description, "amount": c.amount}
                    for c in a.costs.all()
                ],
                "income": [{"source": i.source, "amount": i.amount} for i in a.income.all()],
                "history": [
                    {"state": e.state, "note": e.note, "at": e.created_at} for e in a.events.all()
                ],
                "receipts": [
                    {
                        "date": r.date,
                        "vendor": r.vendor,
                        "amount": r.amount,
                        "cost_type": r.cost_type,
                        "status": r.status,
                        "accepted_amount": r.accepted_amount,
                        "check_note": r.check_note,
                        "file": r.file.name,
                    }
                    for r in a.receipts.all()
                ],
                "photos": [{"alt": p.alt, "file": p.image.name} for p in a.photos.all()],
            }
        )
    return privacy.Export({"applications": data}, files)


def _files_of(application_ids):
    receipts = Receipt.objects.filter(application_id__in=application_ids)
    photos = SettlementPhoto.objects.filter(application_id__in=application_ids)
    return [r.file for r in receipts] + [p.image for p in photos]


def _delete(applications):
    """Delete applications (ids) with their files; returns the number deleted."""
    ids = list(applications.values_list("pk", flat=True))
    privacy.delete_files(_files_of(ids))
    Application.objects.filter(pk__in=ids).delete()
    return len(ids)


def _anonymise(applications):
    """Blank the contact data and delete receipts and photos (with their files); amounts,
    title and the books stay. `.update()` leaves `updated_at` as it was."""
    ids = list(applications.values_list("pk", flat=True))
    privacy.delete_files(_files_of(ids))
    Receipt.objects.filter(application_id__in=ids).delete()
    SettlementPhoto.objects.filter(application_id__in=ids).delete()
    changed = Application.objects.filter(pk__in=ids).update(
        applicant=None,
        contact_name=privacy.DELETED_ACCOUNT,
        email="",
        phone="",
        address="",
        iban="",
        account_holder="",
        consent_name=False,
        consent_photos=False,
    )
    # `.update()` sends no signals: the search index must lose the name and report too.
    for application in Application.get_indexed_objects().filter(pk__in=ids):
        index.insert_or_update_object(application)
    return changed


def _with_books():
    return Exists(LedgerEntry.objects.filter(application=OuterRef("pk")))


def erase(user):
    mine = Application.objects.filter(applicant=user)
    drafts = _delete(mine.filter(state=DRAFT))
    closed = mine.filter(state__in=CLOSED_UNFUNDED)
    anonymised = Application.objects.filter(pk__in=list(closed.values_list("pk", flat=True)))
    anonymised = anonymised.update(
        applicant=None,
        contact_name=privacy.DELETED_ACCOUNT,
        email="",
        phone="",
        address="",
        iban="",
        account_holder="",
        consent_name=False,
    )
    kept = list(mine.values_list("pk", "state"))
    with translation.override(settings.LANGUAGE_CODE):  # a note for the office
        note = _(
            "Das Konto der antragstellenden Person wurde gelöscht; die Angaben im Antrag "
            "bleiben bis zum Ende der Aufbewahrungsfrist."
        )
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(application_id=pk, state=state, note=note) for pk, state in kept
    )
    mine.update(applicant=None)
    return {
        "draft_applications_deleted": drafts,
        "closed_applications_anonymised": anonymised,
        "applications_kept_for_retention": len(kept),
    }


def purge_drafts(now):
    return _delete(
        Application.objects.filter(
            state=DRAFT, updated_at__lt=privacy.cutoff(now, "DRAFT_RETENTION_DAYS")
        )
    )


def _expired(now, states, setting):
    return Application.objects.filter(
        state__in=states, updated_at__lt=privacy.cutoff(now, setting)
    ).annotate(has_books=_with_books())


def _purge(expired):
    deleted = _delete(expired.filter(has_books=False))
    anonymised = _anonymise(
        expired.filter(has_books=True).exclude(contact_name=privacy.DELETED_ACCOUNT, email="")
    )
    return deleted + anonymised


def purge_rejected(now):
    """Rejected, ineligible, withdrawn: after REJECTED_APPLICATION_RETENTION_DAYS."""
    return _purge(_expired(now, CLOSED_UNFUNDED, "REJECTED_APPLICATION_RETENTION_DAYS"))


def purge_funded(now):
    """Funded applications: after the funder's retention period, FUND_RETENTION_DAYS."""
    return _purge(_expired(now, FUNDED, "FUND_RETENTION_DAYS"))


def purge_bank_details(now):
    """IBAN and account holder of closed cases (settled, rejected, ineligible, withdrawn):
    erased BANK_DETAILS_RETENTION_DAYS after the case was closed (its closing event; the
    last change for cases without one). Nothing more is paid, the books keep the amounts."""
    cutoff = privacy.cutoff(now, "BANK_DETAILS_RETENTION_DAYS")
    closed_before = ApplicationEvent.objects.filter(
        application=OuterRef("pk"), state=OuterRef("state"), created_at__lt=cutoff
    )
    return (
        Application.objects.filter(state__in=(SETTLED, *CLOSED_UNFUNDED))
        .exclude(iban="", account_holder="")
        .filter(Exists(closed_before) | Q(updated_at__lt=cutoff))
        .update(iban="", account_holder="")
    )


def register():
    privacy.register_exporter(SECTION, export)
    privacy.register_eraser(SECTION, erase)
    privacy.register_purger("fund.draft_applications", "DRAFT_RETENTION_DAYS", purge_drafts)
    privacy.register_purger(
        "fund.rejected_applications", "REJECTED_APPLICATION_RETENTION_DAYS", purge_rejected
    )
    privacy.register_purger("fund.funded_applications", "FUND_RETENTION_DAYS", purge_funded)
    privacy.register_purger("fund.bank_details", "BANK_DETAILS_RETENTION_DAYS", purge_bank_details)
