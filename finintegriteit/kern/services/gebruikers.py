"""Accounts, roles and rights, managed by the functioneel beheerder ('Gebruikers en rollen').

Separation of duties: the beheerder manages accounts but has no business with cases, so an account
that holds the beheerder role never gets a role or right that opens cases or advice requests, and a
beheerder changes no role or right of their own. Nor can he let anyone into an account of an analist,
vertrouwenspersoon or coordinator: giving such a role unlinks the account's app, and the new activation
code comes from that side (services/tweestaps.py). Every change is one audit row about the account
concerned, which that person reads on 'Mijn account'.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .. import rollen as r
from ..auditspoor import accountgebeurtenis_vastleggen
from ..models import Profiel
from ..selectors import rechten_van
from .sessies import sessies_beeindigen
from .tweestaps import accountrij_vergrendelen, toegang_intrekken

FUNCTIESCHEIDING = (
    "Functiescheiding: een functioneel beheerder kan geen OIF-analist of vertrouwenspersoon zijn en "
    "geen recht op meldingen krijgen. Kies de beheerdersrol óf de andere rol."
)
EIGEN_ACCOUNT = "U kunt uw eigen rollen en rechten niet wijzigen; vraag een andere beheerder."
EIGEN_DEACTIVEREN = "U kunt uw eigen account niet deactiveren."
RECHTEN_ZONDER_OIF = "De rechten op meldingen horen alleen bij de rol OIF-analist."
ONDERDEEL_ZONDER_COORDINATOR = "Een onderdeel hoort alleen bij een integriteitscoördinator."
GEBRUIKERSNAAM_BESTAAT = "Er is al een account met deze gebruikersnaam."


class Toekenningsfout(Exception):
    """The requested roles and rights are not allowed; each message says why, in Dutch."""

    @property
    def meldingen(self) -> list[str]:
        return [str(melding) for melding in self.args]


def _toekenning_controleren(*, door, gebruiker, rollen: set[str], rechten: set[str], onderdeel) -> None:
    if gebruiker is not None and gebruiker.pk == door.pk:
        raise Toekenningsfout(EIGEN_ACCOUNT)
    # Every rule that is broken at once: the beheerder mends them in one go, not one per attempt.
    fouten = [
        melding
        for gebroken, melding in (
            (r.BEHEERDER in rollen and bool(rollen.intersection(r.ZAAKROLLEN) or rechten), FUNCTIESCHEIDING),
            (bool(rechten) and r.OIF_ANALIST not in rollen, RECHTEN_ZONDER_OIF),
            (onderdeel is not None and r.COORDINATOR not in rollen, ONDERDEEL_ZONDER_COORDINATOR),
        )
        if gebroken
    ]
    if fouten:
        raise Toekenningsfout(*fouten)


def _weigering_vastleggen(*, door, gebruiker) -> None:
    if gebruiker is not None:
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="toekenning_geweigerd")


def _rechten(namen: set[str]) -> list[Permission]:
    gezocht = [naam.split(".", 1) for naam in sorted(namen)]
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in gezocht
    ]


def gebruiker_aanmaken(
    *,
    door,
    gebruikersnaam: str,
    voornaam: str,
    achternaam: str,
    email: str,
    rollen: set[str],
    rechten: set[str],
    onderdeel=None,
):
    """Create an account with a random start password; returns (account, start password).

    The password is shown once to the beheerder, who hands it over with an activation code.
    """
    _toekenning_controleren(door=door, gebruiker=None, rollen=rollen, rechten=rechten, onderdeel=onderdeel)
    User = get_user_model()
    startwachtwoord = secrets.token_urlsafe(15)
    with transaction.atomic():
        if User.objects.filter(username__iexact=gebruikersnaam).exists():
            raise Toekenningsfout(GEBRUIKERSNAAM_BESTAAT)
        gebruiker = User.objects.create_user(
            gebruikersnaam, email=email, password=startwachtwoord, first_name=voornaam, last_name=achternaam
        )
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="account_aangemaakt")
        # The beheerder saw the start password: the person replaces it at the first login.
        Profiel.objects.create(gebruiker=gebruiker, wachtwoord_wijzigen=True)
        _toekenning_doorvoeren(
            door=door, gebruiker=gebruiker, rollen=rollen, rechten=rechten, onderdeel=onderdeel
        )
    return gebruiker, startwachtwoord


def gebruiker_bijwerken(
    *,
    door,
    gebruiker,
    voornaam: str,
    achternaam: str,
    email: str,
    rollen: set[str],
    rechten: set[str],
    onderdeel=None,
):
    """Change name, e-mail, roles, rights and onderdeel; each change that happened is audited."""
    try:
        _toekenning_controleren(
            door=door, gebruiker=gebruiker, rollen=rollen, rechten=rechten, onderdeel=onderdeel
        )
    except Toekenningsfout:
        _weigering_vastleggen(door=door, gebruiker=gebruiker)
        raise
    with transaction.atomic():
        accountrij_vergrendelen(gebruiker=gebruiker)
        if (gebruiker.first_name, gebruiker.last_name, gebruiker.email) != (voornaam, achternaam, email):
            gebruiker.first_name, gebruiker.last_name, gebruiker.email = voornaam, achternaam, email
            gebruiker.save(update_fields=["first_name", "last_name", "email"])
            accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="gegevens_gewijzigd")
        _toekenning_doorvoeren(
            door=door, gebruiker=gebruiker, rollen=rollen, rechten=rechten, onderdeel=onderdeel
        )
    return gebruiker


def _toekenning_doorvoeren(*, door, gebruiker, rollen: set[str], rechten: set[str], onderdeel) -> None:
    oude_rollen = set(gebruiker.groups.filter(name__in=r.ALLE_ROLLEN).values_list("name", flat=True))
    oude_rechten = rechten_van(gebruiker)
    for rol in sorted(rollen - oude_rollen):
        gebruiker.groups.add(Group.objects.get(name=rol))
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="rol_toegekend", detail=rol)
    for rol in sorted(oude_rollen - rollen):
        gebruiker.groups.remove(Group.objects.get(name=rol))
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="rol_ingetrokken", detail=rol)
    if (rollen - oude_rollen).intersection(r.EIGEN_ACTIVERING):
        # Whoever is using the account now may be the beheerder himself (a second beheerder's account he
        # made, say): the new role opens only after someone of that side hands over a new code,
        # and with a password of the person's own, not one the beheerder chose or saw.
        toegang_intrekken(door=door, gebruiker=gebruiker)
        sessies_beeindigen(gebruiker=gebruiker)
        Profiel.objects.update_or_create(gebruiker=gebruiker, defaults={"wachtwoord_wijzigen": True})
    if rechten - oude_rechten:
        gebruiker.user_permissions.add(*_rechten(rechten - oude_rechten))
    if oude_rechten - rechten:
        gebruiker.user_permissions.remove(*_rechten(oude_rechten - rechten))
    for recht in sorted(rechten - oude_rechten):
        accountgebeurtenis_vastleggen(
            door=door, betreft=gebruiker, gebeurtenis="recht_toegekend", detail=r.BIJZONDERE_RECHTEN[recht]
        )
    for recht in sorted(oude_rechten - rechten):
        accountgebeurtenis_vastleggen(
            door=door, betreft=gebruiker, gebeurtenis="recht_ingetrokken", detail=r.BIJZONDERE_RECHTEN[recht]
        )
    profiel = Profiel.objects.filter(gebruiker=gebruiker).first()
    if (profiel.onderdeel_id if profiel else None) != (onderdeel.pk if onderdeel else None):
        Profiel.objects.update_or_create(gebruiker=gebruiker, defaults={"onderdeel": onderdeel})
        accountgebeurtenis_vastleggen(
            door=door,
            betreft=gebruiker,
            gebeurtenis="onderdeel_gewijzigd",
            detail=onderdeel.label if onderdeel else "hele ministerie",
        )
    # The beheeromgeving (/beheer/) lets in staff accounts only.
    staf = r.BEHEERDER in rollen
    if gebruiker.is_staff != staf:
        gebruiker.is_staff = staf
        gebruiker.save(update_fields=["is_staff"])


def gebruiker_deactiveren(*, door, gebruiker):
    """Switch the account off: no login any more, and its open sessions end now."""
    if gebruiker.pk == door.pk:
        raise Toekenningsfout(EIGEN_DEACTIVEREN)
    with transaction.atomic():
        gebruiker.is_active = False
        gebruiker.save(update_fields=["is_active"])
        sessies_beeindigen(gebruiker=gebruiker)
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="account_gedeactiveerd")
    return gebruiker


def gebruiker_activeren(*, door, gebruiker):
    with transaction.atomic():
        gebruiker.is_active = True
        gebruiker.save(update_fields=["is_active"])
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="account_geactiveerd")
    return gebruiker
