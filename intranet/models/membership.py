"""Who belongs to a body: role, term, voting right, resident or not, editing rights."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CHAIR = "chair", _("Vorsitz")
    MINUTE_TAKER = "minute_taker", _("Protokollführung")
    MEMBER = "member", _("Mitglied")
    GUEST = "guest", _("Gast")


# The names callers used before the choices existed.
CHAIR = Role.CHAIR
MINUTE_TAKER = Role.MINUTE_TAKER
MEMBER = Role.MEMBER
GUEST = Role.GUEST
ROLES = Role.choices


class MembershipQuerySet(models.QuerySet):
    def active(self, day=None):
        day = day or timezone.localdate()
        return self.filter(Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))


class Membership(models.Model):
    Role = Role

    workspace = models.ForeignKey(
        "intranet.WorkspacePage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    voting = models.BooleanField(_("stimmberechtigt"), default=True)
    resident = models.BooleanField(_("Bewohner*in des Gebiets"), default=False)
    editor = models.BooleanField(
        _("darf Seiten und Dokumente bearbeiten"),
        default=False,
        help_text=_("Im Wagtail-Admin, nur innerhalb dieses Arbeitsbereichs."),
    )
    start = models.DateField(_("Mitglied seit"), default=timezone.localdate)
    end = models.DateField(_("Mitglied bis"), null=True, blank=True)
    public_name = models.BooleanField(
        _("Name darf öffentlich genannt werden"),
        default=False,
        help_text=_(
            "Nur mit Einwilligung der Person: Name und Mitgliedschaft erscheinen dann in den "
            "offenen Daten (OParl), wenn das Gremium eine öffentliche Seite hat."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, null=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["workspace", "role", "user__last_name", "user__first_name"]
        permissions = [("manage_intranet", _("Intranet verwalten (alle Arbeitsbereiche)"))]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user", "start"], name="one_membership_per_term_start"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.GUEST) | Q(voting=False), name="guests_do_not_vote"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    def is_active(self, day=None):
        day = day or timezone.localdate()
        return self.start <= day and (self.end is None or self.end >= day)
