"""Mail servers that refuse a recipient, for the tests of the e-mail to the melder."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

WEIGERT = "550 5.1.1 mailbox unavailable"


class WeigerendeBackend(EmailBackend):
    """As an SMTP server answering 550 to every recipient: the exception names the address."""

    def send_messages(self, messages):
        ontvangers = [adres for bericht in messages for adres in bericht.recipients()]
        raise smtplib.SMTPRecipientsRefused({adres: (550, WEIGERT.encode()) for adres in ontvangers})


class TijdelijkWeigerendeBackend(EmailBackend):
    """As an SMTP server answering 451 (try again later)."""

    def send_messages(self, messages):
        ontvangers = [adres for bericht in messages for adres in bericht.recipients()]
        raise smtplib.SMTPRecipientsRefused({adres: (451, b"4.3.0 try again later") for adres in ontvangers})
