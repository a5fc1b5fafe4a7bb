"""Replace user names derived from e-mail addresses (allauth's default) by opaque ones."""

import re
import secrets

from django.db import migrations


def _letters(text):
    return re.sub(r"[\W_]", "", text or "").lower()


def derived_from_email(username, email):
    if "@" in (username or ""):
        return True
    local = _letters((email or "").split("@")[0])
    return len(local) >= 2 and _letters(username).startswith(local[:30])


def make_opaque(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.only("pk", "username", "email").iterator():
        if derived_from_email(user.username, user.email):
            User.objects.filter(pk=user.pk).update(username="u" + secrets.token_hex(8))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_language"),
    ]

    operations = [
        migrations.RunPython(make_opaque, migrations.RunPython.noop, elidable=True),
    ]
