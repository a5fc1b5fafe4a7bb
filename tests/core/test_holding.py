"""The upload holding area (core/holding.py): a checked file survives a form that did not
complete, only for the session that uploaded it, and is purged after HELD_UPLOAD_HOURS."""

import io
from datetime import timedelta

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image

from core import privacy
from core.holding import HELD_SUFFIX, REMOVE_SUFFIX, HeldFile, Holder, HoldingFormMixin
from core.models import HeldUpload
from core.uploads import ATTACHMENT, IMAGE, check_field

pytestmark = pytest.mark.django_db


class TripForm(HoldingFormMixin, forms.Form):
    upload_policies = {"plan": ATTACHMENT, "photo": IMAGE}
    title = forms.CharField(max_length=20)
    plan = forms.FileField(label="Plan")
    photo = forms.ImageField(label="Foto", required=False)

    def clean_plan(self):
        return check_field(self.cleaned_data.get("plan"), ATTACHMENT)

    def clean_photo(self):
        return check_field(self.cleaned_data.get("photo"), IMAGE)


def a_request(user=None):
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request.user = user or AnonymousUser()
    return request


def pdf(name="Plan.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 der Plan")


def png(name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def held_token(form, name):
    return form.fields[name].widget.held.token


def test_an_error_elsewhere_keeps_the_file_and_the_next_post_claims_it():
    request = a_request()
    form = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    assert not form.is_valid() and "title" in form.errors and "plan" not in form.errors
    token = held_token(form, "plan")
    html = form.as_div()
    assert "Bereits angehängt" in html and "Plan.pdf" in html
    assert f'name="plan{HELD_SUFFIX}" value="{token}"' in html
    assert f'name="plan{REMOVE_SUFFIX}"' in html and "Entfernen" in html
    # The second post has no file in it, only the token.
    again = TripForm({"title": "Fest", f"plan{HELD_SUFFIX}": token}, {}, holder=request)
    assert again.is_valid(), again.errors
    plan = again.cleaned_data["plan"]
    assert isinstance(plan, HeldFile) and plan.name == "Plan.pdf"
    assert plan.read() == b"%PDF-1.4 der Plan"
    again.release_held()
    assert not HeldUpload.objects.exists()


def test_another_session_can_never_claim_a_held_file():
    mine = a_request()
    form = TripForm({"title": ""}, {"plan": pdf()}, holder=mine)
    form.is_valid()
    token = held_token(form, "plan")
    stranger = a_request()
    theirs = TripForm({"title": "Fest", f"plan{HELD_SUFFIX}": token}, {}, holder=stranger)
    assert not theirs.is_valid() and "plan" in theirs.errors
    assert "Bereits angehängt" not in theirs.as_div()
    assert Holder(stranger).find(token) is None and Holder(mine).find(token) is not None
    assert Holder(stranger).release([token]) == 0 and HeldUpload.objects.count() == 1


def test_a_logged_in_persons_file_is_bound_to_the_account_too(django_user_model):
    alice = django_user_model.objects.create_user("alice", "a@example.org", "x")
    bob = django_user_model.objects.create_user("bob", "b@example.org", "x")
    request = a_request(alice)
    form = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    form.is_valid()
    token = held_token(form, "plan")
    assert HeldUpload.objects.get().user == alice
    request.user = bob  # same session, other account (e.g. after a log-in on a shared device)
    assert Holder(request).find(token) is None


def test_a_refused_file_is_named_and_the_held_one_and_the_text_stay():
    request = a_request()
    first = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    first.is_valid()
    token = held_token(first, "plan")
    evil = SimpleUploadedFile("rechnung.exe", b"MZ\x90\x00 program")
    second = TripForm(
        {"title": "Fest", f"plan{HELD_SUFFIX}": token}, {"plan": evil}, holder=request
    )
    assert not second.is_valid()
    message = second.errors["plan"][0]
    assert "„rechnung.exe“" in message and "nicht angenommen" in message and "PDF" in message
    html = second.as_div()
    assert "Bereits angehängt" in html and "Plan.pdf" in html and 'value="Fest"' in html
    assert held_token(second, "plan") == token


def test_removing_a_held_file_forgets_it():
    request = a_request()
    first = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    first.is_valid()
    token = held_token(first, "plan")
    data = {"title": "Fest", f"plan{HELD_SUFFIX}": token, f"plan{REMOVE_SUFFIX}": token}
    second = TripForm(data, {}, holder=request)
    assert not second.is_valid() and "plan" in second.errors
    assert "Bereits angehängt" not in second.as_div()


def test_a_new_file_replaces_the_held_one():
    request = a_request()
    first = TripForm({"title": ""}, {"plan": pdf(), "photo": png()}, holder=request)
    first.is_valid()
    old = held_token(first, "plan")
    photo = held_token(first, "photo")
    second = TripForm(
        {"title": "", f"plan{HELD_SUFFIX}": old, f"photo{HELD_SUFFIX}": photo},
        {"plan": pdf("Neuer Plan.pdf")},
        holder=request,
    )
    second.is_valid()
    assert held_token(second, "plan") != old and held_token(second, "photo") == photo
    assert set(HeldUpload.objects.values_list("name", flat=True)) == {"Neuer Plan.pdf", "foto.png"}


def test_hold_files_keeps_files_of_a_form_shown_again_without_validation():
    request = a_request()
    files = {"plan": pdf(), "photo": SimpleUploadedFile("x.png", b"no")}
    form = TripForm({"title": ""}, files, holder=request)
    form.hold_files()
    assert "title" not in form.errors  # nothing else is judged yet
    assert "„x.png“" in form.errors["photo"][0]
    assert HeldUpload.objects.get().name == "Plan.pdf"


def test_held_files_are_purged_after_the_holding_period(settings):
    settings.HELD_UPLOAD_HOURS = 24
    request = a_request()
    form = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    form.is_valid()
    held = HeldUpload.objects.get()
    storage, name = held.file.storage, held.file.name
    assert storage.exists(name)
    fresh = TripForm({"title": ""}, {"plan": pdf("frisch.pdf")}, holder=request)
    fresh.is_valid()
    HeldUpload.objects.filter(pk=held.pk).update(created_at=timezone.now() - timedelta(hours=25))
    assert Holder(request).find(held.token) is None  # expired: no longer claimable
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        result = privacy.purge_expired()
    assert result["core.held_uploads"] == 1
    assert list(HeldUpload.objects.values_list("name", flat=True)) == ["frisch.pdf"]
    assert not storage.exists(name)


def test_held_files_live_in_private_storage():
    from core.files import is_private_storage

    form = TripForm({"title": ""}, {"plan": pdf()}, holder=a_request())
    form.is_valid()
    held = HeldUpload.objects.get()
    assert is_private_storage(held.file.storage.target(held.file.name))
    assert "Plan" not in held.file.name  # the stored name is random


def test_a_removed_held_file_is_deleted_at_once():
    request = a_request()
    first = TripForm({"title": ""}, {"plan": pdf()}, holder=request)
    first.is_valid()
    token = held_token(first, "plan")
    data = {"title": "", f"plan{HELD_SUFFIX}": token, f"plan{REMOVE_SUFFIX}": token}
    TripForm(data, {}, holder=request).is_valid()
    assert not HeldUpload.objects.exists()
