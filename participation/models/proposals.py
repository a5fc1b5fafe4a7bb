"""Residents' proposals: plain models shown through the process page."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.files import RandomName, is_public_name, publishable_storage
from core.uploads import validate_attachment, validate_image_upload
from portal.search.terms import index_terms

from .. import states


class ProposalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state__in=states.PUBLIC_STATES, hidden=False)

    def visible_to(self, user):
        if user.is_authenticated:
            return self.filter(
                models.Q(state__in=states.PUBLIC_STATES, hidden=False) | models.Q(author=user)
            )
        return self.public()


class Proposal(index.Indexed, models.Model):
    State = states.ProposalState  # templates compare with proposal.State.DRAFT etc.

    process = models.ForeignKey(
        "participation.ProcessPage", on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verfasser*in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    title = models.CharField(_("Titel"), max_length=140)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    field_of_action = models.ForeignKey(
        "taxonomy.FieldOfAction",
        verbose_name=_("Handlungsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    requested_budget = models.DecimalField(
        _("Gewünschtes Budget (Euro)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    image = models.ImageField(
        _("Bild"),
        # Private until the proposal is published (participation.services.sync_files).
        upload_to=RandomName("proposals/images"),
        storage=publishable_storage,
        blank=True,
        validators=[validate_image_upload],
    )
    image_alt = models.CharField(_("Was zeigt das Bild?"), max_length=250, blank=True)
    attachment = models.FileField(
        _("Anhang"),
        upload_to=RandomName("proposals/attachments", keep_in="attachment_name"),
        storage=publishable_storage,
        blank=True,
        validators=[validate_attachment],
        help_text=_(
            "Zum Beispiel ein Plan oder eine Skizze: PDF, Foto (JPEG, PNG) oder "
            "Textdokument (ODT, DOCX), höchstens 10 MB."
        ),
    )
    attachment_name = models.CharField(_("Dateiname des Anhangs"), max_length=255, blank=True)
    language = models.CharField(_("Sprache des Textes"), max_length=10, default="de")
    state = models.CharField(
        _("Stand"), max_length=20, choices=states.ProposalState.choices, default=states.DRAFT
    )
    hidden = models.BooleanField(_("ausgeblendet"), default=False)
    hidden_reason = models.CharField(_("Grund für das Ausblenden"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingetragen vom Büro durch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_recorded = models.BooleanField(_("Einwilligung liegt vor"), default=False)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    submitted_at = models.DateTimeField(_("eingereicht"), null=True, blank=True)
    support_count = models.PositiveIntegerField(_("Unterstützungen"), default=0)
    client_token = models.UUIDField(
        null=True, blank=True, unique=True, editable=False, help_text="against double submission"
    )

    objects = ProposalQuerySet.as_manager()

    # Public search (participation.search): the original text; each translation is indexed
    # on its own. Kept up to date on save by Wagtail's signal handlers.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("place"),
        index.SearchField("search_terms"),
        index.FilterField("id"),
        index.FilterField("process"),
        index.FilterField("state"),
        index.FilterField("hidden"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("Vorschlag")
        verbose_name_plural = _("Vorschläge")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("moderate_proposal", _("Vorschläge moderieren"))]
        indexes = [
            models.Index(fields=["process", "state", "hidden"]),
            # The list's two sorts ("neu", "unterstuetzt"): a page of 50 is read in index
            # order and the scan stops after it, instead of sorting every proposal.
            models.Index(fields=["process", "-submitted_at", "-id"], name="proposal_list_newest"),
            models.Index(
                fields=["process", "-support_count", "-submitted_at", "-id"],
                name="proposal_list_supported",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(entered_by__isnull=True) | models.Q(consent_recorded=True),
                name="office_entries_need_consent",
            ),
        ]

    def __str__(self):
        return self.title

    def search_terms(self):
        return index_terms(f"{self.title} {self.description} {self.place}", self.language)

    @property
    def attachment_filename(self):
        if not self.attachment:
            return ""
        return self.attachment_name or self.attachment.name.rsplit("/", 1)[-1]

    @property
    def image_is_public(self):
        """Whether the image is in the public storage (linked at its public address)."""
        return is_public_name(self.image.name)

    @property
    def attachment_is_public(self):
        return is_public_name(self.attachment.name)

    @property
    def is_public(self):
        """Public states are visible (a hidden proposal shows only the moderation reason)."""
        return self.state in states.PUBLIC_STATES


class ProposalStateChange(models.Model):
    """The visible history of a proposal, with the office's public answer."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="history")
    from_state = models.CharField(max_length=20, choices=states.ProposalState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=states.ProposalState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_reason = models.TextField(_("Begründung"), blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id}: {self.from_state} -> {self.to_state}"


class PersonMark(models.Model):
    """One person's mark on a proposal (support, follow): at most one each, by constraint."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="%(class)ss")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_%(class)ss"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_%(class)s_per_person")
        ]

    def __str__(self):
        return f"{self.user_id} {self._meta.model_name} {self.proposal_id}"


class Support(PersonMark):
    pass


class Follow(PersonMark):
    pass


class ProposalTranslation(index.Indexed, models.Model):
    """A proposal's title and text in another site language, by its author or the office."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("Sprache"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("Titel"), max_length=140)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_office = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("search_terms"),
        index.FilterField("proposal"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("Übersetzung eines Vorschlags")
        verbose_name_plural = _("Übersetzungen von Vorschlägen")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id} ({self.language})"

    def search_terms(self):
        return index_terms(f"{self.title} {self.description}", self.language)
