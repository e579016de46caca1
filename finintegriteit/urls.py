from django.contrib import admin
from django.http import Http404
from django.urls import include, path

from finintegriteit.kern.meldkanaalpad import MELDKANAAL
from meldingen.meldkanaal import urls as meldkanaal
from vertrouwenspersonen.views import loket as vertrouwenspersonen_loket

admin.site.site_header = "FinIntegriteit — beheer"
admin.site.site_title = "FinIntegriteit"


def _geen_doorverwijzing(request, content_type_id, object_id):
    """In place of Django's /beheer/r/<type>/<id>/, which redirected for any object that exists and
    answered 404 otherwise, to anyone in /beheer/ and without an audit row: a beheerder could test
    whether a melding, a melder's identity or a Tellijst row exists, and poll for new ones."""
    raise Http404


# The name stays: the admin's templates reverse it for a 'view on site' button.
BEHEER = [
    path(
        "r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(_geen_doorverwijzing),  # like every admin page: login first
        name="view_on_site",
    )
    if getattr(patroon, "name", None) == "view_on_site"
    else patroon
    for patroon in admin.site.get_urls()
]

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
    path("beheer/", (BEHEER, "admin", admin.site.name)),
]

# A lost database connection gets its own page (503) instead of the generic 500.
handler500 = "finintegriteit.kern.storingen.serverfout"
