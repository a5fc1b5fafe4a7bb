"""Site-wide views: the error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def csrf_failure(request, reason=""):
    """The form was open too long or cookies are blocked: explain, do not blame."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def too_many_requests(request, exception=None):
    return render(request, "429.html", status=429)


def server_error(request):
    """Rendered without database access: the database may be why we are here."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))


def robots_txt(request):
    """What crawlers should leave alone: the admin, the intranet (in every language tree),
    accounts and the search results; and where the sitemap is."""
    from django.conf import settings as django_settings
    from django.http import HttpResponse
    from django.urls import reverse
    from django.utils import translation

    from portal.search.views import private_roots

    disallow = ["/admin/"]
    for code, _name in django_settings.LANGUAGES:
        with translation.override(code):
            disallow += [f"/{code}/accounts/", reverse("search")]
    disallow += sorted({root.url for root in private_roots() if root.url})
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in dict.fromkeys(disallow))]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers and feed readers ask for /favicon.ico: send them to the site's icon."""
    from django.shortcuts import redirect
    from django.templatetags.static import static

    return redirect(static("img/favicon.svg"))
