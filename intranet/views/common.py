"""Helpers shared by the intranet views."""

from django.shortcuts import get_object_or_404

from core.refusals import not_allowed

from .. import rules


def context(request, page, **extra):
    data = page.get_context(request)
    data.update(extra)
    return data


def guard_workspace(request, workspace):
    """None if the person may see the workspace, else the explanation page."""
    decision = rules.can_view_workspace(request.user, workspace)
    return None if decision else not_allowed(request, workspace, decision)


def get_for_workspace(model, workspace, pk, **lookups):
    return get_object_or_404(model, pk=pk, workspace=workspace, **lookups)
