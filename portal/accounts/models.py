import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import clean_text

DISPLAY_NAME_MAX_LENGTH = 40


def initials(first_name, last_name):
    """ "Anna Beispiel" -> "A. B."; empty if there is no name."""
    parts = f"{first_name} {last_name}".split()
    return " ".join(f"{part[0].upper()}." for part in parts if part[0].isalpha())


def opaque_username():
    """An internal user name that says nothing about the person: "u" and 16 hex digits."""
    return "u" + secrets.token_hex(8)


class User(AbstractUser):
    """A person with an account. Login is by e-mail (allauth); the username is internal,
    opaque (see opaque_username) and never shown: people appear by name, else e-mail."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    language = models.CharField(
        _("Sprache für E-Mails"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    display_name = models.CharField(
        _("Anzeigename"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Wird öffentlich bei Ihren Vorschlägen und Kommentaren gezeigt. Es muss nicht "
            "Ihr echter Name sein."
        ),
    )

    class Meta:
        verbose_name = _("Benutzer*in")
        verbose_name_plural = _("Benutzer*innen")

    def __str__(self):
        return self.get_full_name() or self.email or self.username

    @property
    def public_name(self):
        """The only thing about a person shown next to their contributions: the display
        name they chose, else "Bewohner*in" (never the e-mail address or the real name)."""
        return self.display_name or gettext("Bewohner*in")

    def clean(self):
        """Names as they are shown to others: without bidi overrides, invisible zero-width
        or control characters (every model form, the admin's user form too, calls this)."""
        super().clean()
        self.first_name = clean_text(self.first_name).strip()
        self.last_name = clean_text(self.last_name).strip()
        self.display_name = clean_text(self.display_name).strip()

    def save(self, *args, **kwargs):
        # Accounts made without a user name (the Wagtail user admin, allauth) get an opaque one.
        if not self.username:
            self.username = opaque_username()
        super().save(*args, **kwargs)


class DeletionRequest(models.Model):
    """A person asked to have their account deleted (DSGVO Art. 17).

    The office checks whether records must be kept (e.g. fund settlements) and
    then deletes the account in the Wagtail user admin; deleting the user closes
    the request and removes the link to the person.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deletion_requests",
    )
    reason = models.TextField(_("Anmerkung"), blank=True, max_length=2000)
    requested_at = models.DateTimeField(_("beantragt am"), auto_now_add=True)
    completed_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Löschantrag")
        verbose_name_plural = _("Löschanträge")
        ordering = ["completed_at", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(completed_at__isnull=True),
                name="one_open_deletion_request_per_user",
            )
        ]

    def __str__(self):
        who = self.user or _("gelöschtes Konto")
        return f"{who} ({self.requested_at:%d.%m.%Y})"

    @property
    def is_open(self):
        return self.completed_at is None
