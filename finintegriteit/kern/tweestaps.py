"""Who needs the second login step (TOTP), and the pieces of an authenticator link.

Every account needs it: each role sees confidential data (named suspects, advice requests, figures
per onderdeel, the accounts themselves), so a stolen password alone must not open any page.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg


def tweestaps_vereist(gebruiker) -> bool:
    return gebruiker.is_authenticated


def geheim_als_tekst(apparaat) -> str:
    """The TOTP secret in base32, in groups of four for typing it over by hand."""
    geheim = base64.b32encode(apparaat.bin_key).decode("ascii").rstrip("=")
    return " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))


def qr_code_data_uri(apparaat) -> str:
    """The otpauth:// link as an SVG data URI: made here, no external service sees the secret.

    A data URI in an <img> (allowed by the CSP's `img-src data:`) keeps inline style out of the page.
    """
    afbeelding = qrcode.make(apparaat.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = BytesIO()
    afbeelding.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
