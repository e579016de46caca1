from django.urls import reverse

from . import rollen as r
from .selectors import activeert
from .tweestaps import tweestaps_vereist

# Each role sees only its own navigation: (label, url name or (url name, kwargs)). A person with several
# roles sees the blocks in this order.
NAVIGATIE = {
    r.VERTROUWENSPERSOON: [
        ("Tellijst invoeren", "vertrouwenspersonen:invoeren"),
        ("Mijn adviesvragen", "vertrouwenspersonen:mijn_adviesvragen"),
        ("Tellijst importeren", "vertrouwenspersonen:importeren"),
    ],
    r.OIF_ANALIST: [
        ("Werkvoorraad", "meldingen:werkvoorraad"),
        ("Mijn zaken", "meldingen:mijn_zaken"),
        ("Nieuwe melding", "meldingen:nieuw"),
        ("Termijnen", "meldingen:termijnen"),
        ("Register importeren", "afdoeningen:importeren"),
    ],
    r.COORDINATOR: [
        ("Dashboard", "rapportage:dashboard"),
        ("Jaarrapportages", "rapportage:rapporten"),
        ("Rapportteksten", "rapportage:teksten"),
    ],
    r.BEHEERDER: [
        ("Register vertrouwenspersonen", "vertrouwenspersonen:register"),
        ("Kerncijfers", ("admin:app_list", {"app_label": "rapportage"})),
        ("Audittrail", "meldingen:audit"),
        ("Gebruikers en rollen", "kern:gebruikers"),
        ("Beheer", "admin:index"),
    ],
}

# The roles among whom someone hands over activation codes (selectors.activeert): only they pay its query.
ACTIVEERT = (r.OIF_ANALIST, r.COORDINATOR)

# Pages whose address starts with another item's: they belong under the item the user came from
# (changing a row of Mijn adviesvragen is not 'Tellijst invoeren', published figures are not the dashboard).
ONDER = {
    "vertrouwenspersonen:wijzigen": "vertrouwenspersonen:mijn_adviesvragen",
    "vertrouwenspersonen:verwijderen": "vertrouwenspersonen:mijn_adviesvragen",
    "vertrouwenspersonen:bijwerken": "vertrouwenspersonen:mijn_adviesvragen",
    "rapportage:gepubliceerde_cijfers": "rapportage:teksten",
    "rapportage:vaststellen": "rapportage:rapporten",
    "rapportage:cijfers_importeren": "rapportage:rapporten",
}


def navigatie(request):
    gebruiker = getattr(request, "user", None)
    if gebruiker is None or not gebruiker.is_authenticated:
        return {"navigatie": []}
    if tweestaps_vereist(gebruiker) and not getattr(gebruiker, "is_verified", lambda: False)():
        # Links the user cannot follow before the second login step would only lead back to it.
        return {"navigatie": [], "rollen": _rolnamen(gebruiker)}
    items = []
    for rol, links in NAVIGATIE.items():
        if not r.heeft_rol(gebruiker, rol):
            continue
        for label, naam in links:
            naam, kwargs = naam if isinstance(naam, tuple) else (naam, {})
            items.append({"label": label, "naam": naam, "url": reverse(naam, kwargs=kwargs), "actief": False})
    if r.heeft_rol(gebruiker, *ACTIVEERT) and activeert(gebruiker=gebruiker):
        naam = "kern:activeringscodes"
        items.append({"label": "Activeringscodes", "naam": naam, "url": reverse(naam), "actief": False})
    pagina = getattr(request.resolver_match, "view_name", None)
    if pagina in ONDER:
        passend = [item for item in items if item["naam"] == ONDER[pagina]]
    else:
        # Only the most specific link is the current page: /rapportage/rapporten/ is not also the dashboard.
        passend = [item for item in items if request.path.startswith(item["url"])]
    if passend:
        max(passend, key=lambda item: len(item["url"]))["actief"] = True
    return {"navigatie": items, "rollen": _rolnamen(gebruiker)}


def _rolnamen(gebruiker) -> list[str]:
    # Other groups (e.g. for admin permissions) are no roles and would only crowd the navbar.
    return sorted(r.rollen_van(gebruiker) & set(r.ALLE_ROLLEN))
