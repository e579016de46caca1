from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's length rule with a Dutch message: Django 5.2 changed the English text and its Dutch
    translation no longer matches, so without this the one rule users hit most spoke English."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."
