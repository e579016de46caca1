"""The report's own texts: structure per year, Markdown with figure references, the default chapters."""
