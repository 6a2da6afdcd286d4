"""German that reads right whatever the Kreis is called ("des Kreis Unna" was wrong)."""

import re

import pytest

from ..factories import DistrictMunicipalityFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kreis_name", "label"),
    [("Kreis Unna", "Jugendamt des Kreises Unna"), ("Märkischer Kreis", "Kreisjugendamt (Märkischer Kreis)")],
)
def test_municipality_page_names_the_kreis_youth_office_without_a_wrong_genitive(client, kreis_name, label):
    kreis = DistrictMunicipalityFactory(name=kreis_name)
    selm = MunicipalityFactory(name="Selm", parent=kreis, has_own_youth_office=False)

    content = client.get(selm.get_absolute_url()).content.decode()

    youth_office = re.search(r"Jugendamt</dt>\s*<dd[^>]*>(.*?)</dd>", content).group(1)
    assert re.sub(r"<[^>]+>", "", youth_office) == label
