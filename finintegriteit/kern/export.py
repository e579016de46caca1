"""Safe spreadsheet exports: no cell that a spreadsheet program would run as a formula."""

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    """Neutralise text that Excel or LibreOffice would evaluate (CSV/formula injection).

    Numbers stay numbers; text starting with = + - @ tab or carriage return gets a leading apostrophe,
    which spreadsheets show as plain text.
    """
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def veilige_rij(rij):
    return [veilige_cel(waarde) for waarde in rij]
