"""Office tools in the Wagtail admin: confirm residents, make and void voting codes."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal.accounts.models import User
from portal.languages import SOURCE_LANGUAGE

from .. import rules
from ..models import ProcessPage, ResidentVerification, VotingCodeBatch
from . import codes, sheets

SEARCH_LIMIT = 25


def residents(request):
    if not rules.can_verify_residents(request.user):
        raise PermissionDenied
    if request.method == "POST":
        person = get_object_or_404(User, pk=request.POST.get("user"))
        if request.POST.get("action") == "revoke":
            ResidentVerification.objects.filter(user=person).delete()
            log(instance=person, action="participation.resident_revoked", user=request.user)
            messages.success(
                request,
                _("Die Bestätigung für %(email)s ist aufgehoben.") % {"email": person.email},
            )
        else:
            age_16 = request.POST.get("age_16") == "1"
            ResidentVerification.objects.update_or_create(
                user=person,
                defaults={
                    "method": ResidentVerification.OFFICE,
                    "age_16": age_16,
                    "verified_by": request.user,
                    "verified_at": timezone.now(),
                },
            )
            log(
                instance=person,
                action="participation.resident_verified",
                user=request.user,
                data={"age_16": age_16},
            )
            messages.success(
                request, _("%(email)s ist als Bewohner*in bestätigt.") % {"email": person.email}
            )
        return redirect(request.get_full_path())
    query = request.GET.get("q", "").strip()[:100]
    people = []
    if query:
        people = list(
            User.objects.filter(
                Q(email__icontains=query)
                | Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
            )
            .select_related("resident_verification", "resident_verification__street")
            .order_by("email")[:SEARCH_LIMIT]
        )
    for person in people:
        person.record = getattr(person, "resident_verification", None)
    return TemplateResponse(
        request,
        "participation/voting/admin/residents.html",
        {
            "page_title": _("Bewohner*innen bestätigen"),
            "header_icon": "user",
            "query": query,
            "people": people,
            "limit": SEARCH_LIMIT,
        },
    )


class BatchForm(forms.Form):
    process = forms.ModelChoiceField(
        label=gettext_lazy("Verfahren"), queryset=ProcessPage.objects.none()
    )
    label = forms.CharField(
        label=gettext_lazy("Bezeichnung"),
        max_length=120,
        help_text=gettext_lazy("Zum Beispiel: Briefe an Haushalte Lindenstraße, März"),
    )
    size = forms.IntegerField(
        label=gettext_lazy("Anzahl Codes"), min_value=1, max_value=codes.MAX_BATCH, initial=50
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Gültig bis"),
        required=False,
        help_text=gettext_lazy("Leer: gültig bis zum Ende der Abstimmung."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = manageable_processes(user)


def manageable_processes(user):
    candidates = ProcessPage.objects.filter(locale__language_code=SOURCE_LANGUAGE).order_by("title")
    allowed = [p.pk for p in candidates if rules.can_manage_codes(user, p)]
    return ProcessPage.objects.filter(pk__in=allowed).order_by("title")


def code_batches(request):
    processes = manageable_processes(request.user)
    if not processes.exists():
        raise PermissionDenied
    form = BatchForm(request.POST or None, user=request.user)
    if request.method == "POST" and "void" in request.POST:
        batch = get_object_or_404(VotingCodeBatch, pk=request.POST["void"], process__in=processes)
        codes.void_batch(batch, request.user)
        log(instance=batch, action="participation.codes_voided", user=request.user)
        messages.success(request, _("Der Satz „%(label)s“ ist ungültig.") % {"label": batch.label})
        return redirect(request.path)
    if request.method == "POST" and form.is_valid():
        process = form.cleaned_data["process"]
        batch, plain = codes.create_batch(
            process=process,
            size=form.cleaned_data["size"],
            label=form.cleaned_data["label"],
            user=request.user,
            expires_at=form.cleaned_data["expires_at"],
        )
        log(
            instance=batch,
            action="participation.codes_created",
            user=request.user,
            data={"size": batch.size},
        )
        response = HttpResponse(
            sheets.code_sheet_pdf(process, batch, plain), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="abstimmungscodes-{batch.pk}.pdf"'
        response["Cache-Control"] = "no-store"
        return response
    batches = (
        VotingCodeBatch.objects.filter(process__in=processes)
        .select_related("process", "created_by")
        .annotate_usage()
    )
    return TemplateResponse(
        request,
        "participation/voting/admin/code_batches.html",
        {
            "page_title": _("Abstimmungscodes"),
            "header_icon": "key",
            "form": form,
            "batches": batches,
        },
    )
