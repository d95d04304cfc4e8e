"""mkdocs-explainer: turn wire stories into cross-linked explainer microsites."""

__version__ = "0.1.0"
