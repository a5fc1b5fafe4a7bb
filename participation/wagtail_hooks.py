from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import rules
from .models import Block, Comment, Proposal, Street
from .moderation import BlockForm, ModerationForm
from .voting import admin_views


class ModerationViewSet(SnippetViewSet):
    """A moderation queue: most open reports first, then the newest; hide or restore only."""

    add_view_enabled = False
    related = ()
    edit_handler = ObjectList(
        [FieldPanel("hidden"), FieldPanel("hidden_reason")], base_form_class=ModerationForm
    )

    def get_queryset(self, request):
        return (
            self.model.objects.annotate(
                open_reports=Count("reports", filter=Q(reports__resolved=False))
            )
            .select_related(*self.related)
            .order_by("-open_reports", "-created_at")
        )


REPORTS_COLUMN = Column("open_reports", label=_("Offene Meldungen"))


class ProposalModerationViewSet(ModerationViewSet):
    model = Proposal
    icon = "openquote"
    menu_label = _("Vorschläge")
    related = ("process",)
    list_display = ["title", "state", "hidden", REPORTS_COLUMN, "created_at"]
    list_filter = ["state", "hidden"]
    search_fields = ["title", "description"]


class CommentModerationViewSet(ModerationViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Kommentare")
    related = ("proposal",)
    list_display = ["text", "proposal", "hidden", "official", REPORTS_COLUMN, "created_at"]
    list_filter = ["hidden", "official"]
    search_fields = ["text"]


class BlockViewSet(SnippetViewSet):
    model = Block
    icon = "lock"
    menu_label = _("Sperren")
    list_display = ["user", "reason", "created_at"]
    edit_handler = ObjectList([FieldPanel("user"), FieldPanel("reason")], base_form_class=BlockForm)


class ModerationGroup(SnippetViewSetGroup):
    items = (ProposalModerationViewSet, CommentModerationViewSet, BlockViewSet)
    menu_icon = "warning"
    menu_label = _("Moderation")
    menu_order = 250


register_snippet(ModerationGroup)


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action("participation.hide", _("Ausgeblendet"), _("Beitrag ausgeblendet"))
    actions.register_action(
        "participation.restore", _("Wieder eingeblendet"), _("Beitrag wieder eingeblendet")
    )
    actions.register_action("participation.block", _("Gesperrt"), _("Person gesperrt"))


# --- voting: office tools -----------------------------------------------------------------


class StreetViewSet(SnippetViewSet):
    model = Street
    icon = "site"
    menu_label = _("Straßen im Gebiet")
    list_display = ["name", "postcode"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(StreetViewSet)


@hooks.register("register_admin_urls")
def register_voting_urls():
    return [
        path("bewohner/", admin_views.residents, name="participation_residents"),
        path("abstimmungscodes/", admin_views.code_batches, name="participation_code_batches"),
    ]


class ResidentsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(rules.can_verify_residents(request.user))


class CodesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm("wagtailadmin.access_admin")


class StreetsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("participation.change_street")


@hooks.register("register_admin_menu_item")
def register_voting_menu():
    return SubmenuMenuItem(
        _("Abstimmung"),
        Menu(
            items=[
                ResidentsMenuItem(
                    _("Bewohner*innen bestätigen"),
                    reverse("participation_residents"),
                    icon_name="user",
                ),
                CodesMenuItem(
                    _("Abstimmungscodes"), reverse("participation_code_batches"), icon_name="key"
                ),
                StreetsMenuItem(
                    _("Straßen im Gebiet"),
                    reverse("wagtailsnippets_participation_street:list"),
                    icon_name="site",
                ),
            ]
        ),
        icon_name="tasks",
        name="voting",
        order=260,
    )


@hooks.register("register_log_actions")
def register_voting_actions(actions):
    actions.register_action(
        "participation.ballot_cast", _("Stimmzettel abgegeben"), _("Stimmzettel abgegeben")
    )
    actions.register_action(
        "participation.ballot_changed", _("Stimmzettel geändert"), _("Stimmzettel geändert")
    )
    actions.register_action(
        "participation.resident_verified", _("Bewohner*in bestätigt"), _("Bewohner*in bestätigt")
    )
    actions.register_action(
        "participation.resident_revoked",
        _("Bestätigung aufgehoben"),
        _("Bestätigung als Bewohner*in aufgehoben"),
    )
    actions.register_action(
        "participation.codes_created", _("Codes erzeugt"), _("Abstimmungscodes erzeugt")
    )
    actions.register_action(
        "participation.codes_voided", _("Codes ungültig"), _("Abstimmungscodes ungültig gemacht")
    )


@hooks.register("quartier_home_sections")
def home_processes(home, request, now):
    """ "Jetzt mitmachen" on the home page: what is open now, what opens next and what
    finished recently, each with its dates."""
    from portal.restrictions import visible

    from .models import ProcessIndexPage
    from .selectors import home_processes as select

    groups = select(home, now, request=request)
    if not any(groups.values()):
        return None
    overview = visible(ProcessIndexPage.objects.child_of(home).live(), request).first()
    return {
        "template": "participation/includes/home_processes.html",
        "overview_url": overview.get_url(request) if overview else "",
        **groups,
    }


@hooks.register("quartier_search_sources")
def search_sources():
    from .search import ProposalSource

    return [ProposalSource()]
