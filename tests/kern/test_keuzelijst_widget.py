"""The Python-built <select> of the busiest pages gives the markup Django's own templates give."""

import re

from django import forms

from finintegriteit.kern.forms import Keuzelijst

KEUZES = [
    ("", "Alle onderdelen"),
    ("Rijk", [(1, "Belastingdienst"), (2, "Douane & <Toeslagen>")]),
    (3, 'Financiële "Zaken"'),
]


def _zonder_witruimte_tussen_tags(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


def _beide(waarde, attrs=None, keuzes=KEUZES):
    eigen = Keuzelijst(choices=keuzes).render("onderdeel", waarde, attrs=attrs)
    django = forms.Select(choices=keuzes).render("onderdeel", waarde, attrs=attrs)
    return _zonder_witruimte_tussen_tags(eigen), _zonder_witruimte_tussen_tags(django)


def test_zelfde_opmaak_als_django_met_groepen_keuze_en_attributen():
    attrs = {"id": "id_onderdeel", "class": "form-select", "aria-describedby": "hulp", "required": True}
    eigen, django = _beide(2, attrs)
    assert eigen == django
    assert '<option value="2" selected>Douane &amp; &lt;Toeslagen&gt;</option>' in eigen


def test_zelfde_opmaak_zonder_keuze_en_met_een_tekstwaarde():
    for waarde in (None, "", "3", "bestaat-niet"):
        eigen, django = _beide(waarde)
        assert eigen == django, waarde
    assert "Financiële &quot;Zaken&quot;" in _beide(None)[0]


def test_in_een_formulier_met_een_fout_en_hulptekst():
    class Formulier(forms.Form):
        keuze = forms.ChoiceField(
            choices=[("a", "A"), ("b", "B")], help_text="Kies er één.", widget=Keuzelijst
        )

    class Referentie(forms.Form):
        keuze = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], help_text="Kies er één.")

    eigen, django = (str(F({"keuze": "x"})["keuze"]) for F in (Formulier, Referentie))
    assert _zonder_witruimte_tussen_tags(eigen) == _zonder_witruimte_tussen_tags(django)
    assert 'aria-invalid="true"' in eigen
