"""Editors choose fields of action in the language of the page they edit, never all
languages' versions at once."""

import re

import pytest

from tests.portal.factories import (
    FieldOfActionFactory,
    NewsArticlePageFactory,
    locale,
    running_process,
    translate,
)

pytestmark = pytest.mark.django_db
LANGUAGES = {"en": "Green", "tr": "Yeşil", "ar": "أخضر"}


@pytest.fixture(scope="module")
def fields(module_db):
    """Three fields of action, each translated into three languages (12 in all)."""
    return [
        FieldOfActionFactory(
            name=f"Grün {n}", translations={c: f"{t} {n}" for c, t in LANGUAGES.items()}
        )
        for n in range(3)
    ]


def offered_fields(html):
    return re.findall(r'name="fields_of_action" value="(\d+)"', html)


def test_german_page_offers_only_german_fields(client, people, fields):
    page = NewsArticlePageFactory(title="Baumpflanzung")
    client.force_login(people["admin"])
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert sorted(map(int, offered_fields(html))) == sorted(f.pk for f in fields)


def test_translated_page_offers_only_its_languages_fields(people, fields):
    page = NewsArticlePageFactory(title="Baumpflanzung im Park")
    english = translate(page, "en", {"Baumpflanzung im Park": "Tree planting in the park"})
    form_class = type(english).get_edit_handler().get_form_class()
    form = form_class(instance=english, for_user=people["admin"])
    html = str(form["fields_of_action"])
    expected = {f.get_translation(locale("en")).pk for f in fields}
    assert set(map(int, offered_fields(html))) == expected
    assert "Green 0" in html and "Grün 0" not in html


def test_new_page_offers_the_parents_languages_fields(client, people, fields):
    news = NewsArticlePageFactory(title="Irgendwas")
    client.force_login(people["admin"])
    parent = news.get_parent()
    html = client.get(f"/admin/pages/add/news/newsarticlepage/{parent.pk}/").content.decode()
    assert sorted(map(int, offered_fields(html))) == sorted(f.pk for f in fields)


def test_chooser_of_a_process_opens_on_the_pages_language(client, people, fields):
    process = running_process("Ideen für den Park", slug="park")
    client.force_login(people["admin"])
    html = client.get(f"/admin/pages/{process.pk}/edit/").content.decode()
    assert "locale=de" in html
    form_class = type(process).get_edit_handler().get_form_class()
    form = form_class(instance=process, for_user=people["admin"])
    queryset = form.fields["field_of_action"].queryset
    assert {f.locale.language_code for f in queryset} == {"de"}


def test_a_field_of_another_language_is_refused(people, fields):
    page = NewsArticlePageFactory(title="Sommerfest")
    form_class = type(page).get_edit_handler().get_form_class()
    english_field = fields[0].get_translation(locale("en"))
    form = form_class(instance=page, for_user=people["admin"])
    assert english_field not in form.fields["fields_of_action"].queryset
