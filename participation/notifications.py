"""Notices about proposals: to their authors, their followers and the moderators.

The delivery (language, frequency, digests, unsubscribe) is `core.notifications`.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.notifications import notify, register_kind

from .models import Follow


def register_kinds():
    """Called from the app's ready(): the kinds of notice participation sends."""
    register_kind(
        "state",
        gettext_lazy("Änderungen am Stand meiner Vorschläge"),
        subject=gettext_lazy("Ihr Vorschlag „%(title)s“ ist jetzt: %(state)s"),
    )
    register_kind(
        "comments",
        gettext_lazy("Neue Kommentare zu meinen Vorschlägen"),
        subject=gettext_lazy("Neuer Kommentar zu Ihrem Vorschlag „%(title)s“"),
    )
    register_kind(
        "replies",
        gettext_lazy("Antworten auf meine Kommentare"),
        subject=gettext_lazy("Neue Antwort auf Ihren Kommentar zu „%(title)s“"),
    )
    register_kind(
        "follows",
        gettext_lazy("Neuigkeiten zu Vorschlägen, denen ich folge"),
        subject=gettext_lazy("Neuigkeiten zum Vorschlag „%(title)s“, dem Sie folgen"),
    )
    register_kind(
        "reports",
        gettext_lazy("Neue Meldungen (für die Moderation)"),
        offered_to=lambda user: user.has_perm("participation.moderate_proposal"),
        subject=gettext_lazy("Meldung zum Vorschlag „%(title)s“: bitte prüfen"),
    )


def proposal_url(proposal):
    return proposal.process.site_subpage_url("detail", proposal.pk)


def followers(proposal):
    return [
        follow.user for follow in Follow.objects.filter(proposal=proposal).select_related("user")
    ]


def state_changed(proposal, actor):
    url = proposal_url(proposal)

    def text():
        return _("Der Stand Ihres Vorschlags „%(title)s“ ist jetzt: %(state)s.") % {
            "title": proposal.title,
            "state": proposal.get_state_display(),
        }

    notify(
        proposal.author,
        "state",
        text,
        url,
        exclude=actor,
        title=proposal.title,
        subject_args={"state": LazyState(proposal)},
    )
    for person in followers(proposal):
        if person.pk != getattr(proposal.author, "pk", None):
            notify(
                person,
                "follows",
                lambda: (
                    _("Neuer Stand beim Vorschlag „%(title)s“: %(state)s.")
                    % {"title": proposal.title, "state": proposal.get_state_display()}
                ),
                url,
                exclude=actor,
                subject=lambda: (
                    _("Neuer Stand beim Vorschlag „%(title)s“: %(state)s")
                    % {"title": proposal.title, "state": proposal.get_state_display()}
                ),
            )


class LazyState:
    """The proposal's state, shown in the language active when the subject is made."""

    def __init__(self, proposal):
        self.proposal = proposal

    def __str__(self):
        return str(self.proposal.get_state_display())


def comment_added(comment):
    """The author of the comment answered hears of the reply ("replies"); the proposal's
    author of a new comment ("comments"); its followers too ("follows"). Everyone once,
    by the most specific kind, and nobody about their own comment."""
    proposal = comment.proposal
    url = proposal_url(proposal) + "#kommentare"
    told = {getattr(comment.author, "pk", None)}
    parent = comment.parent
    if parent is not None and parent.author is not None and parent.author.pk not in told:
        told.add(parent.author.pk)
        notify(
            parent.author,
            "replies",
            lambda: (
                _("Neue Antwort auf Ihren Kommentar zum Vorschlag „%(title)s“:\n\n%(text)s")
                % {"title": proposal.title, "text": comment.text[:500]}
            ),
            url,
            exclude=comment.author,
            title=proposal.title,
        )
    if proposal.author is not None and proposal.author.pk not in told:
        told.add(proposal.author.pk)
        notify(
            proposal.author,
            "comments",
            lambda: (
                _("Neuer Kommentar zu Ihrem Vorschlag „%(title)s“.") % {"title": proposal.title}
            ),
            url,
            exclude=comment.author,
            title=proposal.title,
        )
    for person in followers(proposal):
        if person.pk not in told:
            told.add(person.pk)
            notify(
                person,
                "follows",
                lambda: _("Neuer Kommentar zum Vorschlag „%(title)s“.") % {"title": proposal.title},
                url,
                exclude=comment.author,
                subject=lambda: (
                    _("Neuer Kommentar zum Vorschlag „%(title)s“") % {"title": proposal.title}
                ),
            )


def report_added(report, moderators):
    target = report.target
    proposal = target if hasattr(target, "title") else target.proposal
    url = settings.SITE_URL + reverse(
        "wagtailsnippets_participation_proposal:list"
        if hasattr(target, "title")
        else "wagtailsnippets_participation_comment:list"
    )
    for person in moderators:
        notify(
            person,
            "reports",
            lambda: (
                _("Ein Beitrag zum Vorschlag „%(title)s“ wurde gemeldet.")
                % {"title": proposal.title}
            ),
            url,
            exclude=report.reporter,
            title=proposal.title,
        )
