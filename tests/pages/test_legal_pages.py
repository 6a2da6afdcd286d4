import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import Role
from pages.models import LegalPage
from pages.text import render_text
from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutzerklärung"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
    ],
)
def test_legal_page_shows_its_edited_text(client, url, title):
    page = LegalPage.objects.get(title=title)
    page.body = "## Anbieter\nKreis Unna\nFriedrich-Ebert-Straße 17"
    page.save()

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert (
        '<h2 class="kern-heading-medium kern-mt-lg">Anbieter</h2>\n<p>Kreis Unna<br>Friedrich-Ebert-Straße 17</p>'
        in html
    )


@pytest.mark.django_db
def test_accessibility_statement_shows_feedback_contact(client):
    LegalPage.objects.filter(kind=LegalPage.Kind.ACCESSIBILITY).update(contact_email="barrieren@kreis-unna.de")

    response = client.get(reverse("pages:accessibility"))

    assert '<a href="mailto:barrieren@kreis-unna.de">barrieren@kreis-unna.de</a>' in response.content.decode()


@pytest.mark.django_db
def test_accessibility_statement_cannot_lose_its_feedback_contact():
    with pytest.raises(IntegrityError):
        LegalPage.objects.filter(kind=LegalPage.Kind.ACCESSIBILITY).update(contact_email="")


@pytest.mark.django_db
def test_footer_links_to_all_legal_pages(client):
    html = client.get("/").content.decode()

    assert [url in html for url in ("/impressum/", "/datenschutz/", "/barrierefreiheit/")] == [True, True, True]


@pytest.mark.django_db
def test_unknown_legal_page_is_404(client):
    assert client.get("/agb/").status_code == 404


def test_render_text_escapes_markup_and_links_addresses():
    html = render_text('<script>alert(1)</script>\n\n- Mail: info@example.org\n- <b onclick="x">fett</b>')

    assert html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
        '<ul><li>Mail: <a href="mailto:info@example.org">info@example.org</a></li>'
        "<li>&lt;b onclick=&quot;x&quot;&gt;fett&lt;/b&gt;</li></ul>"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [(Role.EDITORIAL, 200), (Role.STEERING_GROUP, 200), (Role.COORDINATOR, 403)]
)
def test_legal_page_admin_is_open_to_editors_only(client, role, status):
    user = UserFactory(username=f"rolle-{role.name.lower()}")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    page = LegalPage.objects.get(kind=LegalPage.Kind.IMPRINT)

    response = client.get(reverse("admin:pages_legalpage_change", args=[page.pk]))

    assert response.status_code == status


@pytest.mark.django_db
def test_legal_page_admin_saves_edit_and_offers_no_delete(client):
    user = UserFactory(username="redaktion-test")
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    client.force_login(user)
    page = LegalPage.objects.get(kind=LegalPage.Kind.PRIVACY)

    response = client.post(
        reverse("admin:pages_legalpage_change", args=[page.pk]),
        {"title": "Datenschutz", "body": "Neuer Text", "contact_email": ""},
    )

    page.refresh_from_db()
    assert (response.status_code, page.title, page.body) == (302, "Datenschutz", "Neuer Text")
    assert client.get(reverse("admin:pages_legalpage_delete", args=[page.pk])).status_code == 403
