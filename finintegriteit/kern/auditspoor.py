"""Account events in the one audit trail (kern/services/audit.py), read back for 'Mijn account'.

Each event is a row about the user concerned (object type 'user'), with the event's code in `velden`: a code,
never free text, so the row holds no personal data.
"""

from django.db import models

from .models import AuditRegel
from .selectors import weergavenaam
from .services.audit import audit_vastleggen

# Event code -> what the person concerned reads on 'Mijn account'.
GEBEURTENISSEN = {
    "account_aangemaakt": "Account aangemaakt",
    "account_gedeactiveerd": "Account gedeactiveerd",
    "account_geactiveerd": "Account weer actief gemaakt",
    "gegevens_gewijzigd": "Naam of e-mailadres gewijzigd",
    "rol_toegekend": "Rol toegekend",
    "rol_ingetrokken": "Rol ingetrokken",
    "recht_toegekend": "Recht toegekend",
    "recht_ingetrokken": "Recht ingetrokken",
    "onderdeel_gewijzigd": "Onderdeel (werkterrein coördinator) gewijzigd",
    "toekenning_geweigerd": "Toekenning geweigerd (functiescheiding)",
    "activeringscode_uitgegeven": "Activeringscode uitgegeven",
    "activeringscode_ingevoerd": "Activeringscode ingevoerd",
    "activeringscode_onjuist": "Onjuiste activeringscode ingevoerd",
    "activeringscode_ingetrokken": "Activeringscode ingetrokken na te veel pogingen",
    "activeringscode_vervallen": "Open activeringscode vervallen",
    "authenticator_gekoppeld": "Authenticator-app gekoppeld",
    "authenticator_verwijderd": "Authenticator-app verwijderd",
    "wachtwoord_gewijzigd": "Wachtwoord gewijzigd",
}


def accountgebeurtenis_vastleggen(*, door, betreft, gebeurtenis: str, detail: str = "") -> None:
    """One audit row: `door` did `gebeurtenis` to the account of `betreft`.

    `detail` is a role or right name (never free text typed by someone); it goes with the code.
    """
    assert gebeurtenis in GEBEURTENISSEN, gebeurtenis
    actie = {
        "account_aangemaakt": AuditRegel.Actie.AANGEMAAKT,
        "toekenning_geweigerd": AuditRegel.Actie.GEWEIGERD,
        "activeringscode_onjuist": AuditRegel.Actie.GEWEIGERD,
    }.get(gebeurtenis, AuditRegel.Actie.GEWIJZIGD)
    audit_vastleggen(
        gebruiker=door,
        actie=actie,
        object=betreft,
        velden=[f"{gebeurtenis}:{detail}" if detail else gebeurtenis],
    )


def accountgebeurtenissen_van(*, gebruiker, aantal: int = 50) -> list[dict]:
    """The latest events about this account, newest first, in words."""
    regels = (
        AuditRegel.objects.filter(object_type=gebruiker._meta.model_name, object_id=str(gebruiker.pk))
        .select_related("gebruiker")
        .order_by("-op", "-pk")[:aantal]
    )
    gebeurtenissen = []
    for regel in regels:
        for veld in regel.velden or [""]:
            code, _, detail = veld.partition(":")
            omschrijving = GEBEURTENISSEN.get(code)
            if omschrijving is None:
                continue
            gebeurtenissen.append(
                {
                    "op": regel.op,
                    "omschrijving": omschrijving,
                    "detail": detail,
                    "door": _naam(regel.gebruiker),
                }
            )
    return gebeurtenissen


def _naam(gebruiker: models.Model | None) -> str:
    if gebruiker is None:
        return "het systeem"
    return weergavenaam(gebruiker)
