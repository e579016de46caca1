from django.urls import path

from .views import importeren, invoer, register

app_name = "vertrouwenspersonen"

urlpatterns = [
    path("", invoer.invoeren, name="invoeren"),
    path("velden/", invoer.velden, name="velden"),
    path("subcategorieen/", invoer.subcategorieen, name="subcategorieen"),
    path("mijn/", invoer.mijn_adviesvragen, name="mijn_adviesvragen"),
    path("<uuid:pk>/bijwerken/", invoer.bijwerken, name="bijwerken"),
    path("<uuid:pk>/wijzigen/", invoer.wijzigen, name="wijzigen"),
    path("<uuid:pk>/verwijderen/", invoer.verwijderen, name="verwijderen"),
    path("importeren/", importeren.importeren, name="importeren"),
    path("importeren/bevestigen/", importeren.importeren_bevestigen, name="importeren_bevestigen"),
    path("importeren/annuleren/", importeren.importeren_annuleren, name="importeren_annuleren"),
    path("importeren/sjabloon.csv", importeren.sjabloon_csv_downloaden, name="sjabloon_csv"),
    path("importeren/sjabloon.xlsx", importeren.sjabloon_xlsx_downloaden, name="sjabloon_xlsx"),
    path("register/", register.register, name="register"),
    path("register/nieuw/", register.register_nieuw, name="register_nieuw"),
    path("register/<int:pk>/", register.register_profiel, name="register_profiel"),
    path("register/<int:pk>/status/", register.register_status_toevoegen, name="register_status_toevoegen"),
    path(
        "register/<int:pk>/status/<int:status_pk>/verwijderen/",
        register.register_status_verwijderen,
        name="register_status_verwijderen",
    ),
]
