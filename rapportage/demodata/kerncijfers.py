"""The key figures of the report year, as the functioneel beheerder would enter them."""

import datetime

from finintegriteit.referentie.models import Onderdeel

from ..models import CifCategorie, Kerncijfers, KlachtOnderwerp, KlachtUitkomst, Nevenwerkzaamheden


def kerncijfers_laden(gegevens: dict) -> int:
    onderdelen = {o.code: o for o in Onderdeel.objects.all()}
    for jaar, cijfers in gegevens.items():
        kern, _ = Kerncijfers.objects.update_or_create(
            jaar=int(jaar),
            defaults={
                "medewerkers_totaal": cijfers["medewerkers_totaal"],
                "peildatum_register": datetime.date.fromisoformat(cijfers["peildatum_register"]),
                "klachten_ontvangen": cijfers["klachten_ontvangen"],
                "klachten_ontvankelijk": cijfers["klachten_ontvankelijk"],
                "cif_meldingen": cijfers["cif_meldingen"],
                "toelichting": "Demodata, overgenomen uit de Jaarrapportage integriteit 2024.",
            },
        )
        # Replaced rather than merged, so loading twice gives the same rows.
        for model in (Nevenwerkzaamheden, KlachtOnderwerp, KlachtUitkomst, CifCategorie):
            model.objects.filter(kerncijfers=kern).delete()
        Nevenwerkzaamheden.objects.bulk_create(
            Nevenwerkzaamheden(
                kerncijfers=kern,
                organisatie=organisatie,
                onderdeel=onderdelen[code] if code else None,
                aantal=aantal,
                volgorde=volgorde,
            )
            for volgorde, (organisatie, code, aantal) in enumerate(cijfers["nevenwerkzaamheden"], start=1)
        )
        KlachtOnderwerp.objects.bulk_create(
            KlachtOnderwerp(kerncijfers=kern, onderwerp=onderwerp, aantal=aantal, volgorde=volgorde)
            for volgorde, (onderwerp, aantal) in enumerate(cijfers["klachtonderwerpen"], start=1)
        )
        KlachtUitkomst.objects.bulk_create(
            KlachtUitkomst(kerncijfers=kern, uitkomst=uitkomst, aantal=aantal, volgorde=volgorde)
            for volgorde, (uitkomst, aantal) in enumerate(cijfers["klachtuitkomsten"], start=1)
        )
        CifCategorie.objects.bulk_create(
            CifCategorie(kerncijfers=kern, categorie=categorie, aantal=aantal, volgorde=volgorde)
            for volgorde, (categorie, aantal) in enumerate(cijfers["cif_categorieen"], start=1)
        )
    return len(gegevens)
