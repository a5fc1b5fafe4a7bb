import pytest
from wagtail.blocks import StructBlockValidationError

from portal.blocks.content import CallToActionBlock, ImageBlock, VideoBlock


@pytest.fixture
def image(db):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "#1a3da5").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Testbild", file=ImageFile(buffer, name="testbild.png")
    )


def test_image_needs_alt_text_unless_decorative(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": False}))
    assert "alt_text" in error.value.block_errors
    assert block.clean(block.to_python({"image": image.pk, "decorative": True}))["decorative"]
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Spielplatz"}))


def test_call_to_action_needs_a_target():
    block = CallToActionBlock()
    value = block.to_python({"title": "Mitmachen", "button_label": "Los", "page": None, "url": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_video_needs_file_or_address():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "DGS"}))
