"""Office tools in the Wagtail admin: confirm residents, make and void voting codes."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.params import id_param, text_param
from core.refusals import require
from portal.accounts.models import User
from portal.languages import SOURCE_LANGUAGE

from .. import rules, selectors
from ..models import ProcessPage, VotingCodeBatch
from . import codes, services, sheets

SEARCH_LIMIT = 25


def residents(request):
    require(rules.can_verify_residents(request.user))
    if request.method == "POST":
        person = get_object_or_404(User, pk=id_param(request.POST, "user"))
        if request.POST.get("action") == "revoke":
            services.revoke_resident(person=person, user=request.user)
            messages.success(
                request,
                _("Die Bestätigung für %(email)s ist aufgehoben.") % {"email": person.email},
            )
        else:
            services.verify_resident(
                person=person, user=request.user, age_16=request.POST.get("age_16") == "1"
            )
            messages.success(
                request, _("%(email)s ist als Bewohner*in bestätigt.") % {"email": person.email}
            )
        return redirect(request.get_full_path())
    query = text_param(request.GET, "q", max_length=100)
    people = selectors.people_matching(query, SEARCH_LIMIT) if query else []
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
        batch = get_object_or_404(
            VotingCodeBatch, pk=id_param(request.POST, "void"), process__in=processes
        )
        services.void_code_batch(batch=batch, user=request.user)
        messages.success(request, _("Der Satz „%(label)s“ ist ungültig.") % {"label": batch.label})
        return redirect(request.path)
    if request.method == "POST" and form.is_valid():
        process = form.cleaned_data["process"]
        batch, plain = services.issue_code_batch(
            process=process,
            size=form.cleaned_data["size"],
            label=form.cleaned_data["label"],
            user=request.user,
            expires_at=form.cleaned_data["expires_at"],
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
