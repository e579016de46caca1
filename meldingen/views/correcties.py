"""Corrections of an open case (another type of onderzoek, removing a betrokkene added by mistake,
marking a duplicate) and the need-to-know mark 'afgeschermd'."""

from django.core.exceptions import PermissionDenied, ValidationError

from .. import selectors
from ..forms import AfschermenForm, DuplicaatForm, OnderzoekCorrigerenForm, VerwijderenForm
from ..services import fouten
from ..services.afscherming import bezwaar_tegen_opheffen, melding_afscherming_wijzigen
from ..services.correcties import betrokkene_verwijderen, melding_als_duplicaat_markeren, onderzoek_corrigeren
from .gemeen import analist_view, correctiepagina, terug_als_afgedaan


@analist_view()
def onderzoek(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    return correctiepagina(
        request,
        melding=melding,
        form=OnderzoekCorrigerenForm(
            request.POST or None, initial={"versie": melding.versie}, melding=melding
        ),
        opslaan=lambda gegevens: onderzoek_corrigeren(melding=melding, door=request.user, **gegevens),
        gelukt=lambda: "Het type onderzoek is gecorrigeerd.",
        titel="Type onderzoek corrigeren",
        uitleg=f"Nu: {melding.get_status_display()}. De correctie komt met uw reden in de tijdlijn en "
        "geldt voor elke betrokkene van de melding.",
        knop="Corrigeren",
        bekeken=[melding],
    )


@analist_view("betrokkene")
def betrokkene(request, pk):
    betrokkene = selectors.betrokkene_voor_gebruiker(gebruiker=request.user, pk=pk)
    melding = betrokkene.melding
    if terug := terug_als_afgedaan(request, melding):
        return terug
    return correctiepagina(
        request,
        melding=melding,
        form=VerwijderenForm(request.POST or None, initial={"versie": betrokkene.versie}),
        opslaan=lambda gegevens: betrokkene_verwijderen(
            betrokkene=betrokkene, door=request.user, versie=gegevens["versie"], reden=gegevens["reden"]
        ),
        gelukt=lambda: "De betrokkene is verwijderd.",
        titel="Betrokkene verwijderen",
        uitleg=f"{betrokkene.naam or 'Deze betrokkene'} wordt uit de melding verwijderd, met naam en "
        "personeelsnummer. Dat kan alleen zolang er geen afdoening is, en niet ongedaan worden gemaakt.",
        knop="Betrokkene verwijderen",
        bekeken=[betrokkene],
    )


@analist_view()
def duplicaat(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug

    def opslaan(gegevens):
        origineel = selectors.melding_op_nummer(gebruiker=request.user, nummer=gegevens["origineel"])
        if origineel is None:
            raise ValidationError({"origineel": fouten.DUPLICAAT_ONBEKEND})
        melding_als_duplicaat_markeren(
            melding=melding,
            door=request.user,
            versie=gegevens["versie"],
            origineel=origineel,
            reden=gegevens["reden"],
        )

    return correctiepagina(
        request,
        melding=melding,
        form=DuplicaatForm(request.POST or None, initial={"versie": melding.versie}),
        opslaan=opslaan,
        gelukt=lambda: f"De melding is afgedaan als duplicaat van {melding.duplicaat_van.nummer}.",
        titel="Markeren als duplicaat",
        uitleg="Dezelfde zaak is al eerder gemeld. Deze melding wordt dan afgedaan, verwijst naar het "
        "origineel en telt in geen enkel cijfer als aparte melding. Een betrokkene met een afdoening "
        "moet eerst zijn afdoening kwijt. Ongedaan maken kan door te heropenen.",
        knop="Markeren als duplicaat",
        bekeken=[melding],
    )


@analist_view()
def afschermen(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if not selectors.mag_afscherming_wijzigen(gebruiker=request.user, melding=melding):
        raise PermissionDenied(fouten.AFSCHERMING_GEEN_RECHT)
    nieuw = not melding.afgeschermd
    return correctiepagina(
        request,
        melding=melding,
        form=AfschermenForm(request.POST or None, initial={"versie": melding.versie}),
        opslaan=lambda gegevens: melding_afscherming_wijzigen(
            melding=melding, door=request.user, afgeschermd=nieuw, **gegevens
        ),
        gelukt=lambda: "De melding is afgeschermd." if nieuw else "De afscherming is opgeheven.",
        titel="Afschermen" if nieuw else "Afscherming opheffen",
        uitleg=(
            "Alleen de behandelaar en de teamleider zien een afgeschermde melding; voor andere analisten "
            "bestaat zij niet, ook niet in de werkvoorraad, het zoeken en de aantallen. De jaarcijfers "
            "tellen haar wel. Uw reden komt in de audittrail."
            if nieuw
            else bezwaar_tegen_opheffen(melding=melding)
            or "Na het opheffen ziet elke OIF-analist deze melding weer. Uw reden komt in de audittrail."
        ),
        knop="Afschermen" if nieuw else "Afscherming opheffen",
        bekeken=[melding],
    )
