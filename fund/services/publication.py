"""Settlement photos are private until they may be published: the action is funded and the
applicants agreed to publish photos (`rules.photos_are_public`). Then they move to the public
storage under a new random name; when either no longer holds, they move back."""

from core.files import set_public, sync_files_on_commit

from .. import rules
from ..models import Application


def sync_photos(application_pk):
    """Put every photo of the application in the storage its publication asks for."""
    application = Application.objects.filter(pk=application_pk).first()
    if application is None:
        return
    public = rules.photos_are_public(application)
    for photo in application.photos.all():
        set_public(photo, ["image"], public)


def sync_photos_on_commit(application):
    """Files are not transactional: move them once the state change is committed (again
    later while the object store is down)."""
    sync_files_on_commit("fund.services.publication.sync_photos", application.pk)
