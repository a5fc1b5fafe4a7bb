from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Block, Comment, Proposal
from .moderation import BlockForm, ModerationForm


class ProposalModerationViewSet(SnippetViewSet):
    model = Proposal
    icon = "openquote"
    menu_label = _("Vorschläge")
    list_display = [
        "title",
        "state",
        "hidden",
        Column("open_reports", label=_("Offene Meldungen")),
        "created_at",
    ]
    list_filter = ["state", "hidden"]
    search_fields = ["title", "description"]
    add_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("hidden"), FieldPanel("hidden_reason")], base_form_class=ModerationForm
    )

    def get_queryset(self, request):
        return (
            Proposal.objects.annotate(
                open_reports=Count("reports", filter=Q(reports__resolved=False))
            )
            .select_related("process")
            .order_by("-open_reports", "-created_at")
        )


class CommentModerationViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Kommentare")
    list_display = [
        "text",
        "proposal",
        "hidden",
        "official",
        Column("open_reports", label=_("Offene Meldungen")),
        "created_at",
    ]
    list_filter = ["hidden", "official"]
    search_fields = ["text"]
    add_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("hidden"), FieldPanel("hidden_reason")], base_form_class=ModerationForm
    )

    def get_queryset(self, request):
        return (
            Comment.objects.annotate(
                open_reports=Count("reports", filter=Q(reports__resolved=False))
            )
            .select_related("proposal")
            .order_by("-open_reports", "-created_at")
        )


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
