"""What an uploaded document really is, from its first bytes (magic numbers), never from its name.

Accepted: PDF, Word/Excel/PowerPoint (the zip-based formats and the old binary ones), OpenDocument,
e-mail (.eml as text with mail headers, .msg as Outlook's binary container) and images (PNG, JPEG,
GIF). The extension of the name must fit what the content is: a program renamed to .pdf is refused.
"""

import io
import re
import zipfile
from dataclasses import dataclass

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls, .ppt and .msg


@dataclass(frozen=True)
class Soort:
    code: str
    content_type: str
    extensies: tuple[str, ...]


SOORTEN = {
    s.code: s
    for s in (
        Soort("pdf", "application/pdf", (".pdf",)),
        Soort("png", "image/png", (".png",)),
        Soort("jpeg", "image/jpeg", (".jpg", ".jpeg")),
        Soort("gif", "image/gif", (".gif",)),
        Soort("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)),
        Soort("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
        Soort(
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",)
        ),
        Soort("odt", "application/vnd.oasis.opendocument.text", (".odt",)),
        Soort("ods", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
        Soort("doc", "application/msword", (".doc",)),
        Soort("xls", "application/vnd.ms-excel", (".xls",)),
        Soort("ppt", "application/vnd.ms-powerpoint", (".ppt",)),
        Soort("msg", "application/vnd.ms-outlook", (".msg",)),
        Soort("eml", "message/rfc822", (".eml",)),
    )
}
TOEGESTAAN = sorted({e for s in SOORTEN.values() for e in s.extensies})

_OOXML = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_MAILKOP = re.compile(rb"^(from|to|subject|date|received|message-id|mime-version|return-path):", re.I | re.M)


def _zip_soort(inhoud: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            namen = archief.namelist()
            if "mimetype" in namen:
                return _ODF.get(archief.read("mimetype").strip())
            if "[Content_Types].xml" in namen:
                for voorvoegsel, code in _OOXML.items():
                    if any(n.startswith(voorvoegsel) for n in namen):
                        return code
    except (zipfile.BadZipFile, KeyError, ValueError):
        return None
    return None


def _is_mail(inhoud: bytes) -> bool:
    kop = inhoud[:8192]
    if b"\x00" in kop:
        return False
    try:
        kop.decode("utf-8")
    except UnicodeDecodeError:
        try:
            kop.decode("latin-1")
        except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
            return False
    return len(_MAILKOP.findall(kop.split(b"\r\n\r\n")[0].split(b"\n\n")[0])) >= 2


def soort_van(inhoud: bytes, *, extensie: str) -> Soort | None:
    """The kind of the content, when it is one we accept and the extension fits it; otherwise None."""
    extensie = extensie.lower()
    code = None
    if inhoud.startswith(b"%PDF-"):
        code = "pdf"
    elif inhoud.startswith(b"\x89PNG\r\n\x1a\n"):
        code = "png"
    elif inhoud.startswith(b"\xff\xd8\xff"):
        code = "jpeg"
    elif inhoud.startswith((b"GIF87a", b"GIF89a")):
        code = "gif"
    elif inhoud.startswith(b"PK\x03\x04"):
        code = _zip_soort(inhoud)
    elif inhoud.startswith(OLE2):
        # One container for four formats; its inner structure is not worth parsing here. The
        # extension picks among them, and the download is always an attachment, never shown inline.
        code = {".doc": "doc", ".xls": "xls", ".ppt": "ppt", ".msg": "msg"}.get(extensie)
    elif _is_mail(inhoud):
        code = "eml"
    soort = SOORTEN.get(code) if code else None
    if soort is None or extensie not in soort.extensies:
        return None
    return soort
