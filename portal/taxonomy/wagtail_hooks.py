from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FieldOfAction


class FieldOfActionViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "tag"
    menu_label = _("Handlungsfelder")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order", "locale"]
    search_fields = ["name"]


register_snippet(FieldOfActionViewSet)
