import calendar
from datetime import date

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.ratelimit import allow
from core.tasks import send_email
from portal.admin_forms import LocaleFormPageForm
from portal.blocks import BodyBlock
from portal.models.pages import LanguageAwareMixin, LanguageAwarePage

from .forms import AccessibilityFeedbackForm, add_honeypot, is_spam

FORM_LIMIT = (5, 600)  # submissions per address and ten minutes


def one_month_after(day: date) -> date:
    month = day.month % 12 + 1
    year = day.year + (day.month == 12)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form. Translatable, so a translated contact page asks its
    questions in its own language (wagtail-localize translates labels, help texts, choices
    and default values; the field's type and name stay those of the original)."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(LanguageAwareMixin, AbstractEmailForm):
    """The office's contact form: stores every submission and mails the office."""

    intro = RichTextField(_("Einleitung"), features=["bold", "italic", "link"], blank=True)
    thank_you_text = RichTextField(_("Dankestext"), features=["bold", "italic", "link"], blank=True)
    privacy_note = models.TextField(
        _("Hinweis zum Datenschutz"),
        blank=True,
        default=_(
            "Wir verwenden Ihre Angaben nur, um Ihre Nachricht zu beantworten, und löschen sie "
            "nach sechs Monaten."
        ),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_note"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-Mail an das Büro"),
        ),
    ]
    max_count_per_parent = 1
    base_form_class = LocaleFormPageForm

    class Meta:
        verbose_name = _("Kontaktformular")

    def get_form(self, *args, **kwargs):
        return add_honeypot(super().get_form(*args, **kwargs))

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if is_spam(form):
                return self.render_landing_page(request, None, *args, **kwargs)
            if not allow(request, "contact", *FORM_LIMIT):
                form.is_valid()
                form.add_error(
                    None,
                    gettext(
                        "Sie haben in kurzer Zeit viele Nachrichten gesendet. Bitte warten Sie "
                        "einige Minuten. Ihre Eingaben sind noch da."
                    ),
                )
                context = self.get_context(request)
                context["form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        addresses = [a.strip() for a in self.to_address.split(",") if a.strip()]
        if addresses:
            send_email.enqueue(
                subject=self.subject or self.title,
                body=self.render_email(form),
                recipients=addresses,
                from_email=self.from_address or None,
            )


# The federal conciliation body for accessibility complaints (§ 16 BGG), an official body
# with a public address; offices of a Land replace it with their Land's body.
FEDERAL_CONCILIATION_BODY = (
    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz\n"
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen\n"
    "Mauerstraße 53\n"
    "10117 Berlin\n"
    "Telefon: 030 18 527-2805\n"
    "E-Mail: info@schlichtungsstelle-bgg.de"
)
FEDERAL_CONCILIATION_URL = "https://www.schlichtungsstelle-bgg.de"


class AccessibilityStatementPage(LanguageAwarePage):
    """Erklärung zur Barrierefreiheit (BITV 2.0) with the feedback form it requires.

    BITV 2.0 § 7 asks for the date of the statement, the date of its last review and the
    conciliation body (Schlichtungsstelle nach § 16 BGG) people can turn to."""

    intro = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("Erklärung"), blank=True)
    notify_address = models.EmailField(
        _("Meldungen an"), blank=True, help_text=_("Leer: E-Mail-Adresse des Büros")
    )
    statement_date = models.DateField(
        _("Erstellt am"), null=True, blank=True, help_text=_("Datum dieser Erklärung")
    )
    reviewed_date = models.DateField(
        _("Zuletzt überprüft am"),
        null=True,
        blank=True,
        help_text=_("Datum der letzten Überprüfung der Website und dieser Erklärung"),
    )
    conciliation_body = models.TextField(
        _("Schlichtungsstelle"),
        blank=True,
        default=FEDERAL_CONCILIATION_BODY,
        help_text=_("Name, Anschrift, Telefon und E-Mail der Schlichtungsstelle"),
    )
    conciliation_url = models.URLField(
        _("Website der Schlichtungsstelle"), blank=True, default=FEDERAL_CONCILIATION_URL
    )

    content_panels = LanguageAwarePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("statement_date"), FieldPanel("reviewed_date")]),
        MultiFieldPanel(
            [FieldPanel("conciliation_body"), FieldPanel("conciliation_url")],
            heading=_("Schlichtungsverfahren"),
        ),
        FieldPanel("notify_address"),
    ]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            context = self.get_context(request)
            context["feedback_form"] = AccessibilityFeedbackForm()
            return TemplateResponse(request, self.get_template(request), context)
        form = add_honeypot(AccessibilityFeedbackForm(request.POST))
        rate_ok = allow(request, "a11y-feedback", *FORM_LIMIT)
        if is_spam(form) or (rate_ok and form.is_valid()):
            if not is_spam(form):
                from .services import feedback_receive

                feedback_receive(self, form.cleaned_data, request)
            messages.success(
                request,
                gettext(
                    "Danke für Ihre Meldung. Wir antworten innerhalb eines Monats, wenn Sie "
                    "uns eine E-Mail-Adresse genannt haben."
                ),
            )
            return redirect(self.get_url(request))
        if not rate_ok:
            form.is_valid()
            form.add_error(
                None,
                gettext("Zu viele Meldungen in kurzer Zeit. Bitte warten Sie einige Minuten."),
            )
        context = self.get_context(request)
        context["feedback_form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=200 if rate_ok else 429
        )


class AccessibilityFeedback(models.Model):
    """A report of a barrier. BITV 2.0 requires an answer within one month."""

    page = models.ForeignKey(
        AccessibilityStatementPage, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    message = models.TextField(_("Meldung"), max_length=5000)
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    language = models.CharField(_("Sprache"), max_length=10, blank=True)
    received_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now)
    answer_due = models.DateField(_("Antwort fällig bis"))
    done = models.BooleanField(_("Erledigt"), default=False)
    done_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)
    notes = models.TextField(_("Interne Notizen"), blank=True)

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["done", "answer_due"]

    def __str__(self):
        return f"{self.received_at:%d.%m.%Y}: {self.message[:60]}"

    def save(self, *args, **kwargs):
        if not self.answer_due:
            self.answer_due = one_month_after(timezone.localdate(self.received_at))
        if self.done and not self.done_at:
            self.done_at = timezone.now()
        if not self.done:
            self.done_at = None
        super().save(*args, **kwargs)

    def is_overdue(self):
        return not self.done and self.answer_due < timezone.localdate()

    is_overdue.short_description = _("Überfällig")
    is_overdue.boolean = True
