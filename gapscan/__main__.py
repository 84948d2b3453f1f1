"""``python -m gapscan``: the same as the ``gapscan`` command."""

from .cli import main

main()
