"""Contact form fields become translatable: each gets the locale of its page and shares a
translation key with the same field (same name) of the page's other language versions."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def assign_locales_and_keys(apps, schema_editor):
    ContactFormField = apps.get_model("contact", "ContactFormField")
    keys = {}
    for field in ContactFormField.objects.select_related("page").order_by("pk"):
        page = field.page
        key = (page.translation_key, field.clean_name)
        field.translation_key = keys.setdefault(key, uuid.uuid4())
        field.locale_id = page.locale_id
        field.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0002_accessibility_statement_dates_and_conciliation"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactformfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="contactformfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(assign_locales_and_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="contactformfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="contactformfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="contactformfield",
            unique_together={("translation_key", "locale")},
        ),
    ]
