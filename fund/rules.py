"""Who may do what with the fund, and why not. Views, templates and tests ask only here.

Roles: applicant (the account that applied), office staff (permission fund.manage_fund),
jury members (members of the fund's jury workspace), the jury's chair and minute-taker
(who record decisions), everyone else.

What the intranet checks again in its own services is asked of the intranet here too (through
`intranet.interface`): seeing the jury's workspace, recording a decision in the jury's
minutes, starting a circulation. So a page never offers what the service would then refuse."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.rules import ALLOWED, LOGIN, PHASE, ROLE, STATE, deny
from intranet import interface as intranet

from .models.applications import AWAITING_JURY, FUNDED, State


def is_staff(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("fund.manage_fund"))


def is_jury(user, fund):
    return user.is_authenticated and bool(intranet.can_view_workspace(user, fund.jury))


def is_applicant(user, application):
    return user.is_authenticated and application.applicant_id == user.pk


def can_apply(user, fund):
    if not fund.open_for_applications:
        return deny(PHASE, _("Für diesen Fonds werden gerade keine Anträge angenommen."))
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um einen Antrag zu stellen."))
    return ALLOWED


def can_enter_for_applicant(user, fund):
    if not is_staff(user):
        return deny(ROLE, _("Anträge für andere trägt das Stadtteilbüro ein."))
    return ALLOWED


def can_view(user, application):
    if is_applicant(user, application) or is_staff(user):
        return ALLOWED
    if application.state != State.DRAFT and is_jury(user, application.fund):
        return ALLOWED
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um Ihren Antrag zu sehen."))
    return deny(ROLE, _("Diesen Antrag sehen die Antragstellenden, das Büro und die Jury."))


def can_edit(user, application):
    if not (is_applicant(user, application) or (application.entered_by_id and is_staff(user))):
        return deny(ROLE, _("Ändern können nur die Antragstellenden."))
    if application.state not in (State.DRAFT, State.QUESTION):
        return deny(STATE, _("Der Antrag ist eingereicht und kann nicht mehr geändert werden."))
    return ALLOWED


def can_check(user, application):
    if not is_staff(user):
        return deny(ROLE, _("Die formale Prüfung macht das Stadtteilbüro."))
    if application.state != State.SUBMITTED:
        return deny(STATE, _("Nur eingereichte Anträge werden geprüft."))
    return ALLOWED


def can_decide(user, application):
    """Record the jury's vote (or defer): the chair, the minute-taker or the office, in the
    running meeting, while its minutes are a draft (the intranet's rule for the minutes)."""
    if not intranet.can_manage_meetings(user, application.fund.jury):
        return deny(ROLE, _("Entscheidungen der Jury tragen Vorsitz und Protokoll ein."))
    if application.state != State.SCHEDULED or application.agenda_item_id is None:
        return deny(STATE, _("Der Antrag steht nicht auf der Tagesordnung der Jury."))
    meeting = application.agenda_item.meeting
    if meeting.starts_at > timezone.now():
        return deny(
            PHASE,
            _("Die Jury entscheidet in ihrer Sitzung am %(date)s.")
            % {"date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")},
            opens_at=meeting.starts_at,
        )
    return intranet.can_record_decision(user, meeting)


def can_view_agreement(user, application):
    gate = can_view(user, application)
    if not gate:
        return gate
    if not application.is_funded:
        return deny(STATE, _("Eine Vereinbarung gibt es erst nach der Bewilligung."))
    return ALLOWED


def can_record_payment(user, application):
    if not is_staff(user):
        return deny(ROLE, _("Auszahlungen bucht das Stadtteilbüro."))
    if application.state not in (State.APPROVED, State.SETTLEMENT):
        return deny(STATE, _("Auszahlungen gibt es nur für bewilligte Anträge."))
    return ALLOWED


def can_settle(user, application, today=None):
    today = today or timezone.localdate()
    if not is_applicant(user, application) and not (application.entered_by_id and is_staff(user)):
        return deny(ROLE, _("Die Abrechnung reichen die Antragstellenden ein."))
    if application.state != State.APPROVED:
        return deny(STATE, _("Abgerechnet wird eine bewilligte Aktion, einmal."))
    if application.settlement_due and today > application.settlement_due:
        return deny(
            PHASE,
            _(
                "Die Frist für die Abrechnung ist am %(date)s abgelaufen. Bitte melden Sie "
                "sich im Stadtteilbüro."
            )
            % {"date": application.settlement_due.strftime("%d.%m.%Y")},
        )
    return ALLOWED


def can_extend_deadline(user, application):
    """The office extends the settlement deadline of a granted action (also once it passed)."""
    if not is_staff(user):
        return deny(ROLE, _("Die Frist für die Abrechnung verlängert das Stadtteilbüro."))
    if application.state != State.APPROVED:
        return deny(
            STATE, _("Eine Frist gibt es nur für bewilligte, noch nicht abgerechnete Aktionen.")
        )
    return ALLOWED


def can_view_contact(user, application):
    """E-mail address, phone and the name of the contact person are for the applicants and
    the office; the jury decides on the action, not on the person."""
    if is_applicant(user, application) or is_staff(user):
        return ALLOWED
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an."))
    return deny(ROLE, _("Die Kontaktdaten sehen nur die Antragstellenden und das Stadtteilbüro."))


def can_view_bank_details(user, application):
    """IBAN and account holder: the applicants and the office (which pays), never the jury;
    shown masked on pages, in full only on the funding agreement."""
    if is_applicant(user, application) or is_staff(user):
        return ALLOWED
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an."))
    return deny(ROLE, _("Die Bankverbindung sehen nur die Antragstellenden und das Stadtteilbüro."))


def can_check_settlement(user, application):
    if not is_staff(user):
        return deny(ROLE, _("Die Abrechnung prüft das Stadtteilbüro."))
    if application.state != State.SETTLEMENT:
        return deny(STATE, _("Es liegt keine Abrechnung zur Prüfung vor."))
    return ALLOWED


def can_view_ledger(user, fund):
    if is_staff(user) or is_jury(user, fund):
        return ALLOWED
    return deny(ROLE, _("Die Übersicht der Mittel sehen das Büro und die Jury."))


def can_see_report(user):
    if is_staff(user):
        return ALLOWED
    return deny(ROLE, _("Den Jahresbericht erstellt das Stadtteilbüro."))


def can_circulate(user, application):
    """Between meetings, where the jury's rules allow it: a decision by circulation, started
    by those the intranet lets start one (the chair and the office)."""
    jury = application.fund.jury
    if not jury.allows_circulation:
        return deny(ROLE, _("Die Jury entscheidet nur in Sitzungen."))
    if not intranet.can_start_circulation(user, jury):
        return deny(ROLE, _("Ein Umlaufverfahren starten Vorsitz und Stadtteilbüro."))
    if application.state not in AWAITING_JURY or (
        application.circulation_id and not application.circulation.closed_at
    ):
        return deny(STATE, _("Für diesen Antrag ist kein Umlaufverfahren möglich."))
    return ALLOWED


# --- files -------------------------------------------------------------------------------


def photos_are_public(application):
    """A funded action's photos are published once the action is funded and the
    applicants agreed to publish photos; before that they are private."""
    return application.state in FUNDED and application.consent_photos


def can_view_photo(user, photo):
    if photos_are_public(photo.application):
        return ALLOWED
    return can_view(user, photo.application)


def can_view_receipts(user, application):
    """Receipts are for the applicants, the office (which checks them) and the jury (which
    answers for the fund's money); never for anyone else."""
    if is_applicant(user, application) or is_staff(user):
        return ALLOWED
    if application.state != State.DRAFT and is_jury(user, application.fund):
        return ALLOWED
    if not user.is_authenticated:
        return deny(LOGIN, _("Bitte melden Sie sich an, um die Belege zu sehen."))
    return deny(ROLE, _("Belege sehen die Antragstellenden, das Stadtteilbüro und die Jury."))
