from pathlib import Path
from typing import cast

import av
import pytest
from django.core import mail
from PIL import Image

from alliance.signatures.tests.conftest import solved_captcha


@pytest.fixture
def mailbox() -> list:
    return mail.outbox


@pytest.fixture
def author() -> dict[str, str]:
    """What every take-action form asks of its author."""
    return {
        "author_name": "Ana Kovač",
        "email": "ana@example.org",
        "organisation": "Občina Maribor",
        "country": "SI",
        "region": "SI03",
        "language": "sl",
        "publication_consent": "on",
        "privacy_consent": "on",
    }


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Post a take-action form as a browser with JavaScript would, running what the request queues once committed."""

    def post(slug: str, data: dict, *, language: str = "en"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/take-action/{slug}/", {"altcha": solved_captcha(), **data})

    return post


@pytest.fixture
def stored_files(settings):
    """The names of the files in the submissions storage, to see what a request left there."""
    root = Path(settings.STORAGES["submissions"]["OPTIONS"]["location"])

    def names() -> set[str]:
        return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}

    return names


def _write_video(path: Path, seconds: int, *, container: str = "mp4", codec: str = "mpeg4", **options: str) -> Path:
    """A tiny video (64 by 48 pixels, 5 frames a second) whose colour changes with every frame."""
    fps = 5
    with av.open(str(path), "w", format=container, options=options) as output:
        stream = cast(av.VideoStream, output.add_stream(codec, rate=fps))
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for number in range(seconds * fps):
            picture = Image.new("RGB", (64, 48), (number * 7 % 256, 90, 160))
            output.mux(stream.encode(av.VideoFrame.from_image(picture)))
        output.mux(stream.encode())
    return path


def _write_sound(path: Path) -> Path:
    """An MP4 file with a second of silence and no picture."""
    with av.open(str(path), "w", format="mp4") as output:
        stream = output.add_stream("aac", rate=8000)
        stream.layout = "mono"
        for number in range(8):
            frame = av.AudioFrame(format="fltp", layout="mono", samples=1024)
            frame.sample_rate, frame.pts = 8000, number * 1024
            for plane in frame.planes:
                plane.update(bytes(plane.buffer_size))
            output.mux(stream.encode(frame))
        output.mux(stream.encode())
    return path


@pytest.fixture(scope="session")
def sample_videos(tmp_path_factory) -> dict[str, bytes]:
    """Videos made once for the whole run: two seconds and 61 seconds in MP4, two seconds in WebM.

    The "recorded" one is WebM as a browser records it, without its duration in the header; "sound"
    is an MP4 file without a picture.
    """
    folder = tmp_path_factory.mktemp("videos")
    paths = {
        "2s.mp4": _write_video(folder / "2s.mp4", 2),
        "61s.mp4": _write_video(folder / "61s.mp4", 61),
        "2s.webm": _write_video(folder / "2s.webm", 2, container="webm", codec="libvpx"),
        "recorded.webm": _write_video(folder / "recorded.webm", 2, container="webm", codec="libvpx", live="1"),
        "sound.mp4": _write_sound(folder / "sound.mp4"),
    }
    return {name: path.read_bytes() for name, path in paths.items()}
