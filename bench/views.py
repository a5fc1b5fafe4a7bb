"""The reference of `make bench`: the least a response of this application costs."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def hello(request):
    """A bare Django view: no template, no database, no session access. It runs behind the
    same middleware, settings and gunicorn workers as every other page, so its throughput
    is the ceiling any page of Quartier could reach on this machine. `never_cache` keeps it
    out of the page caches, so it is always the view that answers."""
    return HttpResponse("Hallo", content_type="text/plain; charset=utf-8")
