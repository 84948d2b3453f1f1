"""Step 1, reading: a file becomes a :class:`~gapscan.records.Document` (text, pages, sections).

The reader is chosen by content (``document.sniff_format``), never by extension.
"""
