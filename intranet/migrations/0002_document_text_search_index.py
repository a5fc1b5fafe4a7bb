"""A GIN index on the stored German full-text vector of documents (PostgreSQL only; SQLite
searches with LIKE and never fills the column)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS intranet_documenttext_search ON intranet_documenttext "
    "USING gin (search_vector)"
)
DROP = "DROP INDEX IF EXISTS intranet_documenttext_search"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("intranet", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
