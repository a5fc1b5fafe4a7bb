from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import rules
from .models import IntranetIndexPage, Membership, WorkspacePage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_privacy(request, page):
    """Workspaces made or changed in the admin get their group, collection and privacy."""
    from .services import workspaces

    specific = page.specific
    if isinstance(specific, WorkspacePage) and not specific.alias_of_id:
        workspaces.ensure_setup(specific)
    elif isinstance(specific, IntranetIndexPage) and not specific.alias_of_id:
        workspaces.protect_intranet(specific)


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Mitgliedschaften")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["user", "workspace", "role", "voting", "resident", "start", "end"]
    list_filter = ["role", "voting", "resident"]
    search_fields = ["user__email", "user__last_name"]


register_snippet(MembershipViewSet)


def _members_only(request, title):
    from django.template.response import TemplateResponse

    from core.rules import ROLE, deny

    decision = deny(ROLE, _("Dieser Bereich ist nur für seine Mitglieder."))
    return TemplateResponse(
        request,
        "intranet/members_only.html",
        {"decision": decision, "title": title},
        status=403,
    )


@hooks.register("before_serve_page", order=-1)
def explain_instead_of_login(page, request, serve_args, serve_kwargs):
    """Wagtail sends everyone a private page refuses to the login form, even people who are
    logged in. They get an explanation instead; anonymous visitors still go to the login."""
    if not request.user.is_authenticated or request.user.is_superuser:
        return None
    # Password restrictions (switched off here) stay with Wagtail's own check.
    restrictions = (
        page.get_view_restrictions()
        .exclude(restriction_type=PageViewRestriction.PASSWORD)
        .prefetch_related("groups")
    )
    if not restrictions:
        return None
    group_ids = {group.pk for group in request.user.groups.all()}
    if all(rules.restriction_admits(r, request.user, group_ids) for r in restrictions):
        return None
    return _members_only(request, page.title)


@hooks.register("before_serve_document", order=-1)
def explain_instead_of_login_for_documents(document, request):
    if not request.user.is_authenticated:
        return None
    if rules.collection_allows(request.user, document.collection):
        return None
    return _members_only(request, document.title)


@hooks.register("quartier_private_page_roots")
def intranet_roots():
    """The intranet, in every language tree, never shows in the public search."""
    from .models import IntranetIndexPage

    return IntranetIndexPage.objects.all()


@hooks.register("quartier_public_dates")
def public_meetings(since):
    """The public meetings of bodies with a public page, in the events list and calendar feed
    (the office enters them once, as meetings)."""
    from django.utils.translation import get_language

    from portal.events.calendar import OtherDate

    from .models import BodiesPage, Meeting, WorkspacePage

    pages = BodiesPage.objects.live()
    bodies_page = (
        pages.filter(locale__language_code=get_language()).first()
        or pages.filter(locale__language_code="de").first()
    )
    if bodies_page is None:
        return []
    shown = WorkspacePage.objects.live().filter(locale__language_code="de", show_public_page=True)
    meetings = (
        Meeting.objects.filter(workspace__in=shown, public=True, starts_at__gte=since)
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("workspace")
        .order_by("starts_at")[:200]
    )
    return [
        OtherDate(
            uid=f"meeting-{meeting.pk}@quartier",
            title=f"{meeting.workspace.title}: {meeting.title}",
            start=meeting.starts_at,
            end=meeting.ends_at,
            place=meeting.place,
            url=bodies_page.route_url("public_meeting", meeting.workspace.slug, meeting.pk),
            modified=meeting.updated_at,
        )
        for meeting in meetings
    ]


@hooks.register("quartier_login_redirect")
def intranet_after_login(request):
    """Members of a body land on the intranet's dashboard after logging in."""
    from .models import IntranetIndexPage
    from .rules import memberships

    if not request.user.is_authenticated or not memberships(request.user):
        return None
    index = IntranetIndexPage.objects.live().filter(locale__language_code="de").first()
    return index.url if index else None


@hooks.register("quartier_account_links")
def intranet_link(request):
    """ "Intranet" in the header for people who may enter it (the intranet is German)."""
    from django.utils.translation import gettext

    from .models import IntranetIndexPage
    from .rules import is_intranet_user

    if not request.user.is_authenticated or not is_intranet_user(request.user):
        return []
    index = IntranetIndexPage.objects.live().filter(locale__language_code="de").first()
    return [{"url": index.url, "label": gettext("Intranet"), "lang": "de"}] if index else []
