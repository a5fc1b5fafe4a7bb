"""What every fund view starts with: the page's fund (refusals explained with a way back to
this page), the page's context, and the way back to an application."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from ..models import Application


def fund_of(request, page):
    """The fund behind `page` (404 without one). A refusal raised further on, by a rule or
    a service, is explained by `RefusalMiddleware` with a way back to this page."""
    request.refusal_page = page
    fund = page.canonical_fund
    if fund is None:
        raise Http404
    return fund


def application_of(request, page, pk):
    """The fund and one of its applications, with what the status page shows of it."""
    fund = fund_of(request, page)
    application = get_object_or_404(
        Application.objects.select_related(
            "fund", "agenda_item__meeting", "decision", "field_of_action"
        ),
        pk=pk,
        fund=fund,
    )
    return fund, application


def context(request, page, **extra):
    data = page.get_context(request)
    data.update(extra)
    return data


def rows(formset):
    """The filled-in rows of a formset, without the deleted ones."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def back_to(page, application):
    """Redirect to the application's status page."""
    return redirect(page.application_url(application))
