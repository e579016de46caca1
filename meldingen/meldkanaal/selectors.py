"""Reads of the meldkanaal: what the melder sees with the code, and the conversation on the case page."""

from dataclasses import dataclass

from ..models import Bericht, Document, Melding, Opschoning

STATUS_UITLEG = {
    Melding.Status.ONTVANGEN: "Uw melding is ontvangen. Een analist van OIF bekijkt haar binnenkort.",
    Melding.Status.IN_BEOORDELING: "OIF beoordeelt uw melding: is er genoeg om verder te onderzoeken?",
    Melding.Status.GEEN_ONDERZOEK: "OIF heeft besloten geen onderzoek te doen naar uw melding.",
    Melding.Status.ORIENTEREND_ONDERZOEK: "OIF doet een eerste, verkennend onderzoek naar uw melding.",
    Melding.Status.VOLLEDIG_FEITENONDERZOEK: "OIF doet een volledig onderzoek naar de feiten.",
    Melding.Status.AFGEDAAN: "De behandeling van uw melding is afgerond.",
}
OPSCHONING_VOOR_MELDER = {
    Opschoning.VERWIJDERD: "verborgen gegevens (auteur, camera, tijdstip, locatie) verwijderd",
    Opschoning.NIET_MOGELIJK: "verborgen gegevens niet verwijderd: bij dit bestand kon dat niet",
}


@dataclass(frozen=True)
class Dossier:
    """What a melder sees with the code: the status in plain words, the messages and their own files.
    Never the analist's name, never anything OIF wrote for itself."""

    status: str
    uitleg: str
    open: bool
    berichten: list[Bericht]
    bijlagen: list[tuple[str, str]]  # (file name, what happened to its metadata)


def dossier_van_melder(*, ontvangstcode_id: int) -> Dossier | None:
    melding = Melding.objects.filter(ontvangstcode__pk=ontvangstcode_id).first()
    if melding is None:
        return None
    bijlagen = Document.objects.filter(melding=melding, door__isnull=True).order_by("pk")
    return Dossier(
        status=melding.get_status_display(),
        uitleg=STATUS_UITLEG[melding.status],
        open=not melding.is_afgedaan,
        berichten=list(berichten_van(melding=melding)),
        bijlagen=[
            (d.bestandsnaam or "gewist", OPSCHONING_VOOR_MELDER.get(d.opschoning, "")) for d in bijlagen
        ],
    )


def berichten_van(*, melding: Melding):
    # In the order written: a melder's message carries only its day (00:00), so sorting by time would
    # put an answer before the question it answers.
    return Bericht.objects.filter(melding=melding).select_related("door").order_by("pk")
