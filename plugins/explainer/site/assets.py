"""Files the site layer ships beside its code: Material additions and page templates."""

from __future__ import annotations

from pathlib import Path

# The package's additions to Material: `main.html` (sharing metadata, JSON-LD, accessibility
# fixes) and the explainer's CSS, inserted into the theme by the plugin and copied by `export`.
THEME_DIR = Path(__file__).parent / "theme"
THEME_CSS = "assets/explainer.css"
# The JSON Schema of `explainer.json`, published beside it in every built site and export.
SCHEMA = Path(__file__).parent / "explainer.schema.json"
