"""Step 5, reporting: a gap report as JSON (``serialize``), text (``text``), and the formats HR
tools read (``interop``); redaction and the JSON Schemas sit here too."""
