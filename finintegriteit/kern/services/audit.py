"""The audit trail: the one way to write it (every read and change of a case, refused attempts, logins,
changes of rights and reference data) and the check that nobody rewrote it.

Every app writes here, so the trail lives in kern, at the bottom of the layers: kern's own events (a
login, a second factor bound, a role given) and those of the apps above it go through the same service.

Rows are chained (kern/auditketen.py): each insert takes a lock, reads the last row's hash and stores
its own, so two requests writing at once cannot both follow the same row and fork the chain.

An event without a case (a login, a second factor bound, a role given) passes `object_type` and
`object_id` instead of `object`.
"""

from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone

from .. import auditketen
from ..datums import begin_van_vandaag
from ..models import AuditReden, AuditRegel
from ..vergrendeling import schrijvers_na_elkaar

# The chain's writers wait for each other (kern.vergrendeling.schrijvers_na_elkaar).
KETENSLOT = 0x41554454
_ALLEEN_DE_DAG = ContextVar("audit_alleen_de_dag", default=False)
# In a 'bekeken' row, `velden` lists what the page showed besides its object, as 'betrokkene:12'.
GETOOND = ":"


@contextmanager
def alleen_de_dag():
    """Audit rows written inside this block carry the day (00:00), not the moment.

    For what an anonymous melder does in the meldkanaal: the exact time of a visit would help to find
    out who it was (docs/beveiliging.md, 'Meldkanaal'). The rows stay in the chain in their order.
    """
    vorige = _ALLEEN_DE_DAG.set(True)
    try:
        yield
    finally:
        _ALLEEN_DE_DAG.reset(vorige)


def audit_vastleggen(
    *,
    gebruiker,
    actie: str,
    object: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    velden: list[str] | None = None,
    getoond: Sequence[models.Model] = (),
    reden: str = "",
    melding: models.Model | None = None,
) -> AuditRegel:
    """Insert one audit row. `velden` are field names only, never values (no personal data in the row).

    `getoond`, in a 'bekeken' row, are the other objects its page showed, listed after the field names
    in the order the page showed them. Sorted as text they would not be: 'betrokkene:10' before
    'betrokkene:9', and the trail would name the second betrokkene before the first.

    `reden` is free text and so case content: it is stored apart (AuditReden), shown only to OIF roles
    and erased by the bewaartermijn with its case: `melding`, or else the case `object` belongs to.
    """
    regel = AuditRegel(
        gebruiker=_gebruiker(gebruiker),
        actie=actie,
        object_type=object_type or (object._meta.model_name if object is not None else ""),
        object_id=str(object_id or (object.pk if object is not None else ""))[:40],
        velden=[*sorted(velden or []), *(f"{obj._meta.model_name}{GETOOND}{obj.pk}" for obj in getoond)],
    )
    melding_id = melding.pk if melding is not None else _melding_id(object)
    return _toevoegen([(regel, reden.strip(), melding_id)])[0]


def audit_bulk_vastleggen(
    *,
    gebruiker,
    actie: str,
    objecten: list[models.Model],
    reden: str = "",
    velden: list[str] | Mapping[type[models.Model], list[str]] | None = None,
) -> list[AuditRegel]:
    """One row per object, written in bulk inserts (a page that shows several objects, an import).

    `velden` defaults to each object's filled fields, and may differ per kind of object: a mapping
    from model class to field names. `reden` is stored with each row as in `audit_vastleggen`.
    """

    def namen(obj) -> list[str]:
        if isinstance(velden, Mapping):
            return sorted(velden.get(type(obj), []))
        return sorted(velden) if velden is not None else gevulde_velden(obj)

    return _toevoegen(
        [
            (
                AuditRegel(
                    gebruiker=_gebruiker(gebruiker),
                    actie=actie,
                    object_type=obj._meta.model_name,
                    object_id=str(obj.pk),
                    velden=namen(obj),
                ),
                reden.strip(),
                _melding_id(obj),
            )
            for obj in objecten
        ]
    )


def audit_bekeken_vastleggen(*, gebruiker, objecten: list[models.Model]) -> AuditRegel:
    """One 'bekeken' row per page view: the page's object (the first), listing the others it showed.

    One row, not one per object, so that the trail counts page views; the other objects are in the
    row, so a search on the case still tells who saw which betrokkene.
    """
    hoofd, *overige = objecten
    return audit_vastleggen(
        gebruiker=gebruiker, actie=AuditRegel.Actie.BEKEKEN, object=hoofd, getoond=overige
    )


def getoond_bij(regel: AuditRegel) -> list[tuple[str, str]]:
    """The (object_type, object_id) of the objects a 'bekeken' row's page showed besides its object, in
    the order the page showed them."""
    if regel.actie != AuditRegel.Actie.BEKEKEN:
        return []
    return [tuple(veld.split(GETOOND, 1)) for veld in regel.velden if GETOOND in veld]


def gevulde_velden(obj: models.Model) -> list[str]:
    """Names of the fields a new object was given a value in (what an 'aangemaakt' row lists)."""
    return sorted(
        veld.name
        for veld in obj._meta.concrete_fields
        if veld.editable and not veld.primary_key and getattr(obj, veld.attname) not in (None, "")
    )


def weigering_vastleggen(object_type: str, kwarg: str = "pk"):
    """View decorator: a refused attempt (403 or 404) on an object writes a 'geweigerd' row.

    Put it outside `rol_vereist`, so that a user of another role who guesses a URL is recorded too.
    The row names the object the URL pointed at, whether or not it exists.
    """

    def decorator(view):
        @wraps(view)
        def vastleggen(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except (PermissionDenied, Http404):
                audit_vastleggen(
                    gebruiker=request.user,
                    actie=AuditRegel.Actie.GEWEIGERD,
                    object_type=object_type,
                    object_id=str(kwargs.get(kwarg, ""))[:40],
                )
                raise

        return vastleggen

    return decorator


def audit_redenen_wissen(*, melding: models.Model) -> int:
    """Erase the free-text reasons about one case (bewaartermijn); the rows and the chain stay."""
    aantal, _ = AuditReden.objects.filter(melding=melding).delete()
    return aantal


@dataclass(frozen=True)
class Breuk:
    regel_id: int
    op: object  # None when the row is gone
    uitleg: str


@dataclass(frozen=True)
class Controle:
    aantal: int
    breuk: Breuk | None
    laatste_id: int | None
    laatste_hash: str


def audittrail_controleren(*, anker: tuple[int, str] | None = None) -> Controle:
    """Recompute the chain from the first row and stop at the first row that does not fit.

    Whoever owns the tables could rewrite a row and recompute every hash after it. `anker` (row id,
    hash) is a pair written down outside the database earlier: the chain must still lead to it.
    """
    vorige = auditketen.BEGIN
    aantal = 0
    laatste_id = None
    anker_gezien = anker is None
    rijen = (
        AuditRegel.objects.order_by("pk")
        .values_list(
            "pk", "op", "gebruiker_id", "actie", "object_type", "object_id", "velden", "reden_hash", "hash"
        )
        .iterator(chunk_size=5000)
    )
    for pk, op, gebruiker_id, actie, object_type, object_id, velden, reden_hash, opgeslagen in rijen:
        verwacht = auditketen.regel_hash(
            vorige=vorige,
            op=op,
            gebruiker_id=gebruiker_id,
            actie=actie,
            object_type=object_type,
            object_id=object_id,
            velden=velden,
            reden_hash=reden_hash,
        )
        if verwacht != opgeslagen:
            uitleg = (
                "past niet in de keten: deze regel is gewijzigd, of ervoor is een regel verwijderd of "
                "tussengevoegd"
            )
            return Controle(aantal, Breuk(pk, op, uitleg), laatste_id, vorige)
        if anker is not None and pk == anker[0]:
            if opgeslagen != anker[1]:
                uitleg = "heeft niet meer de vastgelegde controlewaarde: de keten is tot hier herschreven"
                return Controle(aantal, Breuk(pk, op, uitleg), laatste_id, vorige)
            anker_gezien = True
        vorige, laatste_id = opgeslagen, pk
        aantal += 1
    if not anker_gezien:
        uitleg = (
            "ontbreekt: de keten reikt niet meer tot de vastgelegde regel (regels aan het eind verwijderd)"
        )
        return Controle(aantal, Breuk(anker[0], None, uitleg), laatste_id, vorige)
    for regel_id, op, tekst, zout, reden_hash in (
        AuditReden.objects.order_by("regel_id")
        .values_list("regel_id", "regel__op", "tekst", "zout", "regel__reden_hash")
        .iterator(chunk_size=5000)
    ):
        if auditketen.reden_hash(tekst=tekst, zout=zout) != reden_hash:
            return Controle(
                aantal, Breuk(regel_id, op, "de reden is na het vastleggen gewijzigd"), laatste_id, vorige
            )
    return Controle(aantal, None, laatste_id, vorige)


def _toevoegen(regels: list[tuple[AuditRegel, str, int | None]]) -> list[AuditRegel]:
    with transaction.atomic():
        _keten_vergrendelen()
        vorige = AuditRegel.objects.order_by("-pk").values_list("hash", flat=True).first() or auditketen.BEGIN
        nu = begin_van_vandaag() if _ALLEEN_DE_DAG.get() else timezone.now()
        redenen = []
        for regel, tekst, melding_id in regels:
            regel.op = nu
            if tekst:
                zout = auditketen.nieuw_zout()
                regel.reden_hash = auditketen.reden_hash(tekst=tekst, zout=zout)
                redenen.append((regel, AuditReden(melding_id=melding_id, tekst=tekst, zout=zout)))
            regel.hash = vorige = auditketen.hash_van_regel(vorige=vorige, regel=regel)
        opgeslagen = AuditRegel.objects.bulk_create([regel for regel, _, _ in regels], batch_size=1000)
        for regel, reden in redenen:
            reden.regel = regel
        AuditReden.objects.bulk_create([reden for _, reden in redenen])
    return opgeslagen


def _keten_vergrendelen() -> None:
    """Serialize writers of the chain until the end of the transaction."""
    schrijvers_na_elkaar(slot=KETENSLOT, model=AuditRegel)


def _melding_id(object) -> int | None:
    # The case model is the one AuditReden's key points to: kern names it there and imports no app.
    if isinstance(object, AuditReden._meta.get_field("melding").related_model):
        return object.pk
    return getattr(object, "melding_id", None)


def _gebruiker(gebruiker):
    return gebruiker if getattr(gebruiker, "is_authenticated", False) else None
