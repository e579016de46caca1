from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render

from . import rollen as r
from .toegang import ingelogd_vereist, publiek

# The first page of each role, in order of precedence for users with several roles.
STARTPAGINA = [
    (r.OIF_ANALIST, "meldingen:werkvoorraad"),
    (r.VERTROUWENSPERSOON, "vertrouwenspersonen:invoeren"),
    (r.COORDINATOR, "rapportage:dashboard"),
    (r.BEHEERDER, "vertrouwenspersonen:register"),
]


@ingelogd_vereist
def start(request):
    from django.urls import NoReverseMatch, reverse

    for rol, naam in STARTPAGINA:
        if r.heeft_rol(request.user, rol):
            try:
                return redirect(reverse(naam))
            except NoReverseMatch:
                break
    return render(request, "kern/start.html")


class InlogView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


inloggen = publiek(InlogView.as_view())
uitloggen = ingelogd_vereist(auth_views.LogoutView.as_view())
