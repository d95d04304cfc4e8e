"""Extraction: wire copy in, findings out (figures, actors, quotes, terms, dates), each with its `Span`.

Pure and rule-based: nothing here imports MkDocs, the site layer or the editor's files. Reading a
seed (`reader`, `seeds`), annotating it once (`annotate`, `sentences`, `quotemarks`), then every
pass over that annotation (`actors`, `attribution`, `quotes`, `figures`, `terms`, `timeline`),
run together by `extract`. Word lists live in `../data/` and are loaded by `vocabulary`.
"""
