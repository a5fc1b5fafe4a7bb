"""StreamField blocks for editorial pages. Each renders accessible KERN markup."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3")), ("h4", _("Ebene 4"))],
        default="h2",
        help_text=_("Ebenen nicht überspringen, damit die Gliederung vorlesbar bleibt."),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Was zeigt das Bild? Pflicht, außer das Bild ist rein dekorativ."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Rein dekorativ (kein Alternativtext nötig)"), required=False
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Bitte einen Alternativtext angeben oder das Bild als "
                            "dekorativ markieren."
                        )
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    url = blocks.URLBlock(label=_("Oder externe Adresse"), required=False)
    button_label = blocks.CharBlock(label=_("Beschriftung der Schaltfläche"))

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Bitte eine Seite oder eine Adresse wählen."))
                }
            )
        return value


class DocumentLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"))

    class Meta:
        icon = "doc-full"
        label = _("Dokumente")
        template = "blocks/document_links_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"))
    answer = blocks.RichTextBlock(label=_("Antwort"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"))

    class Meta:
        icon = "list-ul"
        label = _("Aufklappliste (FAQ)")
        template = "blocks/accordion_block.html"


class VideoBlock(blocks.StructBlock):
    """A video with captions. Own files play in the page; external videos are linked,
    not embedded, so no data goes to a video platform without the visitor's choice."""

    title = blocks.CharBlock(label=_("Titel"))
    video = DocumentChooserBlock(label=_("Videodatei (MP4/WebM)"), required=False)
    captions = DocumentChooserBlock(label=_("Untertitel (WebVTT)"), required=False)
    external_url = blocks.URLBlock(label=_("Oder Adresse bei einer Videoplattform"), required=False)
    captions_url = blocks.URLBlock(label=_("Adresse der Untertitel oder Abschrift"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("Abschrift"), required=False, features=["bold", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "video": ValidationError(_("Bitte eine Datei oder eine Adresse angeben."))
                }
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    table = TableBlock(
        label=_("Tabelle"),
        template="blocks/table_block.html",
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
        help_text=_("Die erste Zeile ist die Kopfzeile."),
    )
    accordion = AccordionBlock()
    video = VideoBlock()
