from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "FinIntegriteit — beheer"
admin.site.site_title = "FinIntegriteit"

urlpatterns = [
    path("", include("finintegriteit.kern.urls")),
    path("tellijst/", include("vertrouwenspersonen.urls")),
    path("meldingen/", include("meldingen.urls")),
    path("afdoeningen/", include("afdoeningen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("beheer/", admin.site.urls),
]
