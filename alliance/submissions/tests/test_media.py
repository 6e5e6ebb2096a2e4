import io
import re
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from PIL import ExifTags, Image

from alliance.submissions.models import ProjectPicture, Submission, VideoStatement

pytestmark = pytest.mark.django_db

STORED_NAME = re.compile(r"(videos|posters|pictures)/[0-9a-f]{32}\.(mp4|webm|jpg)")
NOT_A_VIDEO = "This file is not a video we can read. Please send an MP4, MOV or WebM video."
NOT_A_PICTURE = "This file is not a picture we can read. Please send a photo as JPEG, PNG, WebP"


def video_statement(upload: SimpleUploadedFile) -> dict:
    return {"title": "Why the tram matters", "video": upload}


def project_picture(upload: SimpleUploadedFile) -> dict:
    return {"picture": upload, "caption": "The new tram", "title": "Tram line 3", "fund": "erdf"}


def photo_taken_on_a_phone() -> bytes:
    """A JPEG as phones make them: wider than any screen, turned by EXIF, with where and by what it was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored lying on its side: turn 90° clockwise to show
    exif[ExifTags.Base.Make] = "Phone maker"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (46.0, 33.0, 25.0)}
    )
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 200), (10, 120, 200)).save(buffer, "JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue()


def transparent_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 30), (255, 0, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header announces a huge picture: decoding it would take all memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("video.mp4", b"\0" * 20_000_000)
    return buffer.getvalue()


def open_stored(field) -> Image.Image:
    with field.open("rb") as file:
        image = Image.open(io.BytesIO(file.read()))
    return image


def test_two_second_video_is_stored_under_a_new_name_with_its_duration_and_a_poster(send, author, sample_videos):
    upload = SimpleUploadedFile("My holiday at 12 Main Street.mp4", sample_videos["2s.mp4"], "video/mp4")

    response = send("video-statement", {**author, **video_statement(upload)})

    assert response.status_code == 302
    video = VideoStatement.objects.get()
    assert STORED_NAME.fullmatch(str(video.video.name))
    assert str(video.video.name).endswith(".mp4")
    assert video.duration == pytest.approx(2.0, abs=0.3)
    assert STORED_NAME.fullmatch(str(video.poster.name))
    poster = open_stored(video.poster)
    assert poster.format == "JPEG"
    assert poster.size == (64, 48)
    assert video.processed_at is not None


def test_a_video_is_recognised_by_its_content_whatever_its_name_and_declared_type(send, author, sample_videos):
    upload = SimpleUploadedFile("statement.txt", sample_videos["2s.webm"], "text/plain")

    response = send("video-statement", {**author, **video_statement(upload)})

    assert response.status_code == 302
    assert str(VideoStatement.objects.get().video.name).endswith(".webm")


def test_a_video_recorded_in_a_browser_without_duration_in_its_header_is_measured(send, author, sample_videos):
    upload = SimpleUploadedFile("recording.webm", sample_videos["recorded.webm"], "video/webm")

    response = send("video-statement", {**author, **video_statement(upload)})

    assert response.status_code == 302
    assert VideoStatement.objects.get().duration == pytest.approx(2.0, abs=0.3)


def test_uploaded_photo_loses_its_location_and_camera_details_and_is_turned_upright(send, author, stored_files):
    before = stored_files()
    upload = SimpleUploadedFile("IMG_2041.jpg", photo_taken_on_a_phone(), "image/jpeg")

    response = send("project-picture", {**author, **project_picture(upload)})

    assert response.status_code == 302
    picture = ProjectPicture.objects.get()
    assert STORED_NAME.fullmatch(str(picture.picture.name))
    image = open_stored(picture.picture)
    assert image.format == "JPEG"
    assert not image.getexif()
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert "comment" not in image.info
    assert "xmp" not in image.info
    # Upright and at most 2560 pixels on the long side.
    assert image.height == 2560
    assert image.width < 200
    assert (picture.width, picture.height) == image.size
    # A small copy for galleries, clean too.
    thumbnail = open_stored(picture.thumbnail)
    assert thumbnail.height == 800
    assert not thumbnail.getexif()
    # The upload itself is gone: only the re-encoded picture and its thumbnail are kept.
    assert stored_files() - before == {str(picture.picture.name), str(picture.thumbnail.name)}


def test_transparent_png_is_published_as_a_jpeg_on_white(send, author):
    upload = SimpleUploadedFile("logo.png", transparent_png(), "image/png")

    response = send("project-picture", {**author, **project_picture(upload)})

    assert response.status_code == 302
    picture = ProjectPicture.objects.get()
    assert str(picture.picture.name).endswith(".jpg")
    image = open_stored(picture.picture)
    assert image.format == "JPEG"
    assert image.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=2)


REJECTED_VIDEOS = {
    "a 61-second video": ("61s.mp4", "The video is 61 seconds long; the limit is 60 seconds."),
    "a text file named video.mp4": (b"Hello, this is not a video at all.\n" * 20, NOT_A_VIDEO),
    "a zip bomb named video.mp4": (zip_bomb(), NOT_A_VIDEO),
    "a web page named video.mp4": (b"<!doctype html><script>alert(document.cookie)</script>", NOT_A_VIDEO),
    "a truncated video": ("2s.mp4:truncated", NOT_A_VIDEO),
    "sound without a picture": ("sound.mp4", "This file has no picture track: please send a video."),
}


@pytest.mark.parametrize("case", REJECTED_VIDEOS.values(), ids=REJECTED_VIDEOS.keys())
def test_a_file_that_is_not_an_acceptable_video_is_refused_and_nothing_is_stored(
    case, send, author, sample_videos, stored_files
):
    content, message = case
    if isinstance(content, str):
        name, _, how = content.partition(":")
        content = sample_videos[name]
        if how == "truncated":
            content = content[: len(content) // 2]
    before = stored_files()

    response = send("video-statement", {**author, **video_statement(SimpleUploadedFile("video.mp4", content))})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files() == before


def test_a_video_over_the_size_limit_is_refused_before_it_is_read(send, author, sample_videos, settings):
    settings.SUBMISSION_VIDEO_MAX_BYTES = 1000
    upload = SimpleUploadedFile("video.mp4", sample_videos["2s.mp4"], "video/mp4")

    response = send("video-statement", {**author, **video_statement(upload)})

    assert response.status_code == 400
    assert f"The file is larger than {filesizeformat(1000)}." in response.content.decode()
    assert not Submission.objects.exists()


def truncated_jpeg() -> bytes:
    photo = photo_taken_on_a_phone()
    return photo[: len(photo) // 2]


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
TOO_MANY_PIXELS = "The picture has too many pixels; the limit is 60 megapixels."
REJECTED_PICTURES = {
    "an SVG with a script named picture.jpg": (SVG_WITH_SCRIPT, NOT_A_PICTURE),
    "a truncated JPEG": (truncated_jpeg(), NOT_A_PICTURE),
    "a video named picture.jpg": (b"\x00\x00\x00\x18ftypmp42" + b"\0" * 100, NOT_A_PICTURE),
    "a decompression bomb": (png_claiming(100_000, 100_000), TOO_MANY_PIXELS),
    "a picture just over the pixel limit": (png_claiming(8000, 7501), TOO_MANY_PIXELS),
}


@pytest.mark.parametrize("case", REJECTED_PICTURES.values(), ids=REJECTED_PICTURES.keys())
def test_a_file_that_is_not_an_acceptable_picture_is_refused_and_nothing_is_stored(case, send, author, stored_files):
    content, message = case
    before = stored_files()

    upload = SimpleUploadedFile("picture.jpg", content, "image/jpeg")
    response = send("project-picture", {**author, **project_picture(upload)})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files() == before


def test_a_picture_over_the_size_limit_is_refused(send, author, settings):
    settings.SUBMISSION_PICTURE_MAX_BYTES = 1000
    upload = SimpleUploadedFile("picture.jpg", photo_taken_on_a_phone(), "image/jpeg")

    response = send("project-picture", {**author, **project_picture(upload)})

    assert response.status_code == 400
    assert f"The file is larger than {filesizeformat(1000)}." in response.content.decode()
    assert not Submission.objects.exists()
