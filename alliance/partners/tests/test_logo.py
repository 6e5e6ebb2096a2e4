import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from alliance.signatures.models import Signature
from alliance.signatures.services import anonymise_closed_campaigns, purge_unconfirmed_signatures
from alliance.signatures.tests.conftest import link_in, organisation

from .conftest import image_file

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def upload(data: bytes, name: str = "logo.png", content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def with_logo(logo: SimpleUploadedFile) -> dict[str, object]:
    return {**organisation(), "logo": logo}


def stored_logos() -> set[str]:
    folder = Path(settings.MEDIA_ROOT) / "logos"
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def jpeg_with_camera_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0x8298] = "Photographer's name"  # Copyright
    return image_file("JPEG", (1200, 800), exif=exif.tobytes())


def test_sign_form_sends_files_and_offers_the_logo_and_the_opt_out(client):
    content = client.get("/en/statement/").content.decode()

    assert 'enctype="multipart/form-data"' in content
    assert 'type="file" name="logo" accept="image/png,image/jpeg,image/webp"' in content
    checkbox = re.search(r'<input type="checkbox"\s+name="unlisted"[^>]*>', content)
    assert checkbox
    assert "checked" not in checkbox.group()
    assert re.search(r'<label for="id_unlisted">\s*Do not list our organisation publicly', content)


def test_logo_is_redrawn_as_a_small_png_without_metadata(sign, statement_campaign):
    assert "Camera Maker" in Image.open(io.BytesIO(jpeg_with_camera_metadata())).getexif().values()

    response = sign(with_logo(upload(jpeg_with_camera_metadata(), "photo.jpg", "image/jpeg")))

    assert response.status_code == 302
    signature = Signature.objects.get(campaign=statement_campaign)
    assert re.fullmatch(r"logos/[0-9a-f]{32}\.png", signature.logo.name or "")
    with Image.open(signature.logo.path) as stored:
        assert stored.format == "PNG"
        assert stored.size == (512, 341)  # at most 512 pixels, in the same proportions
        assert not stored.getexif()
        assert not {"exif", "XML:com.adobe.xmp", "icc_profile"} & set(stored.info)
    assert signature.listed


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (image_file("PNG", (200, 100)), "logo.png"),
        (image_file("WEBP", (200, 100)), "logo.webp"),
        (image_file("PNG", (200, 100)), "logo.bin"),  # the content counts, not the name
    ],
)
def test_png_and_webp_logos_are_accepted_and_small_ones_keep_their_size(sign, statement_campaign, data, name):
    response = sign(with_logo(upload(data, name)))

    assert response.status_code == 302
    with Image.open(Signature.objects.get(campaign=statement_campaign).logo.path) as stored:
        assert (stored.format, stored.size) == ("PNG", (200, 100))


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (SVG, "logo.svg"),
        (b"%PDF-1.4 not an image at all", "logo.png"),  # a document renamed to look like an image
        (image_file("PNG")[:200], "logo.png"),  # a broken image
        (image_file("GIF", (100, 100)), "logo.gif"),  # an image, but not one of the formats asked for
    ],
)
def test_what_is_not_a_png_jpeg_or_webp_image_is_refused_with_a_message(sign, statement_campaign, data, name):
    response = sign(with_logo(upload(data, name)))

    assert response.status_code == 200
    assert "Please upload the logo as a PNG, JPEG or WebP image." in response.content.decode()
    assert not Signature.objects.filter(campaign=statement_campaign).exists()
    assert stored_logos() == set()


def test_logo_larger_than_2_mb_is_refused(sign, statement_campaign):
    big = image_file("PNG", (10, 10)) + b"\0" * (2 * 1024 * 1024)

    response = sign(with_logo(upload(big)))

    assert "The logo file is larger than 2 MB." in response.content.decode()
    assert not Signature.objects.filter(campaign=statement_campaign).exists()


def test_logo_larger_than_4000_pixels_is_refused(sign, statement_campaign):
    response = sign(with_logo(upload(image_file("PNG", (4001, 10)))))

    assert "The logo is larger than 4000 × 4000 pixels." in response.content.decode()
    assert not Signature.objects.filter(campaign=statement_campaign).exists()


def test_organisation_can_opt_out_of_the_public_list(sign, statement_campaign):
    sign(organisation(unlisted="on"))

    assert Signature.objects.get(campaign=statement_campaign).listed is False


def test_signing_again_stores_no_second_logo(sign, statement_campaign):
    sign(with_logo(upload(image_file("PNG", (100, 100)))))
    first = stored_logos()

    response = sign(with_logo(upload(image_file("PNG", (300, 300)))))

    assert response.status_code == 302
    assert Signature.objects.filter(campaign=statement_campaign).count() == 1
    assert stored_logos() == first
    assert len(first) == 1


def test_withdrawing_deletes_the_logo_file(
    client, sign, statement_campaign, mailoutbox, django_capture_on_commit_callbacks
):
    sign(with_logo(upload(image_file("PNG", (100, 100)))))
    assert len(stored_logos()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mailoutbox[0], "manage"), {"action": "withdraw"})

    assert response.status_code == 200
    assert not Signature.objects.filter(campaign=statement_campaign).exists()
    assert stored_logos() == set()


def test_unconfirmed_signature_deleted_after_seven_days_takes_its_logo(
    sign, statement_campaign, django_capture_on_commit_callbacks
):
    sign(with_logo(upload(image_file("PNG", (100, 100)))))
    Signature.objects.update(created_at=timezone.now() - timedelta(days=8))

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_unconfirmed_signatures() == 1

    assert stored_logos() == set()


def test_anonymisation_deletes_the_logo_and_keeps_the_organisation(partner, statement_campaign):
    signature = partner("Podlaskie Region", kind="ngo", logo_png=image_file("PNG", (100, 100)))
    assert stored_logos() == {Path(signature.logo.name).name}
    statement_campaign.opens_at = timezone.now() - timedelta(days=400)
    statement_campaign.closes_at = timezone.now() - timedelta(days=91)
    statement_campaign.save()

    anonymise_closed_campaigns()

    signature.refresh_from_db()
    assert signature.logo.name == ""
    assert stored_logos() == set()
    assert (signature.organisation_name, signature.organisation_kind) == ("Podlaskie Region", "ngo")
