from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's length rule with a Dutch message: Django 5.2 changed the English text and its Dutch
    translation no longer matches, so without this the one rule users hit most spoke English."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."


GELEKT = (
    "Dit wachtwoord is te makkelijk te raden: het staat in een lijst van gelekte of veelgebruikte "
    "wachtwoorden, of is opgebouwd uit zulke wachtwoorden, gewone woorden, namen of patronen. Kies "
    "bijvoorbeeld vier losse woorden die niet bij elkaar horen."
)


class GelektWachtwoordValidator:
    """Refuses passwords that zxcvbn finds guessable (score below `minimale_score` of 0-4).

    zxcvbn ships 30,000 passwords from published breaches, names, common words and keyboard
    patterns, and recognises them in variants (l33t, reversed, with digits appended); Django's
    CommonPasswordValidator checks its own list of 20,000 beside it. Both work offline: no password
    leaves the server.
    """

    # zxcvbn's time grows with the length; past this the estimate does not change any more.
    MAX_LENGTE = 100

    def __init__(self, minimale_score: int = 3):
        self.minimale_score = minimale_score

    def validate(self, password, user=None):
        from django.core.exceptions import ValidationError
        from zxcvbn import zxcvbn

        gebruikersgegevens = [
            waarde
            for waarde in (
                getattr(user, veld, "") for veld in ("username", "first_name", "last_name", "email")
            )
            if waarde
        ]
        if zxcvbn(password[: self.MAX_LENGTE], user_inputs=gebruikersgegevens)["score"] < self.minimale_score:
            raise ValidationError(GELEKT, code="password_gelekt")

    def get_help_text(self):
        return (
            "Uw wachtwoord mag niet voorkomen in lijsten van gelekte wachtwoorden of makkelijk te raden zijn."
        )
