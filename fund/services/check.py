"""The office's formal check and the way onto the jury's agenda: complete applications go
to the jury's next meeting whose submission deadline they met."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import money
from core.refusals import Refused, require
from intranet import interface as intranet

from .. import rules
from ..models import Application
from ..models.applications import CheckOutcome, State
from .conflicts import flag_conflicts
from .history import _event, _mail


def next_meeting_for(application, moment=None):
    """The jury's next meeting whose submission deadline the application met."""
    moment = moment or timezone.now()
    submitted = application.submitted_at or moment
    fund = application.fund
    for meeting in intranet.upcoming_meetings(fund.jury, after=moment):
        if meeting.starts_at - timedelta(days=fund.deadline_days) >= submitted:
            return meeting
    return None


def upcoming_dates(fund, count=4):
    """The jury's next meetings with the submission deadline for each."""
    return [
        {"meeting": m.starts_at, "deadline": m.starts_at - timedelta(days=fund.deadline_days)}
        for m in intranet.upcoming_meetings(fund.jury)[:count]
    ]


def _schedule(application, actor):
    """Put the application on the agenda of its meeting, or let it wait for one."""
    meeting = next_meeting_for(application)
    if meeting is None:
        application.state = State.COMPLETE
        application.save(update_fields=["state", "updated_at"])
        _event(application, State.COMPLETE, actor, _("Noch keine passende Jurysitzung geplant."))
        return None
    item = intranet.append_item(
        meeting,
        title=_("Antrag: %(title)s (%(amount)s)")
        % {"title": application.title, "amount": money(application.requested_amount)},
        description=application.description[:1000],
        public=False,
    )
    application.agenda_item = item
    application.state = State.SCHEDULED
    application.save(update_fields=["agenda_item", "state", "updated_at"])
    flag_conflicts(application)
    _event(
        application,
        State.SCHEDULED,
        actor,
        _("Jurysitzung am %(date)s")
        % {"date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")},
    )
    return meeting


def schedule_waiting(fund):
    """Complete applications waiting for a meeting, now that one may exist."""
    for application in fund.applications.filter(state__in=[State.COMPLETE, State.DEFERRED]):
        _schedule(application, None)


def meeting_rescheduled(sender, meeting, cancelled, user=None, **kwargs):
    """The jury's meeting was cancelled or moved (receiver of the intranet's signal, inside
    its transaction): each undecided application on its agenda goes to the next meeting
    whose deadline it met (a moved meeting that still fits keeps it), and the applicants
    are told the new date."""
    applications = Application.objects.filter(
        agenda_item__meeting=meeting, state=State.SCHEDULED, decision__isnull=True
    ).select_related("fund", "agenda_item", "applicant")
    for application in applications:
        if not cancelled and next_meeting_for(application) == meeting:
            new_meeting = meeting
            _event(
                application,
                State.SCHEDULED,
                user,
                _("Jurysitzung verlegt auf %(date)s")
                % {"date": timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")},
            )
        else:
            if cancelled:
                note = _("Jurysitzung am %(date)s abgesagt")
            else:
                note = _("Jurysitzung verlegt auf %(date)s, vor Ablauf der Antragsfrist")
            date = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
            _event(application, State.SCHEDULED, user, note % {"date": date})
            item = application.agenda_item
            application.agenda_item = None
            application.save(update_fields=["agenda_item", "updated_at"])
            if not cancelled:
                intranet.drop_item(item)
            new_meeting = _schedule(application, user)
        _mail(
            application,
            "rescheduled",
            lambda application=application: (
                _("Neuer Termin der Jury für Ihren Antrag: %(title)s")
                % {"title": application.title}
            ),
            None,
            {"meeting": new_meeting, "cancelled": cancelled},
        )


# Subjects are lazy: translated when the mail is written, in the applicant's language.
_SUBJECTS = {
    CheckOutcome.QUESTION: gettext_lazy("Rückfrage zu Ihrem Antrag: %(title)s"),
    CheckOutcome.INELIGIBLE: gettext_lazy("Ihr Antrag ist nicht förderfähig: %(title)s"),
}


def _complete(application, user, page_url):
    meeting = _schedule(application, user)
    _mail(
        application,
        "complete",
        lambda: _("Ihr Antrag ist vollständig: %(title)s") % {"title": application.title},
        page_url,
        {"meeting": meeting},
    )
    return application


@transaction.atomic
def formal_check(*, application, user, outcome, text, page_url):
    """complete: onto the agenda; question: back to the applicant; ineligible: refused
    with a reason. Questions and reasons are written down and mailed."""
    require(rules.can_check(user, application))
    if outcome == CheckOutcome.COMPLETE:
        return _complete(application, user, page_url)
    if not text.strip():
        raise Refused(_("Bitte schreiben Sie die Rückfrage oder die Begründung auf."))
    if outcome not in _SUBJECTS:
        raise Refused(_("Bitte wählen Sie ein Ergebnis der Prüfung."))
    if outcome == CheckOutcome.QUESTION:
        application.state, application.question = State.QUESTION, text
    else:
        application.state, application.reason = State.INELIGIBLE, text
    subject_text = _SUBJECTS[outcome]

    def subject():
        return str(subject_text) % {"title": application.title}

    application.save(update_fields=["state", "question", "reason", "updated_at"])
    _event(application, application.state, user, text)
    _mail(application, application.state, subject, page_url, {"text": text})
    return application
