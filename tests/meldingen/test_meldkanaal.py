"""The meldkanaal as a melder meets it: the loket, a melding without an account, the receipt code."""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.meldkanaal.forms import NAAM_BIJ_ANONIEM
from meldingen.models import MelderIdentiteit, Melding, Ontvangstcode
from meldingen.services import meldkanaal
from tests.bouwstenen.meldkanaal import bestand, foto_met_exif, gegevens, melden, terug

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def test_loket_legt_de_vier_routes_uit_zonder_cookie_of_externe_bronnen(client):
    antwoord = client.get(reverse("meldkanaal:loket"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    for route in (
        "vertrouwenspersoon",
        "OIF",
        "Klachtencommissie Ongewenste Omgangsvormen",
        "Commissie sociale veiligheid en integriteit Financiën",
    ):
        assert route in html
    assert not antwoord.cookies
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_anonieme_melding_staat_als_ontvangen_in_de_werkvoorraad(client, analist_client):
    antwoord, code = melden(client)
    assert code, "de ontvangstcode staat op de bevestiging"
    melding = Melding.objects.get()
    assert melding.kanaal == Melding.Kanaal.MELDKANAAL
    assert melding.status == Melding.Status.ONTVANGEN
    assert melding.melder_type.code == "anoniem"
    assert melding.ontvangstbevestiging_uiterlijk is not None  # the legal clock runs
    assert not MelderIdentiteit.objects.exists()
    assert AuditRegel.objects.filter(
        object_type="melding", object_id=str(melding.pk), gebruiker=None
    ).exists()
    werkvoorraad = analist_client.get(reverse("meldingen:werkvoorraad"))
    assert melding.nummer in werkvoorraad.content.decode()
    zaak = analist_client.get(melding.get_absolute_url()).content.decode()
    assert 'Binnengekomen via</dt><dd class="col-sm-8">Meldkanaal' in zaak
    # Marked as a klokkenluidersmelding by the channel, not by the melder: the page says why.
    assert "Elke melding uit het meldkanaal begint zo, zodat de wettelijke termijnen lopen" in zaak


def test_melding_met_naam_komt_in_de_beschermde_identiteit(client):
    melden(client, wijze="naam", naam="Fatima de Vries", contact="06-12345678")
    melding = Melding.objects.get()
    identiteit = MelderIdentiteit.objects.get(melding=melding)
    assert (identiteit.naam, identiteit.contact, identiteit.kanaal) == (
        "Fatima de Vries",
        "06-12345678",
        MelderIdentiteit.Kanaal.MELDKANAAL,
    )
    assert "Fatima" not in melding.omschrijving


@pytest.mark.parametrize(
    "ingevuld",
    [{"naam": "Fatima de Vries"}, {"contact": "f.devries@example.org"}, {"bericht_per_email": "on"}],
)
def test_wie_anoniem_laat_staan_en_toch_iets_over_zichzelf_invult_krijgt_de_vraag(client, ingevuld):
    """'Anoniem' is the default. A melder who types her name without noticing would think OIF has it."""
    antwoord = client.post(reverse("meldkanaal:melden"), gegevens(**ingevuld))
    assert NAAM_BIJ_ANONIEM in html.unescape(antwoord.content.decode())
    assert not Melding.objects.exists() and not MelderIdentiteit.objects.exists()
    tekst = next(iter(ingevuld.values()))
    assert f'value="{tekst}"' in antwoord.content.decode() or tekst == "on", "wat ze typte staat er nog"


def test_onvolledige_melding_geeft_een_duidelijke_melding_en_bewaart_niets(client):
    antwoord = client.post(
        reverse("meldkanaal:melden"),
        gegevens(omschrijving="", wijze="naam", bijlagen=[bestand("foto.jpg", foto_met_exif())]),
    )
    html = antwoord.content.decode()
    assert "Beschrijf wat er is gebeurd." in html
    assert "Vul uw naam in, of kies voor anoniem melden." in html
    assert not Melding.objects.exists()
    # Above the form, where the page opens, not only at the fields far below: each a link to its field.
    begin = html.index(
        '<div class="alert alert-danger" role="alert" tabindex="-1" autofocus id="foutoverzicht">'
    )
    overzicht = html[begin : html.index("</div>", begin)]
    assert "Niet verstuurd: verbeter deze 2 punten" in overzicht
    assert '<a href="#id_omschrijving">Wat is er gebeurd?</a>: Beschrijf wat er is gebeurd.' in overzicht
    assert '<a href="#id_naam">Uw naam</a>' in overzicht
    assert "De bestanden die u had gekozen, zijn niet bewaard: kies ze opnieuw" in overzicht


@pytest.mark.parametrize(
    "contact, fout",
    [("", "Vul een e-mailadres in"), ("petra.privé@example.org", "Dit e-mailadres kunnen we niet")],
)
def test_bericht_per_email_zonder_bruikbaar_adres_zegt_wat_er_mis_is(client, contact, fout):
    """An address that was filled in used to get 'Vul een e-mailadres in'."""
    antwoord = client.post(
        reverse("meldkanaal:melden"),
        gegevens(wijze="naam", naam="Petra", contact=contact, bericht_per_email="on"),
    )
    assert fout in html.unescape(antwoord.content.decode())
    assert not Melding.objects.exists()


@pytest.mark.productie_wachtwoorden
def test_de_code_werkt_en_staat_nergens_leesbaar_opgeslagen(client, caplog):
    caplog.set_level("DEBUG")
    _, code = melden(client)
    antwoord = terug(client, code.lower().replace("-", " "))
    assert "Stand van zaken: Ontvangen" in antwoord.content.decode()
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for vorm in (code, code.replace("-", "")):
        assert vorm not in dump.getvalue()
        assert vorm not in caplog.text
    assert Ontvangstcode.objects.get().hash.startswith("argon2")


def test_foute_en_onbekende_code_geven_hetzelfde_antwoord_met_evenveel_werk(client, monkeypatch):
    _, code = melden(client)
    controles = []
    echte_controle = meldkanaal.check_password
    monkeypatch.setattr(meldkanaal, "check_password", lambda *a: controles.append(1) or echte_controle(*a))
    bijna = code[:-1] + ("0" if code[-1] != "0" else "1")
    antwoorden = []
    for poging in (bijna, meldkanaal.code_maken(), "niet-eens-een-code"):
        antwoord = terug(client, poging)
        antwoorden.append((antwoord.status_code, CSRF.sub("", antwoord.content.decode())))
    assert antwoorden[0] == antwoorden[1] == antwoorden[2]
    assert "Met deze code vinden we geen melding." in antwoorden[0][1]
    assert len(controles) == 3  # one argon2 check for each, whether a row exists or not


def test_te_veel_pogingen_worden_afgeremd_per_adres_en_in_totaal(client, settings):
    settings.MELDKANAAL_POGINGEN_PER_ADRES = 3
    settings.MELDKANAAL_POGINGEN_TOTAAL = 5
    _, code = melden(client)
    for _ in range(3):
        assert terug(client, meldkanaal.code_maken()).status_code == 200
    afgeremd = terug(client, code)
    assert afgeremd.status_code == 429
    assert "te vaak" in afgeremd.content.decode()
    ander = {"REMOTE_ADDR": "10.1.2.3"}
    assert "Stand van zaken" in terug(client, code, **ander).content.decode()
    terug(client, meldkanaal.code_maken(), **ander)
    # The global limit now holds for a third address too.
    assert terug(client, code, REMOTE_ADDR="10.9.9.9").status_code == 429
