"""Corrections of an open case: another type of onderzoek, removing a betrokkene added by mistake."""

from .. import selectors
from ..forms import OnderzoekCorrigerenForm, VerwijderenForm
from ..services.correcties import betrokkene_verwijderen, onderzoek_corrigeren
from .gemeen import analist_view, terug_als_afgedaan, wijzigformulier


@analist_view()
def onderzoek(request, pk):
    melding = selectors.melding_voor_gebruiker(request.user, pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    return wijzigformulier(
        request,
        form=OnderzoekCorrigerenForm(
            request.POST or None, initial={"versie": melding.versie}, melding=melding
        ),
        opslaan=lambda gegevens: onderzoek_corrigeren(melding=melding, door=request.user, **gegevens),
        gelukt=lambda: "Het type onderzoek is gecorrigeerd.",
        terug_naar=melding.get_absolute_url(),
        template="meldingen/correctie.html",
        context={
            "melding": melding,
            "titel": "Type onderzoek corrigeren",
            "uitleg": f"Nu: {melding.get_status_display()}. De correctie komt met uw reden in de tijdlijn en "
            "geldt voor elke betrokkene van de melding.",
            "knop": "Corrigeren",
        },
        bekeken=[melding],
    )


@analist_view("betrokkene")
def betrokkene(request, pk):
    betrokkene = selectors.betrokkene_voor_gebruiker(request.user, pk)
    melding = betrokkene.melding
    if terug := terug_als_afgedaan(request, melding):
        return terug
    return wijzigformulier(
        request,
        form=VerwijderenForm(request.POST or None, initial={"versie": betrokkene.versie}),
        opslaan=lambda gegevens: betrokkene_verwijderen(
            betrokkene=betrokkene, door=request.user, versie=gegevens["versie"], reden=gegevens["reden"]
        ),
        gelukt=lambda: "De betrokkene is verwijderd.",
        terug_naar=melding.get_absolute_url(),
        template="meldingen/correctie.html",
        context={
            "melding": melding,
            "titel": "Betrokkene verwijderen",
            "uitleg": f"{betrokkene.naam or 'Deze betrokkene'} wordt uit de melding verwijderd, met naam en "
            "personeelsnummer. Dat kan alleen zolang er geen afdoening is, en niet ongedaan worden gemaakt.",
            "knop": "Betrokkene verwijderen",
        },
        bekeken=[betrokkene],
    )
