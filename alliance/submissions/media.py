"""Checking uploaded videos and pictures by what they contain, whatever their name or declared type says.

A video is read with PyAV (FFmpeg) and a picture with Pillow; anything they cannot read, or that is too
large or too long, is refused with a message saying what is wrong. A file that passes is renamed to
a neutral name with the extension of what it turned out to be.
"""

import importlib.util
import io
import warnings
from dataclasses import dataclass
from typing import IO, Any

import av
from django import forms
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .models import ProjectPicture, VideoStatement

HEIF_SUPPORTED = importlib.util.find_spec("pillow_heif") is not None
if HEIF_SUPPORTED:
    import pillow_heif

    pillow_heif.register_heif_opener()

# Pillow format -> the extension we store it under.
PICTURE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"} | ({"HEIF": "heic"} if HEIF_SUPPORTED else {})
PICTURE_FORMAT_NAMES = "JPEG, PNG, WebP" + (", HEIC" if HEIF_SUPPORTED else "")

# The first bytes of an MP4/QuickTime file hold the name of its first box; a Matroska/WebM file starts with
# the EBML magic number. Only these two demuxers ever see an upload: FFmpeg guessing the format could pick
# one that reads other files or addresses named in the upload (a playlist, a concat list).
QUICKTIME_BOXES = {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"

# The poster frame is taken this far into the video (or at its first frame, when shorter).
POSTER_AT_SECONDS = 1.0
# Pictures are published at most this wide and high: enough for any screen, far less than a camera makes.
PICTURE_MAX_SIDE = 2560
# Wide enough for a gallery card on a high-density phone screen.
THUMBNAIL_MAX_SIDE = 800


def _too_large(upload: File, limit: int) -> forms.ValidationError | None:
    if upload.size is not None and upload.size > limit:
        return forms.ValidationError(
            _("The file is larger than %(limit)s."), code="too_large", params={"limit": filesizeformat(limit)}
        )
    return None


def _head(upload: File) -> bytes:
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    return head


# Videos


@dataclass(frozen=True)
class VideoContainer:
    demuxer: str
    extension: str


def _video_container(head: bytes) -> VideoContainer | None:
    if head[4:8] in QUICKTIME_BOXES:
        brand = head[8:12] if head[4:8] == b"ftyp" else b"qt  "
        return VideoContainer("mov", "mov" if brand == b"qt  " else "mp4")
    if head.startswith(EBML_MAGIC):
        return VideoContainer("matroska", "webm" if b"webm" in head else "mkv")
    return None


def video_duration(container: Any) -> float | None:
    """Seconds of video, from the container's or the stream's header, else from the last packet."""
    stream = container.streams.video[0]
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    # Files recorded in a browser (MediaRecorder) often carry no duration at all.
    end = None
    for packet in container.demux(stream):
        if packet.pts is not None:
            packet_end = packet.pts + (packet.duration or 0)
            end = packet_end if end is None else max(end, packet_end)
    if end is None or stream.time_base is None:
        return None
    return float((end - (stream.start_time or 0)) * stream.time_base)


def open_video(file: IO[bytes], demuxer: str | None = None) -> Any:
    """Open a video for reading with the demuxer its first bytes call for, never one FFmpeg guesses."""
    if demuxer is None:
        file.seek(0)
        found = _video_container(file.read(64))
        file.seek(0)
        if found is None:
            raise av.error.InvalidDataError(0, "not an MP4, QuickTime or Matroska file")
        demuxer = found.demuxer
    return av.open(file, mode="r", format=demuxer)


class VideoFileField(forms.FileField):
    """A video of at most SUBMISSION_VIDEO_MAX_SECONDS in an MP4, QuickTime or WebM/Matroska container."""

    default_error_messages = {
        "unreadable": _("This file is not a video we can read. Please send an MP4, MOV or WebM video."),
        "no_video": _("This file has no picture track: please send a video."),
        "too_long": _("The video is %(seconds)s seconds long; the limit is %(limit)s seconds."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "video/mp4,video/quicktime,video/webm"}))
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> File | None:
        upload = super().to_python(data)
        if upload is None:
            return None
        if error := _too_large(upload, settings.SUBMISSION_VIDEO_MAX_BYTES):
            raise error
        found = _video_container(_head(upload))
        if found is None:
            raise forms.ValidationError(self.error_messages["unreadable"], code="unreadable")
        duration = self._read(upload, found.demuxer)
        # Whole seconds, as people count them: a 60.3-second recording is a one-minute video.
        seconds = round(duration)
        if seconds > settings.SUBMISSION_VIDEO_MAX_SECONDS:
            raise forms.ValidationError(
                self.error_messages["too_long"],
                code="too_long",
                params={"seconds": seconds, "limit": settings.SUBMISSION_VIDEO_MAX_SECONDS},
            )
        upload.seek(0)
        upload.name = f"video.{found.extension}"
        return upload

    def _read(self, upload: File, demuxer: str) -> float:
        """The video's duration, once its first frame decoded: a file FFmpeg cannot decode is refused here."""
        try:
            with open_video(upload, demuxer) as container:
                if not container.streams:  # a truncated file: its index of tracks is missing
                    raise forms.ValidationError(self.error_messages["unreadable"], code="unreadable")
                if not container.streams.video:
                    raise forms.ValidationError(self.error_messages["no_video"], code="no_video")
                next(container.decode(video=0))
            upload.seek(0)
            with open_video(upload, demuxer) as container:
                duration = video_duration(container)
        except (av.error.FFmpegError, OSError, ValueError, StopIteration):
            duration = None
        finally:
            upload.seek(0)
        if duration is None:
            raise forms.ValidationError(self.error_messages["unreadable"], code="unreadable")
        return duration


# Pictures


class PictureFileField(forms.FileField):
    """A photo Pillow can decode whole, in one of PICTURE_FORMATS, of a bounded file size and pixel count."""

    default_error_messages = {
        "unreadable": _("This file is not a picture we can read. Please send a photo as %(formats)s."),
        "too_many_pixels": _("The picture has too many pixels; the limit is %(megapixels)s megapixels."),
    }

    def __init__(self, **kwargs: Any) -> None:
        accept = "image/jpeg,image/png,image/webp" + (",image/heic,image/heif" if HEIF_SUPPORTED else "")
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> File | None:
        upload = super().to_python(data)
        if upload is None:
            return None
        if error := _too_large(upload, settings.SUBMISSION_PICTURE_MAX_BYTES):
            raise error
        try:
            picture_format = self._read(upload)
        finally:
            upload.seek(0)
        upload.name = f"picture.{PICTURE_FORMATS[picture_format]}"
        return upload

    def _read(self, upload: File) -> str:
        unreadable = forms.ValidationError(
            self.error_messages["unreadable"], code="unreadable", params={"formats": PICTURE_FORMAT_NAMES}
        )
        too_many_pixels = forms.ValidationError(
            self.error_messages["too_many_pixels"],
            code="too_many_pixels",
            params={"megapixels": settings.SUBMISSION_PICTURE_MAX_PIXELS // 1_000_000},
        )
        try:
            with warnings.catch_warnings():
                # Pillow only warns about a picture somewhat over its own pixel limit: refuse it all the same.
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(upload, formats=list(PICTURE_FORMATS)) as image:
                    if image.width * image.height > settings.SUBMISSION_PICTURE_MAX_PIXELS:
                        raise too_many_pixels
                    picture_format = image.format
                    if picture_format not in PICTURE_FORMATS:
                        raise unreadable
                    image.verify()
                # verify() checks the structure only: decoding finds a truncated or corrupt picture.
                upload.seek(0)
                with Image.open(upload, formats=[picture_format]) as image:
                    image.draft("RGB", (1, 1))  # JPEG: decode at an eighth of the size, still reading every byte
                    image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels from None
        except (OSError, ValueError, SyntaxError, EOFError, Image.UnidentifiedImageError):
            raise unreadable from None
        return picture_format


def jpeg_bytes(image: Image.Image, *, quality: int = 85, icc_profile: bytes | None = None) -> bytes:
    """The picture as a baseline JPEG carrying no metadata but, when given, its colour profile."""
    image.info = {}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, icc_profile=icc_profile)
    return out.getvalue()


# Preparing for the web, in the background worker


def prepare_video(video: VideoStatement) -> None:
    """Store the video's duration and a poster frame to show before it plays."""
    with video.video.open("rb") as file, open_video(file) as container:
        video.duration = video_duration(container)
    with video.video.open("rb") as file, open_video(file) as container:
        poster = _poster_frame(container)
    if video.poster:
        video.poster.delete(save=False)
    video.poster.save("poster.jpg", ContentFile(jpeg_bytes(poster)), save=False)
    video.save(update_fields=["duration", "poster"])


def _poster_frame(container: Any) -> Image.Image:
    stream = container.streams.video[0]
    start = float(stream.start_time * stream.time_base) if stream.start_time and stream.time_base else 0.0
    frame = None
    for frame in container.decode(stream):
        if frame.time is None or frame.time - start >= POSTER_AT_SECONDS:
            break
    if frame is None:
        raise ValueError("The video has no frame to make a poster of.")
    image = frame.to_image()
    # Phones record upright videos sideways and say by how much to turn them.
    return image.rotate(frame.rotation, expand=True) if frame.rotation else image


def prepare_picture(picture: ProjectPicture) -> None:
    """Replace the upload with a JPEG turned upright, at most PICTURE_MAX_SIDE pixels, without any metadata.

    EXIF (with the GPS position and the camera's serial number), XMP and comments are not copied over;
    only an RGB colour profile is, so that colours look the same.
    """
    uploaded_name = picture.picture.name
    with picture.picture.open("rb") as file, Image.open(file, formats=list(PICTURE_FORMATS)) as uploaded:
        uploaded.draft("RGB", (PICTURE_MAX_SIDE, PICTURE_MAX_SIDE))  # JPEG: decode big photos at a smaller scale
        icc_profile = uploaded.info.get("icc_profile") if uploaded.mode in ("RGB", "RGBA") else None
        image = _on_white(ImageOps.exif_transpose(uploaded))
    image.thumbnail((PICTURE_MAX_SIDE, PICTURE_MAX_SIDE), Image.Resampling.LANCZOS)
    picture.picture.save("picture.jpg", ContentFile(jpeg_bytes(image, icc_profile=icc_profile)), save=False)
    earlier_thumbnail = picture.thumbnail.name
    image.thumbnail((THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE), Image.Resampling.LANCZOS)
    picture.thumbnail.save("thumbnail.jpg", ContentFile(jpeg_bytes(image, icc_profile=icc_profile)), save=False)
    picture.save(update_fields=["picture", "width", "height", "thumbnail"])
    for replaced in (uploaded_name, earlier_thumbnail):
        if replaced:
            picture.picture.storage.delete(replaced)


def _on_white(image: Image.Image) -> Image.Image:
    """The picture in RGB, transparent parts white (JPEG has no transparency)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
