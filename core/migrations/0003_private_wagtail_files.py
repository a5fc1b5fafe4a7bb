from django.db import migrations


def move_files(apps, schema_editor):
    """Wagtail's original images and the admin's avatars leave MEDIA_ROOT for the private
    storage (same names; pages show renditions, which stay public in MEDIA_ROOT)."""
    from core.files import move_media_to_private

    move_media_to_private(apps.get_model("wagtailimages", "Image"), "file")
    move_media_to_private(apps.get_model("wagtailusers", "UserProfile"), "avatar")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_deletion_log"),
        ("wagtailimages", "__latest__"),
        ("wagtailusers", "__latest__"),
    ]

    operations = [migrations.RunPython(move_files, migrations.RunPython.noop)]
