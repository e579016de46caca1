"""A valid Tellijst row in a few words, for tests."""

import factory

from finintegriteit.referentie import models as ref
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van


def optie(model, code: str):
    return model.objects.get(code=code)


class AdviesvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adviesvraag

    class Params:
        eigenaar = None  # the vertrouwenspersoon who registered the row

    jaar = 2024
    kwartaal = 2
    onderdeel = factory.LazyFunction(lambda: optie(ref.Onderdeel, "douane"))
    hoofdcategorie = factory.LazyFunction(lambda: optie(ref.Hoofdcategorie, "ongewenste-omgangsvormen"))
    subcategorie = factory.LazyFunction(lambda: optie(ref.Subcategorie, "5-intimidatie"))
    wie_betreft = factory.LazyFunction(lambda: optie(ref.WieBetreft, "direct-leidinggevende"))
    wijze_van_afdoening = factory.LazyFunction(lambda: optie(ref.WijzeVanAfdoening, "loopt-nog"))
    situatie = factory.LazyFunction(lambda: optie(ref.SituatieNaInterventie, "loopt-nog"))
    melder_is_beklaagde = None
    evaluatielink = Adviesvraag.Evaluatielink.NIET_AANGEGEVEN
    pseudoniem = factory.LazyAttribute(lambda o: pseudoniem_van(o.eigenaar) if o.eigenaar else "")


def gesloten(**kwargs) -> dict:
    return {
        "wijze_van_afdoening": optie(
            ref.WijzeVanAfdoening, "klankbordgesprek-advies-incl-nazorgcontact-ook-telefonisch-mail"
        ),
        "situatie": optie(ref.SituatieNaInterventie, "genormaliseerd-en-geschil-opgelost"),
        **kwargs,
    }
