"""Display names: what residents are shown as next to their proposals and comments.

Existing accounts with a name get its initials ("A. B."); the others stay empty and are
shown as "Bewohner*in" in the visitor's language (User.public_name), never by e-mail.
"""

from django.db import migrations, models


def initials(first_name, last_name):
    parts = f"{first_name} {last_name}".split()
    return " ".join(f"{part[0].upper()}." for part in parts if part[0].isalpha())


def fill_display_names(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    changed = []
    for user in User.objects.filter(display_name="").only("pk", "first_name", "last_name"):
        name = initials(user.first_name, user.last_name)[:40]
        if name:
            user.display_name = name
            changed.append(user)
    User.objects.bulk_update(changed, ["display_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_opaque_usernames"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="display_name",
            field=models.CharField(
                blank=True,
                help_text="Wird öffentlich bei Ihren Vorschlägen und Kommentaren gezeigt. Es muss nicht Ihr echter Name sein.",
                max_length=40,
                verbose_name="Anzeigename",
            ),
        ),
        migrations.RunPython(fill_display_names, migrations.RunPython.noop),
    ]
