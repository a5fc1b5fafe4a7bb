import pytest
from django.conf import settings

requires_postgres = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="needs PostgreSQL (row locks, concurrency or full-text search): set DATABASE_URL",
)
