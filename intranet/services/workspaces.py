"""Workspaces and their privacy: a page, a group, an editors' group and a collection made
together, with page and collection view restrictions kept in sync with membership."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
)

from portal.editorial import EDITORS, MANAGERS

from .. import bodies
from ..models import IntranetIndexPage, Membership, WorkspacePage

INTRANET_GROUP = "Intranet"
ROOT_COLLECTION = "Intranet"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
EDITOR_COLLECTION_PERMISSIONS = ["add_document", "change_document", "choose_document"]


def intranet_group():
    return Group.objects.get_or_create(name=INTRANET_GROUP)[0]


def office_groups():
    return list(Group.objects.filter(name__in=[EDITORS, MANAGERS]))


def root_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=ROOT_COLLECTION).first()
    collection = existing or root.add_child(name=ROOT_COLLECTION)
    _restrict_collection(collection, [intranet_group(), *office_groups()])
    return collection


def _restrict_page(page, groups):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    elif restriction.restriction_type != PageViewRestriction.GROUPS:
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
    PageViewRestriction.objects.filter(page=page).exclude(pk=restriction.pk).delete()
    restriction.groups.set(groups)


def _restrict_collection(collection, groups):
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    CollectionViewRestriction.objects.filter(collection=collection).exclude(
        pk=restriction.pk
    ).delete()
    restriction.groups.set(groups)


def _with_aliases(page):
    """The page and the aliases wagtail-localize keeps of it in other language trees."""
    from wagtail.models import Page

    return [page, *Page.objects.filter(alias_of=page)]


def protect_intranet(index):
    """The intranet entry page: intranet users and the office only."""
    for page in _with_aliases(index):
        _restrict_page(page, [intranet_group(), *office_groups()])


def visible_groups(workspace):
    members_only = workspace.visibility == bodies.Visibility.MEMBERS_ONLY
    base = [workspace.group] if members_only else [intranet_group()]
    return [*base, *office_groups()]


@transaction.atomic
def ensure_setup(workspace):
    """Create the group, editors' group and collection if missing; apply privacy."""
    changed = []
    label = f"{workspace.title} (#{workspace.pk})"
    if workspace.group_id is None:
        workspace.group = Group.objects.create(name=f"Gremium: {label}")
        changed.append("group")
    if workspace.editors_group_id is None:
        workspace.editors_group = Group.objects.create(name=f"Gremium: {label} – Bearbeitung")
        changed.append("editors_group")
    if workspace.collection_id is None:
        workspace.collection = root_collection().add_child(name=label)
        changed.append("collection")
    if changed:
        WorkspacePage.objects.filter(pk=workspace.pk).update(
            **{field: getattr(workspace, field) for field in changed}
        )
        _grant_editors(workspace)
    sync_privacy(workspace)
    return workspace


def _grant_editors(workspace):
    group = workspace.editors_group
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=workspace,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=workspace.collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )


def sync_privacy(workspace):
    groups = visible_groups(workspace)
    for page in _with_aliases(workspace):
        _restrict_page(page, groups)
    _restrict_collection(workspace.collection, groups)


def sync_user(user):
    """Put the person in exactly the groups their active memberships give."""
    active = list(Membership.objects.active().filter(user=user).select_related("workspace"))
    wanted = {ms.workspace.group_id for ms in active}
    wanted |= {ms.workspace.editors_group_id for ms in active if ms.editor}
    managed = {
        group
        for pair in WorkspacePage.objects.values_list("group_id", "editors_group_id")
        for group in pair
        if group is not None
    }
    wanted.discard(None)
    current = set(user.groups.filter(pk__in=managed).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
    intranet = intranet_group()
    if active:
        user.groups.add(intranet)
    else:
        user.groups.remove(intranet)
    if hasattr(user, "_intranet_memberships"):
        del user._intranet_memberships


def sync_everyone():
    """Daily: terms begin and end without anyone saving anything."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(memberships__isnull=False).distinct()
    for person in people.iterator():
        sync_user(person)
    return people.count()


@transaction.atomic
def ensure_intranet(home, title="Intranet"):
    index = IntranetIndexPage.objects.child_of(home).first()
    if index is None:
        index = IntranetIndexPage(title=title, slug="intranet", show_in_menus=False)
        home.add_child(instance=index)
        index.save_revision().publish()
    protect_intranet(index)
    root_collection()
    return index


@transaction.atomic
def create_workspace(index, **fields):
    workspace = WorkspacePage(**fields)
    index.add_child(instance=workspace)
    workspace.save_revision().publish()
    return ensure_setup(workspace)
