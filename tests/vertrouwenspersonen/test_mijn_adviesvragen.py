"""'Mijn adviesvragen': only one's own rows, filters, pages, and the quick update of open rows."""

import html
import re
import uuid

import pytest
from django.urls import reverse

from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT
from finintegriteit.referentie import models as ref
from tests.bouwstenen.tellijst import TELLIJST_OPEN, geldige_invoer
from tests.factories import AdviesvraagFactory, gesloten, optie
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.views.invoer import BIJGEWERKT, PER_PAGINA

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

URL = reverse("vertrouwenspersonen:mijn_adviesvragen")


def regels_op_pagina(antwoord):
    return [vraag.pk for vraag, *_ in antwoord.context["regels"]]


def test_toont_alleen_eigen_rijen(vp_client, vertrouwenspersoon, andere_vertrouwenspersoon):
    eigen = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    ander = AdviesvraagFactory(eigenaar=andere_vertrouwenspersoon)
    antwoord = vp_client.get(URL)
    assert regels_op_pagina(antwoord) == [eigen.pk]
    assert f'id="adviesvraag-{ander.pk}"' not in antwoord.content.decode()


def test_filter_op_jaar_en_open_of_gesloten(vp_client, vertrouwenspersoon):
    open_2024 = AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=2024)
    dicht_2024 = AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=2024, **gesloten())
    open_2023 = AdviesvraagFactory(
        eigenaar=vertrouwenspersoon, jaar=2023, wie_betreft=optie(ref.WieBetreft, "leidinggevende")
    )
    assert set(regels_op_pagina(vp_client.get(URL, {"jaar": 2024}))) == {open_2024.pk, dicht_2024.pk}
    # 2023 closed on 1 February 2024: its running row is no longer open to update.
    assert regels_op_pagina(vp_client.get(URL, {"status": "open"})) == [open_2024.pk]
    assert regels_op_pagina(vp_client.get(URL, {"status": "bij-sluiting"})) == [open_2023.pk]
    assert regels_op_pagina(vp_client.get(URL, {"status": "gesloten"})) == [dicht_2024.pk]
    assert regels_op_pagina(vp_client.get(URL, {"jaar": 2024, "status": "open"})) == [open_2024.pk]


def test_een_net_opgeslagen_adviesvraag_is_terug_te_vinden_met_haar_kenmerk(
    vp_client, vertrouwenspersoon, andere_vertrouwenspersoon
):
    """The list has no order of registration (on purpose): the confirmation names the kenmerk, and the
    list finds the row by it, in upper or lower case; another's row with the same kenmerk stays hidden."""
    for _ in range(25):
        AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=2024)
    antwoord = vp_client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer(), follow=True)
    bevestiging = html.unescape(antwoord.content.decode())
    kenmerk = re.search(r"Adviesvraag ([0-9A-F]{8}) opgeslagen", bevestiging).group(1)
    nieuw = next(v for v in Adviesvraag.objects.all() if v.kenmerk == kenmerk)
    AdviesvraagFactory(eigenaar=andere_vertrouwenspersoon, pk=uuid.UUID(nieuw.pk.hex[:8] + "0" * 24))

    for zoek in (kenmerk, kenmerk.lower(), f" {kenmerk} "):
        assert regels_op_pagina(vp_client.get(URL, {"kenmerk": zoek})) == [nieuw.pk], zoek

    fout = vp_client.get(URL, {"kenmerk": "12-34"})
    assert "Een kenmerk heeft 8 tekens" in html.unescape(fout.content.decode())


def test_onzin_in_de_filters_geeft_geen_500(vp_client, vertrouwenspersoon):
    AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    antwoord = vp_client.get(URL, {"jaar": "x'", "status": "<b>", "pagina": "-3"})
    assert antwoord.status_code == 200


def test_alleen_open_rijen_hebben_het_snelle_formulier(vp_client, vertrouwenspersoon):
    AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    AdviesvraagFactory(eigenaar=vertrouwenspersoon, **gesloten())
    formulieren = [form is not None for _vraag, form, _gesloten in vp_client.get(URL).context["regels"]]
    assert sorted(formulieren) == [False, True]


def test_pagina_s_en_een_vast_aantal_queries(vp_client, vertrouwenspersoon, django_assert_max_num_queries):
    AdviesvraagFactory.create_batch(3, eigenaar=vertrouwenspersoon)
    with django_assert_max_num_queries(12) as weinig:
        vp_client.get(URL)
    AdviesvraagFactory.create_batch(PER_PAGINA * 2, eigenaar=vertrouwenspersoon)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        antwoord = vp_client.get(URL, {"pagina": 2})
    assert len(antwoord.context["regels"]) == PER_PAGINA
    assert antwoord.context["pagina"].paginator.num_pages == 3


def test_de_paginering_zegt_waar_je_bent_en_houdt_de_filters(vp_client, vertrouwenspersoon):
    """The same page navigation as the other lists: the last page greys out 'Volgende'."""
    AdviesvraagFactory.create_batch(PER_PAGINA + 1, eigenaar=vertrouwenspersoon, jaar=2024)
    nav = vp_client.get(URL, {"jaar": 2024, "pagina": 2}).content.decode().split('aria-label="Paginering"')[1]
    nav = nav.split("</nav>")[0]
    assert "Pagina 2 van 2" in nav
    assert 'href="?jaar=2024&amp;pagina=1#resultaten">Vorige</a>' in nav
    assert '<li class="page-item disabled"><span class="page-link">Volgende</span></li>' in nav


def test_snel_bijwerken_met_htmx_vervangt_de_rij(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    nieuw = gesloten()
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk]),
        {
            f"a{vraag.pk}-wijze_van_afdoening": nieuw["wijze_van_afdoening"].pk,
            f"a{vraag.pk}-situatie": nieuw["situatie"].pk,
            f"a{vraag.pk}-versie": vraag.versie,
        },
        HTTP_HX_REQUEST="true",
    )
    rij = antwoord.content.decode()
    assert rij.startswith(f'<tr id="adviesvraag-{vraag.pk}">')
    assert "Gesloten" in rij and BIJGEWERKT.format(nummer=vraag.kenmerk, status="gesloten") in rij
    vraag.refresh_from_db()
    assert not vraag.wijze_van_afdoening.loopt_nog


def test_snel_bijwerken_zonder_javascript_gaat_terug_naar_de_lijst(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    nieuw = gesloten()
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk]),
        {
            f"a{vraag.pk}-wijze_van_afdoening": nieuw["wijze_van_afdoening"].pk,
            f"a{vraag.pk}-situatie": nieuw["situatie"].pk,
            f"a{vraag.pk}-versie": vraag.versie,
            "terug": f"{URL}?status=open",
        },
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{URL}?status=open#adviesvraag-{vraag.pk}"


def test_terug_naar_een_andere_site_wordt_genegeerd(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk]),
        {
            f"a{vraag.pk}-wijze_van_afdoening": vraag.wijze_van_afdoening_id,
            f"a{vraag.pk}-situatie": vraag.situatie_id,
            f"a{vraag.pk}-versie": vraag.versie,
            "terug": "https://elders.example/",
        },
    )
    assert antwoord["Location"].startswith(URL)


def test_snel_bijwerken_met_een_optie_van_een_ander_jaar_wordt_geweigerd(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon, jaar=2024)
    ontslag = optie(ref.WijzeVanAfdoening, "ontslag-genomen")  # only 2023
    antwoord = vp_client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk]),
        {
            f"a{vraag.pk}-wijze_van_afdoening": ontslag.pk,
            f"a{vraag.pk}-situatie": vraag.situatie_id,
            f"a{vraag.pk}-versie": vraag.versie,
        },
        HTTP_HX_REQUEST="true",
    )
    assert regels.NIET_IN_GEBRUIK.format(label="Ontslag genomen", jaar=2024) in html.unescape(
        antwoord.content.decode()
    )
    vraag.refresh_from_db()
    assert vraag.wijze_van_afdoening.code == "loopt-nog"


def test_volledig_wijzigen_van_een_eigen_rij(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    url = reverse("vertrouwenspersonen:wijzigen", args=[vraag.pk])
    form = vp_client.get(url).context["form"]
    gegevens = {naam: form[naam].value() for naam in form.fields}
    gegevens = {k: ("" if v is None else v) for k, v in gegevens.items()}
    gegevens["onderdeel"] = optie(ref.Onderdeel, "toeslagen").pk
    antwoord = vp_client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.context["form"].errors
    vraag.refresh_from_db()
    assert vraag.onderdeel.code == "toeslagen" and vraag.pseudoniem == pseudoniem_van(vertrouwenspersoon)


def test_wijzigen_met_een_fout_laat_de_rij_ongemoeid(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    url = reverse("vertrouwenspersonen:wijzigen", args=[vraag.pk])
    gegevens = {
        naam: ("" if v is None else v)
        for naam, v in (
            (n, vp_client.get(url).context["form"][n].value())
            for n in [
                "jaar",
                "kwartaal",
                "onderdeel",
                "hoofdcategorie",
                "subcategorie",
                "wie_betreft",
                "wijze_van_afdoening",
                "situatie",
                "melder_is_beklaagde",
                "evaluatielink",
            ]
        )
    }
    gegevens["subcategorie"] = optie(ref.Subcategorie, "1-fraude").pk
    antwoord = vp_client.post(url, gegevens)
    assert antwoord.status_code == 200 and "subcategorie" in antwoord.context["form"].errors
    vraag.refresh_from_db()
    assert vraag.subcategorie.code == "5-intimidatie"


def test_eigen_rij_verwijderen(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    antwoord = vp_client.post(reverse("vertrouwenspersonen:verwijderen", args=[vraag.pk]))
    assert antwoord.status_code == 302
    assert not type(vraag).objects.filter(pk=vraag.pk).exists()


def test_de_vraag_voor_het_verwijderen_begint_bij_nee(vp_client, vertrouwenspersoon):
    """A stray Enter on the confirmation must not delete: the cursor starts on 'Nee, terug'."""
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    html = vp_client.get(reverse("vertrouwenspersonen:verwijderen", args=[vraag.pk])).content.decode()
    assert re.search(r"<a [^>]*autofocus>Nee, terug</a>", html)
    assert not re.search(r"<button[^>]*autofocus[^>]*>Ja, verwijderen", html)


def test_twee_tabbladen_de_tweede_opslag_wordt_geweigerd_en_de_eerste_blijft_staan(
    vp_client, vertrouwenspersoon
):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    url = reverse("vertrouwenspersonen:wijzigen", args=[vraag.pk])

    def ingevuld(form, **anders):
        gegevens = {naam: form[naam].value() for naam in form.fields}
        return {k: ("" if v is None else v) for k, v in gegevens.items()} | anders

    # Two tabs open the same row; the first saves Toeslagen, then the second changes who it is about.
    tab_1 = vp_client.get(url).context["form"]
    tab_2 = vp_client.get(url).context["form"]
    eerste = vp_client.post(url, ingevuld(tab_1, onderdeel=optie(ref.Onderdeel, "toeslagen").pk))
    assert eerste.status_code == 302
    tweede = vp_client.post(url, ingevuld(tab_2, wie_betreft=optie(ref.WieBetreft, "melder-zelf").pk))
    assert tweede.status_code == 200
    pagina = html.unescape(tweede.content.decode())
    assert VERSIE_CONFLICT in pagina and "in een ander venster" in pagina, "zij zelf, niet 'iemand anders'"
    assert "controleer de gemarkeerde velden" not in pagina, "geen veld is gemarkeerd"
    vraag.refresh_from_db()
    assert vraag.onderdeel.code == "toeslagen" and vraag.wie_betreft.code == "direct-leidinggevende"


def test_snel_bijwerken_vanuit_een_oude_lijst_wordt_geweigerd(vp_client, vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    nieuw = gesloten()
    oude_versie = vraag.versie
    post = {
        f"a{vraag.pk}-wijze_van_afdoening": nieuw["wijze_van_afdoening"].pk,
        f"a{vraag.pk}-situatie": nieuw["situatie"].pk,
        f"a{vraag.pk}-versie": oude_versie,
    }
    url = reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk])
    assert vp_client.post(url, post, HTTP_HX_REQUEST="true").status_code == 200
    # The same list, still open in a second tab, sends another choice with the old version.
    anders = {**post, f"a{vraag.pk}-situatie": optie(ref.SituatieNaInterventie, "loopt-nog").pk}
    antwoord = vp_client.post(url, anders, HTTP_HX_REQUEST="true")
    assert VERSIE_CONFLICT in html.unescape(antwoord.content.decode())
    vraag.refresh_from_db()
    assert vraag.situatie == nieuw["situatie"]
