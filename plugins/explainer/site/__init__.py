"""The site: the `Story` as pages. Where each page lives and what it is (`sitemap`), the Markdown
of each page from templates a site can override (`render`, `templates/`), cross-links (`linker`),
structured data (`structured`), lists cut into pages (`paging`), the `explainer.json` contract
(`export`) and the editor's review page (`review`). MkDocs-free: `plugin.py` hands the pages to MkDocs.
"""
