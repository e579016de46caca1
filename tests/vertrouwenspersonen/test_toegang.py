"""Who may use which Tellijst and register page: allowed and refused, with what would have leaked."""

import pytest
from django.urls import reverse

from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.factories import AdviesvraagFactory
from vertrouwenspersonen.models import Adviesvraag

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

TELLIJST_GET = [
    ("invoeren", {}),
    ("mijn_adviesvragen", {}),
    ("importeren", {}),
    ("sjabloon_csv", {}),
    ("sjabloon_xlsx", {}),
    ("subcategorieen", {}),
]
REGISTER_GET = ["register", "register_nieuw"]


@pytest.fixture
def rij_van_vp(vertrouwenspersoon):
    return AdviesvraagFactory(eigenaar=vertrouwenspersoon)


@pytest.mark.parametrize(("naam", "kwargs"), TELLIJST_GET)
def test_vertrouwenspersoon_mag_de_tellijstpaginas_gebruiken(client, vertrouwenspersoon, naam, kwargs):
    client.force_login(vertrouwenspersoon)
    assert client.get(reverse(f"vertrouwenspersonen:{naam}", kwargs=kwargs)).status_code == 200


@pytest.mark.parametrize(
    "rol", ["analist", "coordinator", "coordinator_douane", "beheerder", "buitenstaander"]
)
@pytest.mark.parametrize(("naam", "kwargs"), TELLIJST_GET)
def test_andere_rollen_krijgen_403_op_de_tellijst(client, request, rol, naam, kwargs, rij_van_vp):
    client.force_login(request.getfixturevalue(rol))
    antwoord = client.get(reverse(f"vertrouwenspersonen:{naam}", kwargs=kwargs))
    assert antwoord.status_code == 403
    assert "Intimidatie" not in antwoord.content.decode(), "een rij van de Tellijst lekt naar een andere rol"


@pytest.mark.parametrize("rol", ["analist", "coordinator", "beheerder"])
@pytest.mark.parametrize("actie", ["wijzigen", "verwijderen"])
def test_andere_rollen_zien_een_rij_niet_en_wijzigen_hem_niet(client, request, rol, actie, rij_van_vp):
    client.force_login(request.getfixturevalue(rol))
    url = reverse(f"vertrouwenspersonen:{actie}", args=[rij_van_vp.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert client.post(reverse("vertrouwenspersonen:bijwerken", args=[rij_van_vp.pk]), {}).status_code == 403
    assert Adviesvraag.objects.filter(pk=rij_van_vp.pk, subcategorie__code="5-intimidatie").exists()


def test_vertrouwenspersoon_wijzigt_eigen_rij(client, vertrouwenspersoon, rij_van_vp):
    client.force_login(vertrouwenspersoon)
    assert client.get(reverse("vertrouwenspersonen:wijzigen", args=[rij_van_vp.pk])).status_code == 200
    assert client.get(reverse("vertrouwenspersonen:verwijderen", args=[rij_van_vp.pk])).status_code == 200


@pytest.mark.parametrize("actie", ["wijzigen", "verwijderen", "bijwerken"])
def test_rij_van_een_andere_vertrouwenspersoon_bestaat_niet_404(
    client, andere_vertrouwenspersoon, rij_van_vp, actie
):
    client.force_login(andere_vertrouwenspersoon)
    url = reverse(f"vertrouwenspersonen:{actie}", args=[rij_van_vp.pk])
    if actie != "bijwerken":
        assert client.get(url).status_code == 404
    antwoord = client.post(
        url, {f"a{rij_van_vp.pk}-wijze_van_afdoening": "1", f"a{rij_van_vp.pk}-situatie": "2"}
    )
    assert antwoord.status_code == 404
    assert "Intimidatie" not in antwoord.content.decode()
    rij_van_vp.refresh_from_db()
    assert rij_van_vp.wijze_van_afdoening.code == "loopt-nog", "een ander mag de rij niet bijwerken"


def test_andere_vertrouwenspersoon_ziet_de_rij_niet_in_zijn_lijst(
    client, andere_vertrouwenspersoon, rij_van_vp
):
    client.force_login(andere_vertrouwenspersoon)
    html = client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).content.decode()
    assert f'id="adviesvraag-{rij_van_vp.pk}"' not in html
    assert "Geen adviesvragen" in html


@pytest.mark.parametrize("naam", REGISTER_GET)
def test_beheerder_beheert_het_register(client, beheerder, naam):
    client.force_login(beheerder)
    assert client.get(reverse(f"vertrouwenspersonen:{naam}")).status_code == 200


@pytest.mark.parametrize("rol", ["vertrouwenspersoon", "analist", "coordinator", "buitenstaander"])
@pytest.mark.parametrize("naam", REGISTER_GET)
def test_andere_rollen_krijgen_403_op_het_register(client, request, rol, naam):
    from vertrouwenspersonen.demodata import register_demo_laden

    register_demo_laden()
    client.force_login(request.getfixturevalue(rol))
    antwoord = client.get(reverse(f"vertrouwenspersonen:{naam}"))
    assert antwoord.status_code == 403
    assert "Vertrouwenspersoon 01" not in antwoord.content.decode(), "namen uit het register lekken"


@pytest.mark.parametrize(
    "url",
    [
        "/tellijst/",
        "/tellijst/mijn/",
        "/tellijst/importeren/",
        "/tellijst/register/",
        "/tellijst/00000000-0000-4000-8000-000000000000/wijzigen/",
        "/tellijst/importeren/sjabloon.csv",
    ],
)
def test_anonieme_bezoeker_moet_inloggen(client, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("kern:login"))


def test_startpagina_van_de_vertrouwenspersoon_is_invoeren(client, vertrouwenspersoon):
    client.force_login(vertrouwenspersoon)
    assert client.get("/")["Location"] == reverse("vertrouwenspersonen:invoeren")
