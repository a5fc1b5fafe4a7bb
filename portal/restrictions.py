"""Restricted pages stay restricted in every language.

Wagtail applies a `PageViewRestriction` to the page and its descendants in the same tree
only: a translation (another page with the same `translation_key`) stays public, and
`.public()` lists an alias that is not below the restricted page. Two guards close this:

1. **Sync.** A page, its translations and its aliases form one group; whenever a restriction
   of one of them is created, changed (kind, password, groups) or deleted, every page of
   the group gets the same restrictions. A new translation or alias gets its group's
   restrictions when it is created. `manage.py sync_view_restrictions` (also run after
   every `migrate`) does the same for restrictions made without the signals.
2. **Filter.** `hidden_q(request)` matches every page the visitor may not see: below a
   restriction the visitor does not pass, or whose translation or original is. Every
   public output filters with `visible(queryset, request)`; feeds, calendars, the sitemap
   and the search pass no request and list only what anyone may see.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from portal.languages import SOURCE_LANGUAGE

_syncing = ContextVar("quartier_restrictions_syncing", default=False)


@contextmanager
def _sync_guard():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


# --- groups of pages --------------------------------------------------------------------


def group_ids(page):
    """Ids of the pages that show the same content as `page` in some language: its
    translations and aliases, and theirs, `page` included."""
    ids = {page.pk}
    frontier = {page.pk}
    while frontier:
        rows = Page.objects.filter(pk__in=frontier).values_list("translation_key", "alias_of_id")
        keys = {key for key, _alias in rows}
        originals = {alias for _key, alias in rows if alias}
        found = set(
            Page.objects.filter(
                Q(translation_key__in=keys) | Q(alias_of_id__in=frontier) | Q(pk__in=originals)
            ).values_list("pk", flat=True)
        )
        frontier = found - ids
        ids |= found
    return ids


# --- sync -------------------------------------------------------------------------------


def _spec(restriction):
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(group.pk for group in restriction.groups.all()),
    )


def _specs(restrictions):
    """The distinct (kind, password, groups) of `restrictions`, in a stable order."""
    seen = []
    for restriction in restrictions:
        spec = _spec(restriction)
        if spec not in seen:
            seen.append(spec)
    return seen


def _reconcile(page_id, specs):
    """Make the restrictions of page `page_id` exactly `specs`: rows that already match a
    spec stay (the newest of equal rows, so a row someone is just saving survives), other
    rows are updated to the missing specs, the rest deleted."""
    rows = list(
        PageViewRestriction.objects.filter(page_id=page_id)
        .prefetch_related("groups")
        .order_by("-pk")
    )
    unused = {row.pk: (row, _spec(row)) for row in rows}
    missing = []
    for spec in specs:
        match = next((pk for pk, (_row, have) in unused.items() if have == spec), None)
        if match is None:
            missing.append(spec)
        else:
            del unused[match]
    for kind, password, groups in missing:
        if unused:
            row, (have_kind, have_password, have_groups) = unused.pop(next(iter(unused)))
            if (have_kind, have_password) != (kind, password):
                row.restriction_type, row.password = kind, password
                row.save()
            if have_groups != groups:
                row.groups.set(groups)
        else:
            row = PageViewRestriction.objects.create(
                page_id=page_id, restriction_type=kind, password=password
            )
            if groups:
                row.groups.set(groups)
    if unused:
        PageViewRestriction.objects.filter(pk__in=list(unused)).delete()


def _restrictions_of(page_id):
    return PageViewRestriction.objects.filter(page_id=page_id).prefetch_related("groups")


def sync_from(page):
    """Give every translation and alias of `page` exactly the restrictions of `page`."""
    specs = _specs(_restrictions_of(page.pk).order_by("pk"))
    with _sync_guard():
        for member in sorted(group_ids(page)):
            _reconcile(member, specs)


def copy_to_new_page(page):
    """A new translation or alias takes its group's restrictions (from its original, else
    from the source language's page, else from any restricted member)."""
    related = Q(page__translation_key=page.translation_key)
    if page.alias_of_id:
        related |= Q(page_id=page.alias_of_id)
    if not PageViewRestriction.objects.filter(related).exclude(page_id=page.pk).exists():
        return  # one query for the usual new page, whose group has no restriction
    members = group_ids(page) - {page.pk}
    if not members:
        return
    restricted = (
        Page.objects.filter(pk__in=members, view_restrictions__isnull=False)
        .distinct()
        .select_related("locale")
    )
    candidates = sorted(
        restricted,
        key=lambda other: (
            other.pk != page.alias_of_id,
            other.alias_of_id is not None,
            other.locale.language_code != SOURCE_LANGUAGE,
            other.pk,
        ),
    )
    if not candidates:
        return
    specs = _specs(_restrictions_of(candidates[0].pk).order_by("pk"))
    with _sync_guard():
        _reconcile(page.pk, specs)


def sync_all():
    """For restrictions made without the signals (before the sync existed, bulk_create,
    raw SQL): every group with a restricted page takes the restrictions of its original in
    the source language (else of the oldest restricted member). Returns the number of
    groups synced."""
    done, count = set(), 0
    restricted = (
        Page.objects.filter(view_restrictions__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", "alias_of_id", "locale__language_code")
    )
    restricted = sorted(
        restricted, key=lambda row: (row[1] is not None, row[2] != SOURCE_LANGUAGE, row[0])
    )
    for pk, _alias, _language in restricted:
        if pk in done:
            continue
        page = Page.objects.get(pk=pk)
        done |= group_ids(page)
        sync_from(page)
        count += 1
    return count


# --- signal receivers (connected in PortalConfig.ready) -----------------------------------


def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or _syncing.get():
        return
    sync_from(instance.page)


def restriction_groups_changed(sender, instance, action, reverse, pk_set=None, **kwargs):
    if _syncing.get() or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        sync_from(instance.page)
    elif pk_set:
        # group.pageviewrestriction_set.add/remove(...): sync every restriction touched.
        # (A group's clear() takes the group from every copy at once: nothing to sync.)
        for page in Page.objects.filter(view_restrictions__pk__in=pk_set).distinct():
            sync_from(page)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    if _syncing.get():
        return
    # Deleting a page deletes its restrictions too: its translations keep theirs.
    if not (
        isinstance(origin, PageViewRestriction)
        or getattr(origin, "model", None) is PageViewRestriction
    ):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_from(page)


def page_created(sender, instance, created=False, raw=False, **kwargs):
    if not created or raw or _syncing.get() or not isinstance(instance, Page):
        return
    copy_to_new_page(instance)


# --- filter -----------------------------------------------------------------------------


def passed_passwords(request):
    """Ids of the password restrictions this visitor's session has passed."""
    session = getattr(request, "session", None)
    if session is None:
        return set()
    return set(session.get(PageViewRestriction.passed_view_restrictions_session_key, []))


def _denied_roots(request):
    """(page id, translation key, original id) of each restriction the visitor does not pass
    (request None: anyone). Wagtail's `accept_request`, on values fetched once; a password
    passed in one language counts for the same password on the page's translations."""
    restrictions = list(
        PageViewRestriction.objects.values_list(
            "pk",
            "restriction_type",
            "password",
            "page_id",
            "page__translation_key",
            "page__alias_of_id",
        )
    )
    if not restrictions:
        return []
    user = getattr(request, "user", None) if request is not None else None
    logged_in = bool(user is not None and user.is_authenticated)
    superuser = logged_in and user.is_superuser
    restriction_groups, mine = {}, set()
    with_groups = any(row[1] == BaseViewRestriction.GROUPS for row in restrictions)
    if logged_in and not superuser and with_groups:
        rows = PageViewRestriction.groups.through.objects.values_list(
            "pageviewrestriction_id", "group_id"
        )
        for restriction_id, group_id in rows:
            restriction_groups.setdefault(restriction_id, set()).add(group_id)
        mine = set(user.groups.values_list("pk", flat=True))
    passed = passed_passwords(request) if request is not None else set()
    passed_keys = {
        (key, password)
        for pk, kind, password, _page, key, _alias in restrictions
        if kind == BaseViewRestriction.PASSWORD and pk in passed
    }
    denied = []
    for pk, kind, password, page_id, key, alias_of in restrictions:
        if kind == BaseViewRestriction.PASSWORD:
            admitted = pk in passed or (key, password) in passed_keys
        elif kind == BaseViewRestriction.LOGIN:
            admitted = logged_in
        elif kind == BaseViewRestriction.GROUPS:
            admitted = superuser or bool(mine & restriction_groups.get(pk, set()))
        else:
            admitted = True
        if not admitted:
            denied.append((page_id, key, alias_of))
    return denied


def pass_translations_password(page, request):
    """Hook `before_serve_page`: a visitor who entered a page's password in one language
    need not enter it again for the same page in another language."""
    passed = passed_passwords(request)
    if not passed:
        return
    for restriction in page.get_view_restrictions().filter(
        restriction_type=BaseViewRestriction.PASSWORD
    ):
        if restriction.pk in passed:
            continue
        if PageViewRestriction.objects.filter(
            pk__in=passed,
            restriction_type=BaseViewRestriction.PASSWORD,
            password=restriction.password,
            page__translation_key=restriction.page.translation_key,
        ).exists():
            restriction.mark_as_passed(request)


NOTHING = Q(pk__in=[])


def hidden_q(request=None):
    """A Q matching every page the visitor of `request` may not see (without a request:
    every page that is not public): below a restriction they do not pass, below a
    translation, alias or original of such a page, or a translation of any of those.
    Two queries however many restrictions exist (four for a logged-in person when there
    are group restrictions), at most once per request."""
    cached = getattr(request, "_quartier_hidden_q", None) if request is not None else None
    if cached is not None:
        return cached
    denied = _denied_roots(request)
    if not denied:
        q = NOTHING
    else:
        ids = {page_id for page_id, _key, _alias in denied}
        keys = {key for _id, key, _alias in denied}
        originals = {alias for _id, _key, alias in denied if alias}
        pages = ids | originals
        roots = Page.objects.filter(
            Q(pk__in=pages) | Q(translation_key__in=keys) | Q(alias_of_id__in=pages)
        ).values_list("path", flat=True)
        below, kept = Q(), []
        for path in sorted(set(roots)):
            if not any(path.startswith(outer) for outer in kept):  # already below one
                kept.append(path)
                below |= Q(path__startswith=path)
        q = below | Q(translation_key__in=Page.objects.filter(below).values("translation_key"))
    if request is not None:
        request._quartier_hidden_q = q
    return q


def public_q(request=None):
    """`hidden_q` for a visitor whom no restriction admits, computed once per request (and
    shared with `hidden_q(request)` when the visitor is such a one)."""
    if request is None:
        return hidden_q(None)
    user = getattr(request, "user", None)
    if not (user is not None and user.is_authenticated) and not passed_passwords(request):
        return hidden_q(request)
    cached = getattr(request, "_quartier_public_q", None)
    if cached is None:
        cached = request._quartier_public_q = hidden_q(None)
    return cached


def visible(queryset, request=None, *, public=False):
    """`queryset` without the pages the visitor of `request` may not see (see `hidden_q`).
    With `public=True` (feeds, calendars, sitemap, search: read by machines and shared),
    or without a request, only what anyone may see."""
    return queryset.exclude(public_q(request) if public else hidden_q(request))


def refusal_for_hidden_page(page, request):
    """Hook `before_serve_page`: a page Wagtail would serve (its own tree's restrictions
    admit the visitor) but whose translation or original is restricted for them gets the
    explanation page instead. Wagtail's own answers (login, password form) come first."""
    hidden = hidden_q(request)
    if hidden is NOTHING or not Page.objects.filter(pk=page.pk).filter(hidden).exists():
        return None
    if any(not r.accept_request(request) for r in page.get_view_restrictions()):
        return None  # Wagtail's check answers with the login or the password form
    from django.utils.translation import gettext

    from core.refusals import not_allowed
    from core.rules import LOGIN, ROLE, deny

    if request.user.is_authenticated:
        decision = deny(
            ROLE,
            gettext(
                "Diese Seite ist nicht öffentlich: Eine ihrer Sprachfassungen ist nur für "
                "bestimmte Gruppen oder mit Passwort zugänglich, und Ihr Konto hat keinen "
                "Zugang. Wenden Sie sich an das Stadtteilbüro, wenn Sie ihn brauchen."
            ),
        )
    else:
        decision = deny(
            LOGIN,
            gettext(
                "Diese Seite ist nicht öffentlich: Eine ihrer Sprachfassungen ist nur für "
                "angemeldete Personen zugänglich. Bitte melden Sie sich an, wenn Sie Zugang "
                "haben."
            ),
        )
    return not_allowed(request, None, decision)


def sync_after_migrate(app_config=None, using="default", **kwargs):
    """After every `migrate` (once, after the last app): restrictions made before the sync
    existed, or while it was not connected, reach every translation and alias."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config != with_models[-1]:
        return
    sync_all()
