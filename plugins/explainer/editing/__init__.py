"""The editor's side: curated files (`curation`), merged with every story's findings into one
`Story` (`merge`), the findings cache between builds (`cache`) and the review of what the rules
found (`review`). Imports extraction's reader and the model; never MkDocs or the site layer.
"""
