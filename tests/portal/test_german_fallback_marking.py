"""German text shown inside another language is marked `lang="de"`; inside Arabic also
`dir="ltr"` and isolated, so "Sommerfest 2026?" keeps its punctuation where it belongs."""

import pytest
from django.template import Context, Template
from django.utils import translation

from .factories import NewsArticlePageFactory, NewsIndexPageFactory, translate

pytestmark = pytest.mark.django_db
TITLE = "Sommerfest 2026?"


@pytest.fixture(scope="module")
def article(module_db):
    """A German news article with aliases in every language, translated into English."""
    index = NewsIndexPageFactory()
    translate(index, "en", {"Neuigkeiten": "News"})
    translate(index, "ar", {"Neuigkeiten": "أخبار"})
    return NewsArticlePageFactory(parent=index, title=TITLE, slug="sommerfest-2026")


def render(source, code, **context):
    with translation.override(code):
        return Template("{% load textlang %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", "Sommerfest 2026?"),
        ("en", '<bdi lang="de">Sommerfest 2026?</bdi>'),
        ("ar", '<bdi lang="de" dir="ltr">Sommerfest 2026?</bdi>'),
    ],
)
def test_in_lang_marks_text_of_another_language(code, expected):
    assert render('{{ t|in_lang:"de" }}', code, t=TITLE) == expected


def test_text_in_the_pages_language_is_isolated_only_in_rtl_pages():
    assert render('{{ t|in_lang:"ar" }}', "ar", t="نص") == "<bdi>نص</bdi>"
    assert render('{{ t|in_lang:"en" }}', "en", t="<b>") == "&lt;b&gt;"
    assert render('{% lang_attrs "ar" %}', "de") == 'lang="ar" dir="rtl"'
    assert render('{% lang_attrs "de-ls" %}', "ar") == 'lang="de-x-ls" dir="ltr"'
    assert render("{% lang_attrs lang %}", "ar", lang="") == ""
    assert render("{{ n|isolate }}", "ar", n="Kim!") == '<bdi dir="auto">Kim!</bdi>'


def test_arabic_listing_marks_the_untranslated_title(client, article):
    html = client.get("/ar/neuigkeiten/").content.decode()
    assert '<bdi lang="de" dir="ltr">Sommerfest 2026?</bdi>' in html
    intro = '<p class="kern-body" lang="de" dir="ltr">Kurz gesagt: Sommerfest 2026?.</p>'
    assert intro in html


def test_english_listing_marks_german_without_changing_direction(client, article):
    html = client.get("/en/neuigkeiten/").content.decode()
    assert '<bdi lang="de">Sommerfest 2026?</bdi>' in html


def test_german_listing_is_unmarked(client, article):
    html = client.get("/de/neuigkeiten/").content.decode()
    assert ">Sommerfest 2026?</a>" in html
    assert '<bdi lang="de"' not in html


def test_arabic_view_of_an_untranslated_page_is_german_left_to_right(client, article):
    html = client.get("/ar/neuigkeiten/sommerfest-2026/").content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert '<article lang="de" dir="ltr">' in html


def test_translated_page_is_marked_in_its_own_language(client, article):
    html = client.get("/ar/neuigkeiten/").content.decode()
    assert '<div lang="ar">' in html or 'lang="ar">' in html
    assert 'dir="ltr">أخبار' not in html
