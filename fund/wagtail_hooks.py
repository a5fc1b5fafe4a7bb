from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Fund


class FundViewSet(SnippetViewSet):
    model = Fund
    icon = "pick"
    menu_label = _("Aktionsfonds")
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["name", "area", "year", "budget", "committed", "cap_per_application"]
    list_filter = ["year"]


register_snippet(FundViewSet)


@hooks.register("quartier_search_sources")
def search_sources():
    from .search import FundedActionSource

    return [FundedActionSource()]
