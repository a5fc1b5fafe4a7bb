from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.accounts import urls as portal_account_urls
from portal.search import views as search_views
from portal.sitemap import SITEMAPS


class LoginRedirectView(RedirectView):
    """Wagtail's own login forms would bypass allauth (rate limits, MFA): send them there."""

    pattern_name = "account_login"
    query_string = True


urlpatterns = [
    path("admin/login/", LoginRedirectView.as_view(), name="wagtailadmin_login_redirect"),
    path("_util/login/", LoginRedirectView.as_view(), name="wagtailcore_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    # OParl 1.1 (open data of the bodies): one URL per object, without language prefix.
    path("oparl/", include("intranet.oparl")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/me/", include(portal_account_urls)),
    path("suche/", search_views.search, name="search"),
    path("benachrichtigungen/", include("core.notifications.urls")),
    # The apps' own URLs, named as strings like INSTALLED_APPS: portal imports no app.
    path("stimmabgabe/", include("participation.voting.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler429 = views.too_many_requests
handler500 = views.server_error
