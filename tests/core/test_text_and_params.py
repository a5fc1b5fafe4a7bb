"""Hidden characters leave titles and names; hand-read parameters never raise."""

import pytest
from django import forms
from django.http import QueryDict

from core.forms import CleanTextMixin
from core.params import balance_quotes, choice_param, id_param, int_param, search_query, text_param
from core.text import clean_text, has_hidden_characters

RLO, LRI, PDI, ZWSP, ZWNJ, ZWJ, WJ, BOM = (
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (f"rechnung{RLO}fdp.exe", "rechnungfdp.exe"),
        (f"{LRI}Bank{PDI} am See", "Bank am See"),
        (f"Ad{ZWSP}min{WJ}{BOM}", "Admin"),
        (f"Ad{ZWNJ}mi{ZWJ}n", "Admin"),  # no joiners between Latin letters
        ("Null\x00Byte\x07", "NullByte"),
        ("zwei\nZeilen\tund Tab", "zwei Zeilen und Tab"),
        (f"می{ZWNJ}خواهم", f"می{ZWNJ}خواهم"),  # Persian needs the non-joiner
        (f"क्{ZWJ}ष", f"क्{ZWJ}ष"),  # Devanagari conjunct choice
        (f"👨{ZWJ}👩{ZWJ}👧", f"👨{ZWJ}👩{ZWJ}👧"),  # one emoji, not three
        (f"{ZWNJ}سلام", "سلام"),  # at the start it joins nothing
        ("Grüße aus Mühlbach-Süd", "Grüße aus Mühlbach-Süd"),
    ],
)
def test_clean_text_removes_what_cannot_be_seen(typed, kept):
    assert clean_text(typed) == kept


def test_clean_text_keeps_line_breaks_in_long_texts_and_leaves_other_values():
    assert clean_text(f"eins\n{RLO}zwei", multiline=True) == "eins\nzwei"
    assert clean_text(None) is None and clean_text(5) == 5
    assert has_hidden_characters(f"a{ZWSP}b") and not has_hidden_characters("a\nb")


def test_parameters_give_the_default_for_anything_that_is_not_what_the_view_reads():
    data = QueryDict(
        "n=12&x=abc&big=" + "9" * 5000 + "&neg=-3&sign=%2B-5&sup=%C2%B2&sp=%207%20&many=1&many=2"
    )
    assert int_param(data, "n") == 12 and int_param(data, "missing", 3) == 3
    assert int_param(data, "x", 0) == 0 and int_param(data, "big", 0) == 0
    assert int_param(data, "sign") is None and int_param(data, "sup") is None  # "²".isdigit()
    assert int_param(data, "sp") == 7 and int_param(data, "neg") == -3
    assert id_param(data, "neg") is None and id_param(data, "n") == 12
    assert id_param({"id": str(2**31)}, "id") is None and id_param({"id": 2**31 - 1}, "id")
    assert int_param(data, "many") == 2
    assert choice_param(data, "x", ["abc", "def"]) == "abc"
    assert choice_param(data, "x", [("a", "A")], default="a") == "a"
    assert choice_param(data, "x", {"abc": 1}) == "abc"
    assert int_param(None, "n", 1) == 1


def test_text_and_search_parameters_are_clean_short_and_balanced():
    data = QueryDict("q=%22Bank%20%00am%E2%80%AE%20See&long=" + "a" * 500)
    assert text_param(data, "q") == '"Bank am See'
    assert search_query(data) == "Bank am See"
    assert len(text_param(data, "long")) == 200 and len(text_param(data, "long", max_length=5)) == 5
    assert balance_quotes('"a b" "c') == '"a b" c'
    assert balance_quotes("„Bank am See“") == '"Bank am See"'
    assert balance_quotes("ohne") == "ohne"


class TitleForm(CleanTextMixin, forms.Form):
    clean_text_fields = ("title", "missing")
    clean_multiline_fields = ("text",)
    title = forms.CharField(max_length=10)
    text = forms.CharField(widget=forms.Textarea)
    other = forms.CharField()


def test_the_form_mixin_cleans_the_named_fields_before_validation():
    form = TitleForm({"title": f"Ba{ZWSP}nk{RLO}", "text": f"a\n{LRI}b", "other": f"x{ZWSP}"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "Bank", "text": "a\nb", "other": f"x{ZWSP}"}
    # Only hidden characters: empty, so refused like an empty title; the limit counts what
    # stays visible.
    form = TitleForm({"title": ZWSP * 20, "text": "a", "other": "b"})
    assert not form.is_valid() and list(form.errors) == ["title"]
    assert TitleForm({"title": "a" * 10 + ZWSP * 5, "text": "a", "other": "b"}).is_valid()
    # A NUL byte is removed rather than refused (Django's CharField would refuse it).
    form = TitleForm({"title": "a\x00b", "text": "c\x00", "other": "d"})
    assert form.is_valid() and form.cleaned_data["title"] == "ab"


def test_the_apps_forms_clean_their_titles(db):
    from participation.forms import CommentForm, TranslationForm
    from participation.models import Proposal

    proposal = Proposal(language="de")
    form = TranslationForm(
        {"language": "en", "title": f"Mo{ZWSP}re{RLO} benches", "description": f"x{LRI}y"},
        proposal=proposal,
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "More benches" and form.cleaned_data["description"] == "xy"
    form = CommentForm({"text": f"gut{RLO}\nja"})
    assert form.is_valid() and form.cleaned_data["text"] == "gut\nja"


def test_an_uploaded_file_name_cannot_hide_its_ending(db):
    from tests.intranet.factories import upload, world

    workspace, people = world("bidi")
    document = upload(workspace, people["chair"], name=f"rechnung{RLO}txt.exe.txt")
    assert document.title == "rechnungtxt.exe"
    document = upload(workspace, people["chair"], name=f"{ZWSP}{RLO}.txt")
    assert document.title == "Dokument"


def test_names_of_people_lose_hidden_characters_in_every_model_form(db):
    from django.forms import modelform_factory

    from portal.accounts.models import User

    person = User.objects.create(username="p", email="p@example.org")
    Form = modelform_factory(User, fields=["first_name", "last_name"])
    form = Form(
        {"first_name": f"Ad{ZWSP}a{RLO}", "last_name": f"{LRI}Lovelace{PDI}"}, instance=person
    )
    assert form.is_valid(), form.errors
    form.save()
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Ada", "Lovelace")
