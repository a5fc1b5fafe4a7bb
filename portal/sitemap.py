"""The sitemap: every page anyone may see, in every language tree.

Wagtail's own sitemap lists the site root's descendants (the German tree only) and
filters with `.public()`, which misses translations and aliases of restricted pages;
this one lists all language trees, one section per language, and filters with
`portal.restrictions.visible`. Aliases (the German original shown in another language's
tree until it is translated) are left out, as from the pages' hreflang alternates: search
engines get each text once. Each address names its translations as alternates
(`xhtml:link hreflang`, German also as x-default), the same set the page's head lists.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.languages import SOURCE_LANGUAGE, html_lang
from portal.restrictions import visible


class PublicSitemap(Sitemap):
    language = SOURCE_LANGUAGE

    def public_pages(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_trees = Q(pk__in=[])
        for path in homes:
            in_trees |= Q(path__startswith=path)
        return visible(
            Page.objects.live().filter(in_trees, alias_of__isnull=True),
            self.request,
            public=True,
        )

    def items(self):
        return (
            self.public_pages()
            .filter(locale__language_code=self.language)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        # The translations of this chunk's pages, in one query.
        versions = {}
        for other in (
            self.public_pages()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
            .order_by("path")
        ):
            versions.setdefault(other.translation_key, []).append(other)
        urls = []
        for item in items:
            for url in item.get_sitemap_urls(self.request):
                url["alternates"] = self.alternates(versions.get(item.translation_key, []))
                urls.append(url)
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def alternates(self, versions):
        """hreflang links to every public translation (none for a page without one)."""
        if len(versions) < 2:
            return []
        alternates = []
        for other in versions:
            location = other.get_full_url(self.request)
            code = other.locale.language_code
            alternates.append({"location": location, "lang_code": html_lang(code)})
            if code == SOURCE_LANGUAGE:
                alternates.append({"location": location, "lang_code": "x-default"})
        return alternates


SITEMAPS = {
    code: type(f"PublicSitemap_{code.replace('-', '_')}", (PublicSitemap,), {"language": code})
    for code, _name in settings.LANGUAGES
}
