"""The one error type of the imports: a problem on a line (Fout) or with the file as a whole (BestandFout)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Fout:
    """One problem: the line as a spreadsheet program shows it (header = 1; None for the whole file),
    the column, the value found, the message and the values allowed there."""

    regel: int | None
    kolom: str | None
    waarde: str
    melding: str
    toegestaan: tuple[str, ...] = ()

    def als_tekst(self) -> str:
        tekst = f"regel {self.regel}" if self.regel else "bestand"
        if self.kolom:
            tekst += f", kolom {self.kolom}"
        if self.waarde:
            tekst += f", waarde '{self.waarde}'"
        tekst += f": {self.melding}"
        if self.toegestaan:
            tekst += f" Toegestaan: {', '.join(self.toegestaan)}."
        return tekst

    def als_dict(self) -> dict:
        return {
            "regel": self.regel,
            "kolom": self.kolom,
            "waarde": self.waarde,
            "melding": self.melding,
            "toegestaan": list(self.toegestaan),
        }

    @classmethod
    def van_dict(cls, gegevens: dict) -> "Fout":
        return cls(**{**gegevens, "toegestaan": tuple(gegevens.get("toegestaan", ()))})


class BestandFout(ValueError):
    """The file cannot be read at all; `regel` is set when one line is to blame (broken encoding)."""

    def __init__(self, melding: str, *, regel: int | None = None):
        super().__init__(melding)
        self.regel = regel

    def als_fout(self) -> Fout:
        return Fout(self.regel, None, "", str(self))
