import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a test module, rolled back at its end: module-scoped fixtures
    that depend on it build their data once for the module's tests instead of once per
    test (publishing pages with their language versions is slow). Each test still runs in
    a savepoint of its own, so what a test changes is undone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
