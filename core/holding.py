"""The upload holding area: forms never lose a file.

A browser cannot refill a file input. When a form with files does not complete (the
proposal's preview, "add a receipt", an error in another field), every file that passed
`check_upload` is stored privately as a `HeldUpload`, bound to the person's session (and
account when logged in), and named by an opaque token in a hidden field. The form shows it
again ("Bereits angehängt: name – Entfernen"); the next post claims it by its token and the
final save stores it like a fresh upload. Another session can never claim it. What is not
claimed is removed after HELD_UPLOAD_HOURS (purger "core.held_uploads").

For a form: inherit `HoldingFormMixin`, use `HeldFileInput` as the widget of each file field,
name each field's policy in `upload_policies`, and pass `holder=Holder(request)` (or
`holder=request`). After a successful save the view calls `release(form, ...)`.
"""

import contextlib
import hashlib
import os
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from .forms import PrivateFileInput
from .refusals import StorageUnavailable
from .uploads import check_upload

HELD_SUFFIX = "__held"
REMOVE_SUFFIX = "__held_remove"


class HeldFile(ContentFile):
    """A held file claimed back: to forms and services it is a checked upload."""

    def __init__(self, held, policy):
        with held.file.open("rb") as stored:
            super().__init__(stored.read(), name=held.name)
        self.content_type = held.content_type
        self.token = held.token
        self.checked_policy = policy
        self.original_name = held.name


class Holder:
    """The person's side of the holding area: hold, claim and release files."""

    def __init__(self, request):
        self.request = request

    @property
    def user(self):
        user = getattr(self.request, "user", None)
        return user if user is not None and user.is_authenticated else None

    def _session(self, create=False):
        session = self.request.session
        if create:
            session["held_uploads"] = True  # marks the session as changed: its cookie is sent
            if not session.session_key:
                session.save()
        key = session.session_key
        return hashlib.sha256(f"held:{key}".encode()).hexdigest() if key else None

    def _mine(self):
        from .models import HeldUpload

        session = self._session()
        if not session:
            return HeldUpload.objects.none()
        return HeldUpload.objects.filter(session=session, user=self.user)

    def hold(self, upload):
        """Store a checked upload; returns its HeldUpload (its token goes into the form)."""
        from .models import HeldUpload

        session = self._session(create=True)
        upload.seek(0)
        held = HeldUpload(
            token=secrets.token_urlsafe(32),
            session=session,
            user=self.user,
            name=os.path.basename(str(upload.name))[:255],
            content_type=str(getattr(upload, "content_type", "") or "")[:120],
        )
        held.file.save(held.name, upload, save=False)
        held.save()
        upload.seek(0)
        return held

    def find(self, token):
        """The person's held upload with this token, or None (a foreign, expired or made-up
        token is simply not there)."""
        if not token or len(token) > 64:
            return None
        cutoff = _now() - timedelta(hours=settings.HELD_UPLOAD_HOURS)
        return self._mine().filter(token=token, created_at__gte=cutoff).first()

    def release(self, tokens):
        """Delete these held files of the person (after the transaction commits)."""
        rows = list(self._mine().filter(token__in=[t for t in tokens if t]))
        _delete(rows)
        return len(rows)


def _now():
    from django.utils import timezone

    return timezone.now()


def _delete(rows):
    from .models import HeldUpload

    names = [(row.file.storage, row.file.name) for row in rows if row.file]
    HeldUpload.objects.filter(pk__in=[row.pk for row in rows]).delete()

    def remove():
        for storage, name in names:
            with contextlib.suppress(OSError):
                storage.delete(name)

    transaction.on_commit(remove)


def purge_held_uploads(now):
    """Held files older than HELD_UPLOAD_HOURS (the purger of core.privacy)."""
    from .models import HeldUpload

    cutoff = now - timedelta(hours=settings.HELD_UPLOAD_HOURS)
    rows = list(HeldUpload.objects.filter(created_at__lt=cutoff))
    _delete(rows)
    return len(rows)


class HeldFileInput(PrivateFileInput):
    """A file input that knows the holding area: a held file is shown as "Bereits
    angehängt: name" with a "remove" box and travels as a token in a hidden field; else the
    current file of the object (PrivateFileInput) or nothing. Never Django's "Derzeit: …"."""

    template_name = "core/widgets/held_file_input.html"
    held_text = _("Bereits angehängt")
    held_remove_label = _("Entfernen")

    def __init__(self, attrs=None, download_url=None, file_name=None):
        super().__init__(attrs, download_url, file_name)
        self.holder = None
        self.policy = None
        self.held = None  # the HeldUpload shown with the form
        self._claimed = {}
        self._resolved = None
        self.removed = set()  # tokens the person chose to remove

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.holder, copy.held, copy._claimed, copy._resolved = None, None, {}, None
        copy.removed = set()
        return copy

    def is_initial(self, value):
        """Only a stored file is "current"; a new upload shown again is not."""
        return isinstance(value, FieldFile) and bool(value.name)

    def claim(self, token):
        if token not in self._claimed:
            self._claimed[token] = self.holder.find(token) if self.holder else None
        return self._claimed[token]

    def value_from_datadict(self, data, files, name):
        # Asked again at every look at the bound field: the answer (and what `held` says
        # after the form kept a new file) must not change.
        if self._resolved is None or self._resolved[0] != name:
            self._resolved = (name, self._resolve(data, files, name))
        return self._resolved[1]

    def _resolve(self, data, files, name):
        upload = files.get(name) if files else None
        token = data.get(name + HELD_SUFFIX)
        held = self.claim(token) if token else None
        removed = bool(held) and data.get(name + REMOVE_SUFFIX) == token
        self.held = None if removed else held
        self.removed = {token} if removed else set()
        if upload is not None:
            return upload
        if self.held is not None:
            return HeldFile(self.held, self.policy)
        return super().value_from_datadict(data, files, name)

    def use_required_attribute(self, initial):
        # A held file fills a required field: the browser must not ask for another one.
        held = self.held is not None or bool(getattr(self, "held_list", None))
        return super().use_required_attribute(initial) and not held

    def value_omitted_from_data(self, data, files, name):
        held = data.get(name + HELD_SUFFIX)
        return not held and super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.held is not None:
            context["widget"].update(
                held=self.held,
                held_name=self.held.name,
                held_field=name + HELD_SUFFIX,
                remove_field=name + REMOVE_SUFFIX,
                remove_id=f"{attrs.get('id', name) if attrs else name}{REMOVE_SUFFIX}",
                held_text=self.held_text,
                held_remove_label=self.held_remove_label,
                is_initial=False,  # the held file replaces the current one
            )
        return context


class MultipleHeldFileInput(HeldFileInput):
    """Several files at once: every held file is listed with its own "remove" box."""

    template_name = "core/widgets/multiple_held_file_input.html"
    allow_multiple_selected = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.held_list = []

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.held_list = []
        return copy

    def _resolve(self, data, files, name):
        uploads = files.getlist(name) if files else []
        removed = set(data.getlist(name + REMOVE_SUFFIX)) if hasattr(data, "getlist") else set()
        tokens = data.getlist(name + HELD_SUFFIX) if hasattr(data, "getlist") else []
        found = [self.claim(token) for token in dict.fromkeys(tokens) if token not in removed]
        self.removed = {token for token in tokens if token in removed}
        self.held_list = [held for held in found if held is not None]
        return [*uploads, *(HeldFile(held, self.policy) for held in self.held_list)]

    def value_omitted_from_data(self, data, files, name):
        return name + HELD_SUFFIX not in data and name not in (files or {})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        base_id = attrs.get("id", name) if attrs else name
        context["widget"].update(
            held_items=[
                {"held": held, "remove_id": f"{base_id}{REMOVE_SUFFIX}-{index}"}
                for index, held in enumerate(self.held_list)
            ],
            held_field=name + HELD_SUFFIX,
            remove_field=name + REMOVE_SUFFIX,
            held_text=self.held_text,
            held_remove_label=self.held_remove_label,
        )
        return context


class HoldingFormMixin:
    """A form whose checked files survive a re-render (see the module's text).

    `upload_policies = {"field": POLICY}` names the file fields and what they accept; their
    widgets become `HeldFileInput` (attributes such as `accept` kept). A refused file's
    error names the file; what was typed stays as Django keeps it."""

    upload_policies = {}

    def __init__(self, *args, holder=None, **kwargs):
        super().__init__(*args, **kwargs)
        if holder is not None and not isinstance(holder, Holder):
            holder = Holder(holder)  # a request
        self.holder = holder
        self.held_tokens = set()
        for name, policy in self.upload_policies.items():
            field = self.fields.get(name)
            if field is None:
                continue
            widget = field.widget
            if not isinstance(widget, HeldFileInput):
                many = getattr(widget, "allow_multiple_selected", False)
                kind = MultipleHeldFileInput if many else HeldFileInput
                replacement = kind(attrs=dict(widget.attrs))
                replacement.is_required = widget.is_required
                if isinstance(widget, PrivateFileInput):
                    replacement.show(widget.download_url, widget.file_name)
                field.widget = widget = replacement
            widget.holder, widget.policy = holder, policy

    def full_clean(self):
        super().full_clean()
        if self.is_bound and hasattr(self, "cleaned_data"):
            self._keep_files()

    def hold_files(self):
        """Keep the new files of a form that is shown again without being validated (an
        "add a row" button): each is checked; a refused one is reported on its field."""
        if not self.is_bound:
            return
        self.cleaned_data = getattr(self, "cleaned_data", {})
        self._errors = self._errors if self._errors is not None else ErrorDict()
        for name, policy in self._policies():
            upload = self[name].data
            if isinstance(upload, UploadedFile):
                try:
                    self.cleaned_data[name] = check_upload(upload, policy)
                except ValidationError as refused:
                    self._errors.setdefault(name, self.error_class(renderer=self.renderer))
                    self._errors[name].extend(refused.messages)
        self._keep_files()

    def _policies(self):
        return [(n, p) for n, p in self.upload_policies.items() if n in self.fields]

    def _keep_many(self, name):
        """A field of several files: keep every file that passed, even when another one in
        the same post was refused (MultipleFileField leaves them in `last_checked`)."""
        field = self.fields[name]
        widget = field.widget
        self.held_tokens.update(held.token for held in widget.held_list)
        checked = self.cleaned_data.get(name) or getattr(field, "last_checked", [])
        if self.holder is None:
            return
        for item in checked:
            if isinstance(item, HeldFile) or not getattr(item, "checked_policy", None):
                continue
            held = self._hold(name, item)
            if held is None:
                return
            widget.held_list.append(held)
            self.held_tokens.add(held.token)

    def _keep_files(self):
        for name, _policy in self._policies():
            widget = self.fields[name].widget
            if widget.removed and self.holder is not None:
                self.holder.release(widget.removed)  # "Entfernen": gone at once
                widget.removed = set()
            if isinstance(widget, MultipleHeldFileInput):
                self._keep_many(name)
                continue
            upload = self[name].data
            if widget.held is not None:
                self.held_tokens.add(widget.held.token)
            if not isinstance(upload, UploadedFile):
                continue
            if name in self.errors:
                self._name_refused_file(name, upload)
                continue
            checked = self.cleaned_data.get(name)
            if self.holder is None or not getattr(checked, "checked_policy", None):
                continue
            replaced = widget.held
            held = self._hold(name, checked)
            if held is None:
                continue
            widget.held = held
            self.held_tokens.add(widget.held.token)
            if replaced is not None:
                self.holder.release([replaced.token])
                self.held_tokens.discard(replaced.token)

    storage_unavailable = False

    def _hold(self, name, upload):
        """Hold one checked file; when the storage does not take it, the form is invalid with
        the storage's explanation on that field (the view may answer 503) and keeps the rest."""
        try:
            return self.holder.hold(upload)
        except StorageUnavailable as refused:
            self.storage_unavailable = True
            self._errors.setdefault(name, self.error_class(renderer=self.renderer))
            self._errors[name].append(refused.message)
            self.cleaned_data.pop(name, None)
            return None

    def _name_refused_file(self, name, upload):
        filename = os.path.basename(str(getattr(upload, "name", "")))
        messages = self._errors[name]
        named = [
            _("„%(name)s“ wurde nicht angenommen: %(reason)s")
            % {"name": filename, "reason": message}
            for message in messages
        ]
        self._errors[name] = self.error_class(named, renderer=self.renderer)

    def release_held(self):
        """After the final save: the held files of this form are no longer needed."""
        if self.holder is not None and self.held_tokens:
            self.holder.release(self.held_tokens)
            self.held_tokens = set()


def release(*forms_or_formsets):
    """Release the held files of forms and formsets after their data was saved."""
    for item in forms_or_formsets:
        for form in getattr(item, "forms", None) or [item]:
            if isinstance(form, HoldingFormMixin):
                form.release_held()


def hold_files(*forms_or_formsets):
    """`HoldingFormMixin.hold_files` for forms and formsets shown again unvalidated."""
    for item in forms_or_formsets:
        for form in getattr(item, "forms", None) or [item]:
            if isinstance(form, HoldingFormMixin):
                form.hold_files()
