"""Taxonomy data shipped with gapscan (installed as the package ``gapscan.taxonomies``)."""
