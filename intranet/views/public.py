"""Public pages of the bodies, their public meetings and minutes (OParl: intranet.oparl)."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import bodies, oparl, selectors


def _public_bodies():
    return selectors.public_bodies()


def _public_meetings(workspace):
    return selectors.public_meetings([workspace])


def _public_items():
    return selectors.public_items_prefetch()


def bodies_index(request, page):
    context = page.get_context(request)
    context["bodies"] = list(_public_bodies())
    return TemplateResponse(request, "intranet/public/bodies.html", context)


def body(request, page, slug):
    workspace = get_object_or_404(_public_bodies(), slug=slug)
    context = page.get_context(request)
    context.update(
        body=workspace,
        meetings=list(_public_meetings(workspace).order_by("-starts_at")[:50]),
        majority_text=bodies.rule_text(workspace.majority_rule),
    )
    return TemplateResponse(request, "intranet/public/body.html", context)


def public_meeting(request, page, slug, pk):
    workspace = get_object_or_404(_public_bodies(), slug=slug)
    meeting = get_object_or_404(
        _public_meetings(workspace).prefetch_related(_public_items()), pk=pk
    )
    context = page.get_context(request)
    context.update(
        body=workspace,
        meeting=meeting,
        show_minutes=meeting.public_minutes_published and workspace.public_minutes,
    )
    return TemplateResponse(request, "intranet/public/meeting.html", context)


def oparl_meetings(request, page):
    """The first OParl endpoint lived here; the API is now under /oparl/ (intranet.oparl)."""
    return HttpResponsePermanentRedirect(reverse("oparl:body-meetings", args=[oparl.BODY_KEY]))


def oparl_meeting(request, page, pk):
    return HttpResponsePermanentRedirect(reverse("oparl:meeting", args=[pk]))
