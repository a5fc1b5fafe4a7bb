"""Helpers shared by the intranet views."""


def context(request, page, **extra):
    data = page.get_context(request)
    data.update(extra)
    return data
