"""Error texts that more than one app shows, in one wording. Tests import them.

Texts that belong to one app stay with that app (meldingen/services/fouten.py, the constants at the
top of a services module); a text moves here as soon as a second app needs it.
"""

from . import rollen as r

NIET_IN_GEBRUIK = "‘{label}’ is in {jaar} niet in gebruik."
DATUM_IN_TOEKOMST = "Deze datum ligt in de toekomst."
DATUM_VOOR_ONTVANGST = "Deze datum ligt vóór de ontvangst van de melding ({datum})."
REDEN_VERPLICHT = "Geef een reden op."
# The empty first line of a list that must be chosen from (Django's own is '---------').
KIES = "— kies —"


def wie_met_recht(recht: str) -> str:
    """Who may do what a special right allows ('app.codename' of rollen.BIJZONDERE_RECHTEN), for a page
    that tells a colleague without it whom to ask: the role and the right as 'Gebruikers en rollen'
    names them, so that the text stays true when a label changes."""
    return f"een {r.OIF_ANALIST} met het recht ‘{r.BIJZONDERE_RECHTEN[recht]}’ (zoals de teamleider)"


def wie_activeert(rollen) -> str:
    """Who hands over the activation code of an account with these roles (selectors.activeert)."""
    coordinator = f"een {r.COORDINATOR.lower()} van het hele ministerie"
    wie = {
        r.OIF_ANALIST: "de teamleider van OIF",
        r.VERTROUWENSPERSOON: coordinator,
        r.COORDINATOR: coordinator,
    }
    namen = dict.fromkeys(wie[rol] for rol in r.EIGEN_ACTIVERING if rol in rollen)
    return " en ".join(namen) or "de functioneel beheerder"
