"""Editorial roles: "Redaktion" edits and submits for review, "Leitung" approves and publishes.

Set up after every `migrate` (idempotent), so a fresh installation and the test
database have the same groups, permissions and review workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

EDITORS = "Redaktion"
MANAGERS = "Leitung"
WORKFLOW_NAME = "Redaktionelle Freigabe"
TASK_NAME = "Freigabe durch die Leitung"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MANAGERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MANAGERS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("taxonomy", "add_fieldofaction"),
        ("taxonomy", "change_fieldofaction"),
        ("wagtail_localize", "submit_translation"),
        ("participation", "verify_resident"),
        ("intranet", "manage_intranet"),
        ("fund", "manage_fund"),
    ],
    MANAGERS: [
        ("wagtailadmin", "access_admin"),
        ("taxonomy", "add_fieldofaction"),
        ("taxonomy", "change_fieldofaction"),
        ("taxonomy", "delete_fieldofaction"),
        ("wagtail_localize", "submit_translation"),
        ("portal", "change_officesettings"),
        ("portal", "add_officetexts"),
        ("portal", "change_officetexts"),
        ("contact", "view_accessibilityfeedback"),
        ("contact", "change_accessibilityfeedback"),
        ("accounts", "view_deletionrequest"),
        ("accounts", "change_deletionrequest"),
        ("core", "view_deletionlog"),
        ("participation", "moderate_proposal"),
        ("participation", "change_proposal"),
        ("participation", "change_comment"),
        ("participation", "add_block"),
        ("participation", "change_block"),
        ("participation", "delete_block"),
        ("participation", "verify_resident"),
        ("participation", "add_street"),
        ("participation", "change_street"),
        ("participation", "delete_street"),
        ("intranet", "manage_intranet"),
        ("intranet", "add_membership"),
        ("intranet", "change_membership"),
        ("intranet", "delete_membership"),
        ("fund", "manage_fund"),
        ("fund", "add_fund"),
        ("fund", "change_fund"),
    ],
}

_ = _  # group and task names stay German: they are data, shown as entered


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_editorial_setup(app_config=None, **kwargs):
    from django.apps import apps
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    # post_migrate is sent once per app with models; act after the last one.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config != with_models[-1]:
        return
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    if root is None or collection is None:
        return
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MANAGERS)}
    for name, group in groups.items():
        for app_label, codename in MODEL_PERMISSIONS[name]:
            permission = _permission(app_label, codename)
            if permission:
                group.permissions.add(permission)
        for codename in PAGE_PERMISSIONS[name]:
            permission = _permission("wagtailcore", codename)
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
        for codename in COLLECTION_PERMISSIONS[name]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            permission = _permission(app_label, codename)
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(groups[MANAGERS])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
