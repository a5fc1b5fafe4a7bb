"""Notifications: who hears about what, in their own language, now or in a daily digest.

Apps register the kinds of notice they send (`register_kind`, in their `AppConfig.ready`),
each with a label, a subject that names what happened and to what (`%(title)s`), and,
where it is not for everyone, who is offered it. Every e-mail carries a one-click
unsubscribe link (RFC 8058) for its kind.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Frequency, NotificationPreference, PendingNotification
from ..tasks import send_email

SALT = "quartier.participation.unsubscribe"  # kept: links in mails already sent stay valid


class _Placeholders(dict):
    """Subject arguments; one a caller did not give shows as "…" instead of failing."""

    def __missing__(self, key):
        return "…"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    offered_to: object = None  # callable(user) -> bool; None: everyone with an account
    subject: object = None  # lazy text with %(title)s (and other named arguments)
    default: str = Frequency.IMMEDIATE  # for people who have not chosen

    def is_offered_to(self, user):
        return self.offered_to is None or bool(self.offered_to(user))

    def subject_for(self, title=None, **args):
        """The subject in the active language, naming the object (`title`)."""
        if self.subject is None:
            return _("Neuigkeiten aus der Beteiligung")
        return str(self.subject) % _Placeholders(title=title or "…", **args)


_kinds = {}
_muted = ContextVar("quartier_notifications_muted", default=False)


@contextmanager
def muted():
    """Nobody is notified of what happens inside (e.g. while the demo is loaded: its
    fictional people need no mail, and the worker's queue stays free for real ones).
    Wrap the whole transaction: notices are sent on commit."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def register_kind(key, label, offered_to=None, subject=None, default=Frequency.IMMEDIATE):
    """Make a kind of notice known; apps call this once, from their AppConfig.ready().

    `subject` (gettext_lazy) names what happened and to what: "Neue Antwort auf Ihren
    Kommentar zu „%(title)s“"; notify() fills in the title in the recipient's language.
    `default` is the frequency of everyone who has not chosen one (the daily digest for
    busy kinds: one session must not send a member a hundred mails).
    """
    _kinds[key] = Kind(key, label, offered_to, subject, default)


def default_frequency(key):
    kind = _kinds.get(key)
    return kind.default if kind else Frequency.IMMEDIATE


def get_kind(key):
    return _kinds.get(key)


def kinds():
    """Every registered kind, in the order the apps registered them."""
    return list(_kinds.values())


def kind_label(key):
    kind = _kinds.get(key)
    return kind.label if kind else None


def frequency_for(user, kind):
    preference = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return preference.frequency if preference else default_frequency(kind)


def set_frequency(user_id, kind, frequency):
    NotificationPreference.objects.update_or_create(
        user_id=user_id, kind=kind, defaults={"frequency": frequency}
    )


def unsubscribe_url(user, kind):
    token = signing.dumps({"u": user.pk, "k": kind}, salt=SALT)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        path = reverse("notifications_unsubscribe", args=[token])
    return settings.SITE_URL + path


def read_unsubscribe_token(token):
    """(user id, kind) from a link, or None if it was changed or made up."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return data.get("u"), data.get("k")


def notify(
    user,
    kind,
    make_text,
    url,
    exclude=None,
    subject=None,
    title=None,
    subject_args=None,
    group="",
):
    """Tell one person about something, in their language and at their chosen frequency.

    The subject is the kind's (`title` and `subject_args` filled in), or `subject()` where a
    caller needs one more specific than its kind's. `group` is the heading the digest lists
    the notice under (the intranet: the workspace).
    """
    if user is None or not user.is_active or (exclude is not None and user.pk == exclude.pk):
        return
    if _muted.get():
        return
    frequency = frequency_for(user, kind)
    if frequency == Frequency.NONE:
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        text = make_text()
        if frequency == Frequency.DAILY:
            PendingNotification.objects.create(
                user=user, kind=kind, text=text, url=url, group=str(group)[:200]
            )
            return
        link = unsubscribe_url(user, kind)
        body = _(
            "%(text)s\n\n%(url)s\n\nSie erhalten diese E-Mail, weil Sie sich für solche "
            "Nachrichten entschieden haben. Abbestellen: %(unsubscribe)s"
        ) % {"text": text, "url": url, "unsubscribe": link}
        if subject is not None:
            subject_text = subject()
        elif kind in _kinds:
            subject_text = _kinds[kind].subject_for(title, **(subject_args or {}))
        else:
            subject_text = _("Neuigkeiten aus der Beteiligung")
        send_email.enqueue(
            subject=str(subject_text),
            body=body,
            recipients=[user.email],
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def send_digests():
    """Send each person one e-mail with everything collected since their last digest.

    Person by person, in one transaction each: the lines are locked, the mail is queued
    (django-tasks' database backend: a row in the same transaction) and the lines are
    deleted. A run that stops half-way has sent exactly the digests whose lines are gone;
    the next run sends the rest, nothing twice; two runs at once skip each other's people.
    """
    sent = 0
    user_ids = (
        PendingNotification.objects.order_by("user_id").values_list("user_id", flat=True).distinct()
    )
    for user_id in list(user_ids):
        with transaction.atomic():
            items = list(
                PendingNotification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .filter(user_id=user_id)
                .order_by("group", "created_at", "pk")
            )
            if not items:
                continue  # another run has them
            user = items[0].user
            if user.is_active and user.email:
                _send_digest(user, items)
                sent += 1
            PendingNotification.objects.filter(pk__in=[item.pk for item in items]).delete()
    return sent


def _send_digest(user, items):
    with translation.override(user.language or settings.LANGUAGE_CODE):
        sections = []
        for group, lines in groupby(items, key=lambda item: item.group):
            entries = "\n\n".join(f"- {item.text}\n  {item.url}" for item in lines)
            sections.append(f"{group}\n{'=' * len(group)}\n\n{entries}" if group else entries)
        keys = sorted({item.kind for item in items})
        links = "\n".join(f"{kind_label(key) or key}: {unsubscribe_url(user, key)}" for key in keys)
        preferences = settings.SITE_URL + reverse("notifications_preferences")
        body = _(
            "Das ist neu seit der letzten Zusammenfassung:\n\n%(lines)s\n\n"
            "Wie oft Sie welche Nachrichten erhalten, stellen Sie hier ein: %(preferences)s\n\n"
            "Abbestellen:\n%(links)s"
        ) % {"lines": "\n\n".join(sections), "links": links, "preferences": preferences}
        subject = ngettext(
            "Ihre tägliche Zusammenfassung: %(count)d Neuigkeit",
            "Ihre tägliche Zusammenfassung: %(count)d Neuigkeiten",
            len(items),
        ) % {"count": len(items)}
        send_email.enqueue(
            subject=subject,
            body=body,
            recipients=[user.email],
            headers={"List-Unsubscribe": f"<{unsubscribe_url(user, keys[0])}>"},
        )
