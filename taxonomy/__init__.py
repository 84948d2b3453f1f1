"""Taxonomy data shipped with gapscan (installed as the package ``gapscan.taxonomy_data``)."""
