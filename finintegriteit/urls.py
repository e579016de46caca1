from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "FinIntegriteit — beheer"
admin.site.site_title = "FinIntegriteit"

urlpatterns = [
    path("", include("finintegriteit.kern.urls")),
    path("tellijst/", include("vertrouwenspersonen.urls")),
    path("meldingen/", include("meldingen.urls")),
    path("melden/", include("meldingen.meldkanaal.urls")),
    path("afdoeningen/", include("afdoeningen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("beheer/", admin.site.urls),
]

# A lost database connection gets its own page (503) instead of the generic 500.
handler500 = "finintegriteit.kern.storingen.serverfout"
