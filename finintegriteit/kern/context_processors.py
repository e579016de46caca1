from django.urls import NoReverseMatch, reverse

from . import rollen as r
from .tweestaps import tweestaps_vereist

# (label, url name, roles that see it). Each role sees only its own navigation.
NAVIGATIE = [
    ("Tellijst invoeren", "vertrouwenspersonen:invoeren", {r.VERTROUWENSPERSOON}),
    ("Mijn adviesvragen", "vertrouwenspersonen:mijn_adviesvragen", {r.VERTROUWENSPERSOON}),
    ("Tellijst importeren", "vertrouwenspersonen:importeren", {r.VERTROUWENSPERSOON}),
    ("Werkvoorraad", "meldingen:werkvoorraad", {r.OIF_ANALIST}),
    ("Mijn zaken", "meldingen:mijn_zaken", {r.OIF_ANALIST}),
    ("Nieuwe melding", "meldingen:nieuw", {r.OIF_ANALIST}),
    ("Termijnen", "meldingen:termijnen", {r.OIF_ANALIST}),
    ("Register importeren", "afdoeningen:importeren", {r.OIF_ANALIST}),
    ("Dashboard", "rapportage:dashboard", {r.COORDINATOR}),
    ("Jaarrapportages", "rapportage:rapporten", {r.COORDINATOR}),
    ("Rapportteksten", "rapportage:teksten", {r.COORDINATOR}),
    ("Register vertrouwenspersonen", "vertrouwenspersonen:register", {r.BEHEERDER}),
    ("Kerncijfers", ("admin:app_list", {"app_label": "rapportage"}), {r.BEHEERDER}),
    ("Audittrail", "meldingen:audit", {r.BEHEERDER}),
    ("Gebruikers en rollen", "kern:gebruikers", {r.BEHEERDER}),
    ("Beheer", "admin:index", {r.BEHEERDER}),
]


def navigatie(request):
    gebruiker = getattr(request, "user", None)
    if gebruiker is None or not gebruiker.is_authenticated:
        return {"navigatie": []}
    if tweestaps_vereist(gebruiker) and not getattr(gebruiker, "is_verified", lambda: False)():
        # Links the user cannot follow before the second login step would only lead back to it.
        return {"navigatie": [], "rollen": _rolnamen(gebruiker)}
    items = []
    for label, naam, rollen in NAVIGATIE:
        if not r.heeft_rol(gebruiker, *rollen):
            continue
        naam, kwargs = naam if isinstance(naam, tuple) else (naam, {})
        try:
            url = reverse(naam, kwargs=kwargs)
        except NoReverseMatch:
            # A view of a later issue that is not there yet.
            continue
        items.append({"label": label, "url": url, "actief": False})
    # Only the most specific link is the current page: /rapportage/rapporten/ is not also the dashboard.
    passend = [item for item in items if request.path.startswith(item["url"])]
    if passend:
        max(passend, key=lambda item: len(item["url"]))["actief"] = True
    return {"navigatie": items, "rollen": _rolnamen(gebruiker)}


def _rolnamen(gebruiker) -> list[str]:
    # Other groups (e.g. for admin permissions) are no roles and would only crowd the navbar.
    return sorted(r.rollen_van(gebruiker) & set(r.ALLE_ROLLEN))
