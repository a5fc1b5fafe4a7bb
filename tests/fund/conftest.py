import pytest
from django.db import transaction

from .matrix import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The rules matrix (tests/fund/matrix.py), built once per test module inside a
    transaction that is rolled back at the end; each test runs in a savepoint within it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
