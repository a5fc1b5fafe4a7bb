from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Block, Comment, Proposal
from .moderation import BlockForm, ModerationForm


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
