"""The editor's side: curated files (`curation`), merged with every story's findings into one
`Story` (`merge`), and the findings cache between builds (`cache`). Imports extraction's reader
and the model; never MkDocs or the site layer.
"""
