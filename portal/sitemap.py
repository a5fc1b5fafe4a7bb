"""The sitemap: every page anyone may see, in every language tree.

Wagtail's own sitemap lists the site root's descendants (the German tree only) and
filters with `.public()`, which misses translations and aliases of restricted pages;
this one lists all language trees and filters with `portal.restrictions.visible`.
Aliases (the German original shown in another language's tree until it is translated)
are left out, as from the pages' hreflang alternates: search engines get each text once.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.restrictions import visible


class PublicSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_trees = Q(pk__in=[])
        for path in homes:
            in_trees |= Q(path__startswith=path)
        return (
            visible(
                Page.objects.live().filter(in_trees, alias_of__isnull=True),
                self.request,
                public=True,
            )
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


SITEMAPS = {"seiten": PublicSitemap}
