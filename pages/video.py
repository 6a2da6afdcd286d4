"""What the sign-language page says about a video before it is downloaded: format, size and duration.

Only MP4 is accepted (H.264/AAC plays in every current browser without a plug-in). Its duration stands
in the ``mvhd`` box inside the top-level ``moov`` box; reading that needs no video library. A file
whose boxes cannot be read that way is refused, so the page never shows a wrong duration.
"""

import struct
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

MP4 = "video/mp4"
MAX_VIDEO_SIZE = 500 * 1024 * 1024  # a few minutes in good quality; more belongs in several videos
# Brands of the ``ftyp`` box that announce an ISO/MP4 file (not QuickTime, 3GP or HEIF images).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V "}


class VideoFileError(Exception):
    """The file is no usable MP4 video; the message is German and meant for the Redaktion."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class VideoFacts:
    content_type: str
    size: int
    duration_seconds: int


def _unreadable() -> VideoFileError:
    return VideoFileError(_("Die Datei ist kein lesbares MP4-Video. Bitte speichern Sie das Video als MP4 (H.264)."))


def _boxes(file: BinaryIO, start: int, end: int):
    """(type, payload start, payload end) of the boxes between ``start`` and ``end``."""
    position = start
    while position + 8 <= end:
        file.seek(position)
        header = file.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        payload = position + 8
        if size == 1:  # 64-bit size follows the type
            size = struct.unpack(">Q", file.read(8))[0]
            payload += 8
        elif size == 0:  # box runs to the end of the file
            size = end - position
        if size < payload - position or position + size > end:
            raise _unreadable()
        yield kind, payload, position + size
        position += size


def read_video_facts(file: BinaryIO, size: int) -> VideoFacts:
    """Format, size and duration (rounded up to whole seconds) of an MP4 file; VideoFileError otherwise."""
    if size > MAX_VIDEO_SIZE:
        raise VideoFileError(_("Das Video ist zu groß; erlaubt sind höchstens 500 MB."))
    boxes = list(_boxes(file, 0, size))
    if not boxes or boxes[0][0] != b"ftyp":
        raise _unreadable()
    file.seek(boxes[0][1])
    if file.read(4) not in MP4_BRANDS:
        raise _unreadable()
    moov = next((box for box in boxes if box[0] == b"moov"), None)
    if moov is None:
        raise _unreadable()
    mvhd = next((box for box in _boxes(file, moov[1], moov[2]) if box[0] == b"mvhd"), None)
    if mvhd is None:
        raise _unreadable()
    file.seek(mvhd[1])
    version = file.read(4)[0:1]
    if version == b"\x01":
        timescale, duration = struct.unpack(">16xIQ", file.read(28))
    elif version == b"\x00":
        timescale, duration = struct.unpack(">8xII", file.read(16))
    else:
        raise _unreadable()
    if not timescale or not duration:
        raise _unreadable()
    seconds = -(-duration // timescale)
    return VideoFacts(content_type=MP4, size=size, duration_seconds=seconds)
