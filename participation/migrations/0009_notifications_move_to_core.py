"""Notification preferences and digest lines now live in `core` (the shared kernel):
copy them over, then drop the participation tables."""

from django.db import migrations


def copy_to_core(apps, schema_editor):
    OldPreference = apps.get_model("participation", "NotificationPreference")
    OldPending = apps.get_model("participation", "PendingNotification")
    Preference = apps.get_model("core", "NotificationPreference")
    Pending = apps.get_model("core", "PendingNotification")
    Preference.objects.bulk_create(
        Preference(user_id=old.user_id, kind=old.kind, frequency=old.frequency)
        for old in OldPreference.objects.iterator()
    )
    for old in OldPending.objects.order_by("pk").iterator():
        moved = Pending.objects.create(user_id=old.user_id, kind=old.kind, text=old.text, url=old.url)
        Pending.objects.filter(pk=moved.pk).update(created_at=old.created_at)


def copy_back(apps, schema_editor):
    OldPreference = apps.get_model("participation", "NotificationPreference")
    OldPending = apps.get_model("participation", "PendingNotification")
    Preference = apps.get_model("core", "NotificationPreference")
    Pending = apps.get_model("core", "PendingNotification")
    OldPreference.objects.bulk_create(
        OldPreference(user_id=new.user_id, kind=new.kind, frequency=new.frequency)
        for new in Preference.objects.iterator()
    )
    for new in Pending.objects.order_by("pk").iterator():
        old = OldPending.objects.create(user_id=new.user_id, kind=new.kind, text=new.text, url=new.url)
        OldPending.objects.filter(pk=old.pk).update(created_at=new.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("participation", "0008_intranet_notification_kind"),
    ]

    operations = [
        migrations.RunPython(copy_to_core, copy_back),
        migrations.DeleteModel(name="NotificationPreference"),
        migrations.DeleteModel(name="PendingNotification"),
    ]
