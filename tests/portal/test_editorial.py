import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from portal.editorial import EDITORS, MANAGERS, WORKFLOW_NAME
from portal.models import HomePage

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def member(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_edit_but_do_not_publish():
    home = HomePage.objects.get(locale__language_code="de")
    permissions = home.permissions_for_user(member(EDITORS))
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()


def test_managers_publish():
    home = HomePage.objects.get(locale__language_code="de")
    assert home.permissions_for_user(member(MANAGERS)).can_publish()


def test_review_workflow_applies_to_all_pages():
    home = HomePage.objects.get(locale__language_code="de")
    workflow = home.get_workflow()
    assert workflow == Workflow.objects.get(name=WORKFLOW_NAME)
    [task] = workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == [MANAGERS]


def test_residents_have_no_page_rights():
    home = Page.objects.get(pk=HomePage.objects.get(locale__language_code="de").pk)
    assert not home.permissions_for_user(UserFactory()).can_edit()


def test_setup_is_idempotent():
    from portal.editorial import ensure_editorial_setup

    before = Group.objects.get(name=EDITORS).permissions.count()
    ensure_editorial_setup()
    assert Group.objects.get(name=EDITORS).permissions.count() == before
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
