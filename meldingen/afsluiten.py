"""Checks that other apps add to closing a melding (status Afgedaan).

Whether every betrokkene has an afdoening is known by the afdoeningen app, which sits above meldingen:
meldingen does not import it. Instead afdoeningen registers its check here when Django starts
(AfdoeningenConfig.ready), and the status service runs every registered check. Closing refuses when
no check is registered, so a missing registration cannot let an unfinished case through.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_CONTROLES: list[Callable] = []


def afsluitcontrole_registreren(controle: Callable) -> None:
    """`controle(*, melding)` raises ValidationError when the melding may not be closed yet."""
    if controle not in _CONTROLES:
        _CONTROLES.append(controle)


def afsluiten_controleren(*, melding) -> None:
    if not _CONTROLES:
        raise ImproperlyConfigured("Geen afsluitcontrole geregistreerd: is de app afdoeningen geïnstalleerd?")
    for controle in _CONTROLES:
        controle(melding=melding)
