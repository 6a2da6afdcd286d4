import csv
import io

import pytest


@pytest.mark.django_db
def test_open_data_page_lists_downloads_with_counts_and_licence(client, api_data):
    response = client.get("/offene-daten/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert '<a href="/offene-daten/projekte.csv" download>projekte.csv</a>' in html
    assert '<td class="kern-table__cell kern-table__cell--numeric">2</td>' in html  # two published projects
    assert dict(response.cookies) == {}


@pytest.mark.django_db
def test_footer_links_to_open_data(client):
    assert '<a href="/offene-daten/">Offene Daten</a>' in client.get("/").content.decode()


@pytest.mark.django_db
def test_projects_csv_has_published_projects_flattened(client, api_data):
    response = client.get("/offene-daten/projekte.csv")

    assert response["Content-Disposition"] == 'attachment; filename="transferboerse-projekte.csv"'
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [row["name"] for row in rows] == ["Willkommensbesuche", "Kita-Lotsen"]
    assert rows[0]["organization"] == "Bergkamen"
    assert rows[0]["taxonomy_terms"] == "Schwangerschaft & Geburt; Jugendhilfe; Junge Familien"
    assert rows[0]["indicators"] == "Erreichte Familien: 86 %"
    assert rows[0]["contacts"] == "Erika Muster <erika@bergkamen.de>"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["kommunen", "projekte", "netzwerke", "transfer-angebote", "transfer-gesuche"])
def test_every_csv_download_has_a_header_and_no_contact_of_offers_without_consent(client, api_data, name):
    response = client.get(f"/offene-daten/{name}.csv")

    text = response.content.decode("utf-8-sig")
    assert text.startswith("id;")
    assert ("erika@bergkamen.de" in text) == (name == "projekte")


@pytest.mark.django_db
def test_unknown_csv_is_404(client):
    assert client.get("/offene-daten/benutzer.csv").status_code == 404


@pytest.mark.django_db
def test_json_download_holds_everything_with_licence(client, api_data):
    data = client.get("/offene-daten/transferboerse.json").json()

    assert data["licence"]["id"] == "dl-de/by-2-0"
    assert {key: len(value) for key, value in data.items() if isinstance(value, list)} == {
        "municipalities": 2,
        "projects": 2,
        "networks": 1,
        "offers": 1,
        "requests": 1,
    }
