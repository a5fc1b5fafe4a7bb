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
    register_kind("state", gettext_lazy("Änderungen am Stand meiner Vorschläge"))
    register_kind("comments", gettext_lazy("Neue Kommentare zu meinen Vorschlägen"))
    register_kind("follows", gettext_lazy("Neuigkeiten zu Vorschlägen, denen ich folge"))
    register_kind(
        "reports",
        gettext_lazy("Neue Meldungen (für die Moderation)"),
        offered_to=lambda user: user.has_perm("participation.moderate_proposal"),
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

    notify(proposal.author, "state", text, url, exclude=actor)
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
            )


def comment_added(comment):
    proposal = comment.proposal
    url = proposal_url(proposal) + "#kommentare"
    notify(
        proposal.author,
        "comments",
        lambda: _("Neuer Kommentar zu Ihrem Vorschlag „%(title)s“.") % {"title": proposal.title},
        url,
        exclude=comment.author,
    )
    for person in followers(proposal):
        if person.pk != getattr(proposal.author, "pk", None):
            notify(
                person,
                "follows",
                lambda: _("Neuer Kommentar zum Vorschlag „%(title)s“.") % {"title": proposal.title},
                url,
                exclude=comment.author,
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
        )
