"""Conflicts of interest the fund can see itself: a voting jury member who is the applicant
(their account, or the e-mail address of their account) is out of the vote and the quorum
for the application's agenda item at once; one whose name only appears in the application
(contact person, group, partners) is flagged for the chair to confirm or strike."""

import re

from django.utils.translation import gettext as _

from intranet import interface as intranet


def _named(name, text):
    """Whether the whole name appears in the text as words (case and spacing aside)."""
    words = name.split()
    if len(words) < 2 or not text:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def _finding(application, member):
    """(reason, confirmed) for one member, or None."""
    if application.applicant_id == member.pk:
        return _("stellt den Antrag (eigenes Konto)"), True
    email = (member.email or "").strip().lower()
    if email and email == (application.email or "").strip().lower():
        return _("stellt den Antrag (E-Mail-Adresse des Kontos)"), True
    if email and email in (application.partners or "").lower():
        return _("als Partner genannt (E-Mail-Adresse des Kontos)"), True
    name = member.get_full_name().strip()
    if _named(name, application.contact_name) or _named(name, application.organisation):
        return _("Name wie die Ansprechperson des Antrags"), False
    if _named(name, application.partners):
        return _("Name unter den Partnern des Antrags"), False
    return None


def flag_conflicts(application):
    """Record what is found for the application's agenda item (nothing already recorded
    is changed)."""
    item = application.agenda_item
    if item is None:
        return
    meeting = item.meeting
    for member in intranet.voting_members(meeting.workspace, meeting.starts_at.date()):
        found = _finding(application, member)
        if found:
            reason, confirmed = found
            intranet.flag_conflict(item=item, member=member, reason=reason, confirmed=confirmed)


def excluded_members(application, day):
    """The jury's voting members on `day` who are the applicant (out of a circulation's vote
    at once; a name alone is left to the member's own declaration there)."""
    return [
        member
        for member in intranet.voting_members(application.fund.jury, day)
        if (found := _finding(application, member)) and found[1]
    ]
