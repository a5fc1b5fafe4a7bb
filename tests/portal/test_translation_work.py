"""Translations go through the same review as originals, and deleting an original asks
what happens to its language versions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, TaskState
from wagtail_localize.models import Translation, TranslationSource

from portal.editorial import EDITORS, MANAGERS
from portal.translation_work import can_submit_translation

from .factories import ContentPageFactory, UserFactory, locale, translate, with_mfa

pytestmark = pytest.mark.django_db


def member(group_name):
    user = with_mfa(UserFactory())
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles(db):
    return {"Redaktion": member(EDITORS), "Leitung": member(MANAGERS)}


def draft_translation(page, code, strings, user):
    """An editor translates `page` in wagtail-localize's editor and saves a draft."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code)
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(user=user, publish=False)
    return page.get_translation(locale(code)).specific


def approve(client, page, manager):
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


# role × action × original/translation
MATRIX = [
    ("Redaktion", "submit", "original", True),
    ("Redaktion", "submit", "translation", True),
    ("Redaktion", "publish", "original", False),
    ("Redaktion", "publish", "translation", False),
    ("Leitung", "submit", "original", True),
    ("Leitung", "submit", "translation", True),
    ("Leitung", "publish", "original", True),
    ("Leitung", "publish", "translation", True),
]


@pytest.mark.parametrize(("role", "action", "kind", "allowed"), MATRIX)
def test_translations_follow_the_rules_of_originals(roles, role, action, kind, allowed):
    user = roles[role]
    original = ContentPageFactory(title="Hoffest im Juni")
    page = original
    if kind == "translation":
        page = draft_translation(original, "en", {"Hoffest im Juni": "Yard party"}, user)
    permissions = page.permissions_for_user(user)
    if action == "publish":
        assert permissions.can_publish() is allowed
    elif kind == "original":
        assert (permissions.can_edit() and page.get_workflow() is not None) is allowed
    else:
        assert can_submit_translation(page, user) is allowed


def test_editor_translation_goes_through_review_and_is_published(client, roles):
    editor, manager = roles["Redaktion"], roles["Leitung"]
    original = ContentPageFactory(title="Hoffest im Juni", slug="hoffest")
    english = draft_translation(original, "en", {"Hoffest im Juni": "Yard party in June"}, editor)
    assert not Page.objects.get(pk=english.pk).live or english.title != "Yard party in June"

    client.force_login(editor)
    url = reverse("quartier_submit_translation", args=[english.pk])
    assert "Zur Freigabe einreichen" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.workflow_in_progress
    assert "Yard party in June" not in client.get("/en/hoffest/").content.decode()
    # a second submission while one waits is refused with a reason
    again = client.post(url, follow=True).content.decode()
    assert "wartet bereits auf Freigabe" in again

    response = approve(client, english, manager)
    assert response.status_code in (200, 302)
    english = Page.objects.get(pk=english.pk)
    assert english.live and not english.workflow_in_progress
    assert english.title == "Yard party in June"
    assert "Yard party in June" in client.get("/en/hoffest/").content.decode()


def test_submit_button_is_offered_for_translations_only(client, roles):
    editor = roles["Redaktion"]
    original = ContentPageFactory(title="Flohmarkt", slug="flohmarkt")
    english = draft_translation(original, "en", {"Flohmarkt": "Flea market"}, editor)
    client.force_login(editor)
    url = reverse("quartier_submit_translation", args=[english.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[english.get_parent().pk]))
    assert url in listing.content.decode()
    response = client.post(reverse("quartier_submit_translation", args=[original.pk]))
    assert response.status_code == 302
    original.refresh_from_db()
    assert not original.workflow_in_progress


@pytest.fixture
def with_versions(db):
    """A German page with an English translation and untranslated copies elsewhere."""
    original = ContentPageFactory(title="Baustelle Lindenplatz", slug="baustelle")
    english = translate(original, "en", {"Baustelle Lindenplatz": "Building site"})
    return original, english


def test_deleting_an_original_asks_about_its_translations(admin_client_mfa, with_versions):
    original, _english = with_versions
    html = admin_client_mfa.get(reverse("wagtailadmin_pages:delete", args=[original.pk]))
    body = html.content.decode()
    assert 'name="versions"' in body
    assert "Building site" in body


def test_delete_with_translations_removes_every_language_version(admin_client_mfa, with_versions):
    original, _english = with_versions
    key = original.translation_key
    assert Page.objects.filter(translation_key=key).count() == 7
    response = admin_client_mfa.post(
        reverse("wagtailadmin_pages:delete", args=[original.pk]), {"versions": "delete"}
    )
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=key).exists()


def test_keeping_translations_deletes_only_the_copies(admin_client_mfa, with_versions):
    original, english = with_versions
    key = original.translation_key
    response = admin_client_mfa.post(
        reverse("wagtailadmin_pages:delete", args=[original.pk]), {"versions": "keep"}
    )
    assert response.status_code == 302
    left = Page.objects.filter(translation_key=key)
    assert list(left.values_list("pk", flat=True)) == [english.pk]
    assert not Page.objects.filter(alias_of_id=original.pk).exists()


def test_a_page_without_versions_uses_wagtails_confirmation(admin_client_mfa, db):
    page = ContentPageFactory(title="Nur Deutsch", slug="nur-deutsch", aliases=False)
    body = admin_client_mfa.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert 'name="versions"' not in body.content.decode()


@pytest.fixture
def admin_client_mfa(client, people):
    client.force_login(people["admin"])
    return client
