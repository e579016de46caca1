from django.contrib import admin
from django.urls import include, path

from finintegriteit.kern.meldkanaalpad import MELDKANAAL
from meldingen.meldkanaal import urls as meldkanaal
from vertrouwenspersonen.views import loket as vertrouwenspersonen_loket

admin.site.site_header = "FinIntegriteit — beheer"
admin.site.site_title = "FinIntegriteit"

urlpatterns = [
    path("", include("finintegriteit.kern.urls")),
    path("tellijst/", include("vertrouwenspersonen.urls")),
    path("meldingen/", include("meldingen.urls")),
    # One loket: the vertrouwenspersoon route comes from the register (vertrouwenspersonen), which the
    # meldingen app may not import, so the two are joined here under one namespace. The prefix is the
    # one the middleware and the logs know (kern/meldkanaalpad.py).
    path(
        MELDKANAAL.lstrip("/"),
        include(
            (
                [
                    *meldkanaal.urlpatterns,
                    path(
                        "vertrouwenspersonen/",
                        vertrouwenspersonen_loket.vertrouwenspersonen,
                        name="vertrouwenspersonen",
                    ),
                ],
                "meldkanaal",
            )
        ),
    ),
    path("afdoeningen/", include("afdoeningen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("beheer/", admin.site.urls),
]

# A lost database connection gets its own page (503) instead of the generic 500.
handler500 = "finintegriteit.kern.storingen.serverfout"
