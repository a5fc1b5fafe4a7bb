"""URLs of the benchmark settings: the portal's, plus the reference view (bench.views.hello)
at /bench/hallo/. Only portal.settings.bench uses this; production never routes to it."""

from django.urls import path

from portal.urls import (  # noqa: F401 - Django looks the error handlers up here
    handler400,
    handler403,
    handler404,
    handler429,
    handler500,
)
from portal.urls import urlpatterns as portal_urlpatterns

from . import views

urlpatterns = [path("bench/hallo/", views.hello, name="bench_hello"), *portal_urlpatterns]
