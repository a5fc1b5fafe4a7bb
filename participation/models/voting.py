"""Ballots and votes, and the one-time voting codes that can stand in for an account.

Secrecy: a ballot carries a keyed hash of its voter (account or code), never a foreign key to
an account, so the database alone does not tell who voted how. Integrity: one ballot per
voter and process, one vote per proposal and ballot, and a ballot's totals can never pass
its limits (check constraints, written under a row lock by the voting service).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a ballot reached the count."""

    ONLINE = "online", _("online")
    PAPER = "paper", _("auf Papier, vom Büro eingetragen")


class Trust(models.TextChoices):
    """How eligibility was established for a ballot."""

    OFFICE = "office", _("im Büro bestätigt")
    CODE = "code", _("mit Abstimmungscode")
    SELF = "self", _("selbst erklärt")
    ACCOUNT = "account", _("registriertes Konto")


# The old names, kept for callers.
ONLINE = Channel.ONLINE
PAPER = Channel.PAPER
CHANNELS = Channel.choices
BY_OFFICE = Trust.OFFICE
BY_CODE = Trust.CODE
BY_SELF = Trust.SELF
BY_ACCOUNT = Trust.ACCOUNT
TRUST = Trust.choices
VERIFIED_TRUST = {BY_OFFICE, BY_CODE}


class VotingCodeBatchQuerySet(models.QuerySet):
    def annotate_usage(self):
        return self.annotate(used=models.Count("codes", filter=Q(codes__used_at__isnull=False)))


class VotingCodeBatch(models.Model):
    process = models.ForeignKey(
        "participation.ProcessPage",
        verbose_name=_("Verfahren"),
        on_delete=models.CASCADE,
        related_name="code_batches",
    )
    label = models.CharField(_("Bezeichnung"), max_length=120)
    size = models.PositiveIntegerField(_("Anzahl Codes"))
    salt = models.CharField(max_length=64, editable=False)
    expires_at = models.DateTimeField(_("gültig bis"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("erzeugt am"), auto_now_add=True)
    voided_at = models.DateTimeField(_("ungültig gemacht am"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = VotingCodeBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("Satz Abstimmungscodes")
        verbose_name_plural = _("Sätze Abstimmungscodes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.label


class VotingCode(models.Model):
    """Only a keyed, salted hash of the code is stored; the code itself exists on paper."""

    batch = models.ForeignKey(VotingCodeBatch, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Abstimmungscode")
        verbose_name_plural = _("Abstimmungscodes")

    def __str__(self):
        return f"{self.batch_id}/{self.pk}"


def _within(used, limit):
    return Q(**{f"{limit}__isnull": True}) | Q(**{f"{used}__lte": F(limit)})


class Ballot(models.Model):
    Channel = Channel
    Trust = Trust

    process = models.ForeignKey(
        "participation.ProcessPage", on_delete=models.CASCADE, related_name="ballots"
    )
    voter_key = models.CharField(max_length=64)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    trust = models.CharField(max_length=10, choices=Trust.choices)
    resume_digest = models.CharField(max_length=64, blank=True)
    choices_used = models.PositiveIntegerField(default=0)
    choices_limit = models.PositiveIntegerField(null=True)
    points_used = models.PositiveIntegerField(default=0)
    points_limit = models.PositiveIntegerField(null=True)
    budget_used = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    budget_limit = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    times_cast = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stimmzettel")
        verbose_name_plural = _("Stimmzettel")
        indexes = [models.Index(fields=["process", "resume_digest"], name="ballot_resume_idx")]
        constraints = [
            models.UniqueConstraint(fields=["process", "voter_key"], name="one_ballot_per_voter"),
            models.CheckConstraint(
                condition=_within("choices_used", "choices_limit"), name="ballot_within_choices"
            ),
            models.CheckConstraint(
                condition=_within("points_used", "points_limit"), name="ballot_within_points"
            ),
            models.CheckConstraint(
                condition=_within("budget_used", "budget_limit"), name="ballot_within_budget"
            ),
            models.CheckConstraint(
                condition=Q(budget_used__gte=0), name="ballot_budget_not_negative"
            ),
        ]

    def __str__(self):
        # Deliberately says nothing about the voter: this label lands in the audit log.
        return f"#{self.pk}"

    @property
    def verified(self):
        return self.trust in VERIFIED_TRUST


class Vote(models.Model):
    """One choice on a ballot. value: yes 1, no -1, abstain 0; approval 1; points: 1..N."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="votes")
    process = models.ForeignKey(
        "participation.ProcessPage", on_delete=models.CASCADE, related_name="+"
    )
    proposal = models.ForeignKey(
        "participation.Proposal", on_delete=models.CASCADE, related_name="votes"
    )
    value = models.SmallIntegerField()
    verified = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "proposal"], name="one_vote_per_proposal"),
            models.CheckConstraint(condition=Q(value__gte=-1), name="vote_value_in_range"),
        ]
        indexes = [
            models.Index(fields=["process", "proposal", "verified", "value"], name="vote_tally_idx")
        ]

    def __str__(self):
        return f"{self.ballot_id}:{self.proposal_id}"
