"""Short demo videos: a title card encoded as H.264 in MP4, which every browser plays."""

import io
from typing import cast

import av

from .graphics import title_card

FRAMES_PER_SECOND = 10


def title_card_mp4(*, title: str, byline: str, seconds: int = 3) -> bytes:
    frames = seconds * FRAMES_PER_SECOND
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as output:
        stream = cast(av.VideoStream, output.add_stream("libx264", rate=FRAMES_PER_SECOND))
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        for number in range(frames):
            picture = title_card(title=title, byline=byline, progress=(number + 1) / frames)
            output.mux(stream.encode(av.VideoFrame.from_image(picture)))
        output.mux(stream.encode())
    return buffer.getvalue()
