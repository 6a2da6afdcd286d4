"""Leichte Sprache and Deutsche Gebärdensprache (BITV 2.0 § 4, Anlage 2): pages, header links, videos, check."""

import io
import re
import struct

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from pages.checks import sign_language_videos_present
from pages.models import SignLanguageVideo
from pages.video import VideoFileError, read_video_facts
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4(*, timescale: int = 1000, duration: int = 95_500, version: int = 0, brand: bytes = b"isom") -> bytes:
    """A minimal MP4 (ftyp, moov with mvhd, empty mdat) as a camera or encoder writes the header."""
    if version == 0:
        mvhd = bytes([0, 0, 0, 0]) + struct.pack(">IIII", 0, 0, timescale, duration) + bytes(80)
    else:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, timescale, duration) + bytes(80)
    return box(b"ftyp", brand + b"\0\0\2\0" + b"isommp41") + box(b"moov", box(b"mvhd", mvhd)) + box(b"mdat", bytes(64))


@pytest.mark.parametrize("version", [0, 1])
def test_video_facts_read_format_size_and_duration_from_the_mp4_header(version):
    data = mp4(version=version)

    facts = read_video_facts(io.BytesIO(data), len(data))

    assert (facts.content_type, facts.size, facts.duration_seconds) == ("video/mp4", len(data), 96)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"GIF89a" + bytes(40),
        mp4(brand=b"qt  "),
        mp4(duration=0),
        box(b"ftyp", b"isom\0\0\0\0") + box(b"mdat", b""),
    ],
)
def test_video_facts_refuse_what_is_no_readable_mp4(data):
    with pytest.raises(VideoFileError) as error:
        read_video_facts(io.BytesIO(data), len(data))

    assert (
        error.value.message == "Die Datei ist kein lesbares MP4-Video. Bitte speichern Sie das Video als MP4 (H.264)."
    )


def test_easy_language_page_has_the_four_required_explanations(client):
    response = client.get("/leichte-sprache/")

    headings = re.findall(r"<h2 id=\"[^\"]+\">([^<]+)</h2>", response.content.decode())
    assert headings == [
        "Was steht auf dieser Internet·seite?",
        "So finden Sie sich zurecht",
        "Barriere·freiheit",
        "Mehr Informationen",
    ]
    assert "Wir antworten Ihnen in 4 Wochen." in response.content.decode()


def test_every_page_links_easy_and_sign_language_from_the_header_with_a_pictogram(client):
    content = client.get(reverse("pages:imprint")).content.decode()
    header = content[content.index("<header") : content.index("</header>")]

    assert re.search(
        r'href="/leichte-sprache/"><img src="[^"]*leichte-sprache\.svg" alt=""[^>]*> Leichte Sprache</a>', header
    )
    assert re.search(
        r'href="/gebaerdensprache/"><img src="[^"]*gebaerdensprache\.svg" alt=""[^>]*> Gebärdensprache</a>', header
    )


def test_sign_language_page_says_that_the_videos_are_missing_until_one_exists(client):
    content = client.get("/gebaerdensprache/").content.decode()

    assert "Die Videos in Gebärdensprache fehlen noch." in content
    assert content.count("Dieses Video fehlt noch.") == 4
    assert "<video" not in content


def test_deploy_check_warns_while_sign_language_videos_are_missing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SignLanguageVideo.objects.create(
        topic=SignLanguageVideo.Topic.CONTENT,
        file="gebaerdensprache/a.mp4",
        content_type="video/mp4",
        size=1,
        duration_seconds=1,
    )

    warnings = sign_language_videos_present(databases=["default"])

    assert [(warning.id, warning.msg) for warning in warnings] == [
        (
            "pages.W002",
            "Es fehlen noch 3 Videos in Deutscher Gebärdensprache: Wie Sie sich auf der Website zurechtfinden · "
            "Erklärung zur Barrierefreiheit · Weitere Informationen in Gebärdensprache",
        )
    ]


def test_deploy_check_is_silent_when_every_sign_language_video_exists():
    for topic in SignLanguageVideo.Topic:
        SignLanguageVideo.objects.create(
            topic=topic, file=f"gebaerdensprache/{topic}.mp4", content_type="video/mp4", size=1, duration_seconds=1
        )

    assert sign_language_videos_present(databases=["default"]) == []


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(user)
    return user


def test_redaktion_uploads_a_video_and_the_page_shows_format_size_and_duration(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = mp4(timescale=600, duration=600 * 125)

    response = client.post(
        reverse("admin:pages_signlanguagevideo_add"),
        {
            "topic": "navigation",
            "file": SimpleUploadedFile("navigation.mp4", data, content_type="video/mp4"),
            "description": "So finden Sie sich zurecht: oben das Menü, unten die Verweise.",
        },
    )

    video = SignLanguageVideo.objects.get()
    assert response.status_code == 302
    assert (video.topic, video.content_type, video.size, video.duration_seconds) == (
        "navigation",
        "video/mp4",
        len(data),
        125,
    )
    content = client.get("/gebaerdensprache/").content.decode()
    assert '<source src="/gebaerdensprache/navigation.mp4" type="video/mp4">' in content
    assert f"(Format: MP4, Größe: {len(data)}\xa0Bytes, Dauer: 2:05 Minuten)" in content
    served = client.get("/gebaerdensprache/navigation.mp4")
    assert (served["Content-Type"], b"".join(served.streaming_content)) == ("video/mp4", data)


def test_redaktion_upload_of_no_mp4_is_refused_with_a_german_message(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    response = client.post(
        reverse("admin:pages_signlanguagevideo_add"),
        {
            "topic": "inhalt",
            "file": SimpleUploadedFile("inhalt.mov", b"GIF89a" + bytes(64), content_type="video/quicktime"),
            "description": "Was auf der Website steht.",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "file": ["Die Datei ist kein lesbares MP4-Video. Bitte speichern Sie das Video als MP4 (H.264)."]
    }
    assert not SignLanguageVideo.objects.exists()


def test_sign_language_video_of_a_missing_topic_is_404(client):
    assert client.get("/gebaerdensprache/inhalt.mp4").status_code == 404
