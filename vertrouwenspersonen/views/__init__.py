"""Views of the Tellijst (vertrouwenspersonen only) and of the register (functioneel beheerder only)."""
