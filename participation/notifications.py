"""Notifications: who hears about what, in their own language, now or in a daily digest.

Every e-mail carries a one-click unsubscribe link (RFC 8058) for its kind.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.tasks import send_email

from .models import Follow, NotificationPreference, PendingNotification

SALT = "quartier.participation.unsubscribe"


def frequency_for(user, kind):
    preference = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return preference.frequency if preference else "immediate"


def unsubscribe_url(user, kind):
    token = signing.dumps({"u": user.pk, "k": kind}, salt=SALT)
    with translation.override(user.language or "de"):
        path = reverse("notifications_unsubscribe", args=[token])
    return settings.SITE_URL + path


def read_unsubscribe_token(token):
    """(user id, kind) from a link, or None if it was changed or made up."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data.get("u"), data.get("k")


def notify(user, kind, make_text, url, exclude=None, subject=None):
    """Tell one person about something, in their language and at their chosen frequency."""
    if user is None or not user.is_active or (exclude is not None and user.pk == exclude.pk):
        return
    frequency = frequency_for(user, kind)
    if frequency == "none":
        return
    with translation.override(user.language or "de"):
        text = make_text()
        if frequency == "daily":
            PendingNotification.objects.create(user=user, kind=kind, text=text, url=url)
            return
        link = unsubscribe_url(user, kind)
        body = _(
            "%(text)s\n\n%(url)s\n\nSie erhalten diese E-Mail, weil Sie sich für solche "
            "Nachrichten entschieden haben. Abbestellen: %(unsubscribe)s"
        ) % {"text": text, "url": url, "unsubscribe": link}
        send_email.enqueue(
            subject=subject() if subject else _("Neuigkeiten aus der Beteiligung"),
            body=body,
            recipients=[user.email],
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def proposal_url(proposal):
    process = proposal.process
    return settings.SITE_URL + process.url + f"vorschlaege/{proposal.pk}/"


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


def send_digests():
    """Send each person one e-mail with everything collected since the last digest."""
    sent = 0
    pending = PendingNotification.objects.select_related("user").order_by("user_id", "pk")
    by_user = {}
    for item in pending:
        by_user.setdefault(item.user, []).append(item)
    for user, items in by_user.items():
        with translation.override(user.language or "de"):
            lines = "\n\n".join(f"- {item.text}\n  {item.url}" for item in items)
            kinds = sorted({item.kind for item in items})
            links = "\n".join(unsubscribe_url(user, kind) for kind in kinds)
            body = _("Das ist neu seit gestern:\n\n%(lines)s\n\nAbbestellen:\n%(links)s") % {
                "lines": lines,
                "links": links,
            }
            send_email.enqueue(
                subject=_("Ihre tägliche Zusammenfassung"),
                body=body,
                recipients=[user.email],
                headers={"List-Unsubscribe": f"<{unsubscribe_url(user, kinds[0])}>"},
            )
        PendingNotification.objects.filter(pk__in=[item.pk for item in items]).delete()
        sent += 1
    return sent
