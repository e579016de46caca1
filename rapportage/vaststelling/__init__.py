"""Adopting (vaststellen) a year's report: figures, texts and PDF frozen with who and when."""
