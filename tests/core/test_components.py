"""The template components in templates/components/ render what their comments promise."""

from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.tables import Cell, Column, Table


class ChoicesForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label="Themen",
        choices=[("a", "Spielplatz"), ("b", "Bänke")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Mehrere möglich",
    )
    mode = forms.ChoiceField(
        label="Art", choices=[("x", "Eins"), ("y", "Zwei")], widget=forms.RadioSelect
    )
    consent = forms.BooleanField(label="Name darf veröffentlicht werden", required=False)


def test_choice_groups_render_as_fieldsets_with_one_label_per_option():
    form = ChoicesForm(data={"mode": "nope"})
    html = render_to_string("components/form_fields.html", {"form": form, "honeypot_field": ""})
    assert html.count("<fieldset") == 2
    assert '<legend class="kern-label">' in html
    for option_id in ("id_topics_0", "id_topics_1", "id_mode_0", "id_mode_1"):
        assert f'for="{option_id}"' in html
    assert 'class="kern-form-check__checkbox' in html
    assert 'class="kern-form-check__radio kern-form-check__radio--error"' in html
    assert 'aria-describedby="id_topics-hint id_topics-error"' in html
    # A single checkbox stays a single checkbox with its label.
    assert 'for="id_consent"' in html and html.count('type="checkbox"') == 3


def test_table_renders_caption_header_links_and_numeric_cells():
    table = Table(
        caption="Mittel",
        columns=[Column("Posten"), Column("Betrag", numeric=True)],
        rows=[["Budget", "2.000,00 €"], [Cell("Antrag 7", url="/a/7/"), "150,00 €"]],
        caption_id="money",
    )
    html = render_to_string("components/table.html", {"table": table})
    assert '<caption id="money" class="kern-title">Mittel</caption>' in html
    assert 'aria-labelledby="money"' in html
    assert html.count("kern-table__cell kern-table__cell--numeric") == 2
    assert '<a class="kern-link" href="/a/7/">Antrag 7</a>' in html


def test_table_cells_carry_their_column_label_for_stacked_rows():
    """Narrow screens stack the rows (quartier.css): each cell shows its column's label, and
    ARIA roles keep the table a table for screen readers."""
    table = Table(
        caption="Mittel",
        columns=[Column("Posten"), Column("Betrag", numeric=True)],
        rows=[[Cell("Antrag 7", url="/a/7/"), "150,00 €"]],
    )
    html = render_to_string("components/table.html", {"table": table})
    assert 'class="kern-table kern-table--stack" role="table"' in html
    assert 'data-label="Posten"' in html and 'data-label="Betrag"' in html
    assert html.count('role="cell"') == 2 and html.count('role="columnheader"') == 2


def test_empty_table_says_so():
    table = Table(caption="Aufgaben", columns=[Column("Was")], empty_text="Keine Aufgaben.")
    html = render_to_string("components/table.html", {"table": table})
    assert 'colspan="1">Keine Aufgaben.</td>' in html


def test_action_button_is_a_post_form_and_prints_no_comment():
    request = RequestFactory().get("/")
    html = render_to_string(
        "components/action_button.html",
        {"action": "/x/", "label": "Unterstützen", "hidden": {"next": "/y/"}},
        request=request,
    )
    assert html.lstrip().startswith('<form method="post" action="/x/"')
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<input type="hidden" name="next" value="/y/">' in html
    assert "kern-btn--secondary" in html
    assert "action:" not in html  # the documentation comment stays out of the page


def test_private_file_input_names_and_links_a_file_without_url():
    from django import forms
    from django.core.files.storage import Storage

    from core.forms import PrivateFileInput

    class NoURL(Storage):
        def url(self, name):
            raise AttributeError("private")

    class FakeFile:
        name = "private/ab12cd34.pdf"
        storage = NoURL()

        def __str__(self):
            return self.name

    class Form(forms.Form):
        file = forms.FileField(required=False, widget=PrivateFileInput)

    form = Form(initial={"file": FakeFile()})
    form.fields["file"].widget.show("/download/7/", "Mein Plan.pdf")
    html = str(form["file"])
    assert '<a class="kern-link" href="/download/7/">Mein Plan.pdf</a>' in html
    assert 'name="file-clear"' in html
    # Without a download URL the name is still shown (the stored name's last part).
    bare = Form(initial={"file": FakeFile()})
    assert "ab12cd34.pdf" in str(bare["file"]) and "<a " not in str(bare["file"])
    # Nothing to show without a file.
    assert "file-clear" not in str(Form()["file"])


def test_post_form_posts_its_fields_with_one_button_and_prints_no_comment():
    request = RequestFactory().get("/")
    context = {"action": "/pruefen/", "form": ChoicesForm(), "label": "Prüfung speichern"}
    html = render_to_string("components/post_form.html", context, request=request)
    assert html.lstrip().startswith('<form class="kern-form" method="post" novalidate')
    assert 'action="/pruefen/"' in html and 'name="csrfmiddlewaretoken"' in html
    assert 'for="id_consent"' in html  # the fields, through form_fields.html
    assert html.count('type="submit"') == 1 and "kern-btn--primary" in html
    assert "Prüfung speichern" in html and "action:" not in html
    context["variant"] = "secondary"
    assert "kern-btn--secondary" in render_to_string("components/post_form.html", context)
