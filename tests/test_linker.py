"""The cross-linking tree processor, tested with exact HTML like Python-Markdown's own extensions."""

from __future__ import annotations

import markdown

from explainer.site.linker import LinkerExtension, LinkIndex, Target, link_markdown

INDEX = LinkIndex(
    [
        ("Antony Blinken", Target("actors/antony-blinken.md", "Antony Blinken")),
        ("Blinken", Target("actors/antony-blinken.md", "Antony Blinken")),
        ("UN Security Council resolutions", Target("glossary/unsc-resolutions.md", "UNSC resolutions")),
        ("UN", Target("actors/united-nations.md", "United Nations")),
        ("Kim", Target("actors/kim-a.md", "Kim A")),
        ("Kim", Target("actors/kim-b.md", "Kim B")),
    ]
)
LINK = 'class="explainer-link" data-preview=""'


def render(text: str, page: str = "stories/s.md") -> str:
    ext = LinkerExtension(INDEX)
    ext.current_page = page
    return markdown.markdown(text, extensions=[ext])


def test_first_mention_only_with_relative_href_and_preview() -> None:
    assert render("Antony Blinken said. Blinken added.") == (
        f'<p><a {LINK} href="../actors/antony-blinken.md">Antony Blinken</a> said. Blinken added.</p>'
    )


def test_longest_form_wins() -> None:
    assert render("a violation of UN Security Council resolutions by the UN") == (
        f'<p>a violation of <a {LINK} href="../glossary/unsc-resolutions.md">UN Security Council resolutions</a>'
        f' by the <a {LINK} href="../actors/united-nations.md">UN</a></p>'
    )


def test_word_boundaries_respected() -> None:
    assert render("UNESCO and BlinkenX stay plain") == "<p>UNESCO and BlinkenX stay plain</p>"


def test_headings_code_and_existing_links_are_skipped() -> None:
    html = render("# Blinken\n\n`Blinken` and [Blinken](x.md) then Blinken")
    assert html == (
        "<h1>Blinken</h1>\n"
        f'<p><code>Blinken</code> and <a href="x.md">Blinken</a> then <a {LINK} href="../actors/antony-blinken.md">Blinken</a></p>'
    )


def test_a_page_never_links_to_itself() -> None:
    assert render("Blinken and the UN", page="actors/antony-blinken.md") == (
        f'<p>Blinken and the <a {LINK} href="united-nations.md">UN</a></p>'
    )


def test_ambiguous_form_links_to_no_one() -> None:
    assert render("Kim spoke.") == "<p>Kim spoke.</p>"


def test_text_inside_emphasis_and_tails() -> None:
    assert render("*Blinken* and UN") == (
        f'<p><em><a {LINK} href="../actors/antony-blinken.md">Blinken</a></em> and <a {LINK} href="../actors/united-nations.md">UN</a></p>'
    )


def test_state_resets_between_documents() -> None:
    ext = LinkerExtension(INDEX)
    ext.current_page = "a.md"
    md = markdown.Markdown(extensions=[ext])
    first = md.convert("Blinken")
    md.reset()
    second = md.convert("Blinken")
    assert first == second == f'<p><a {LINK} href="actors/antony-blinken.md">Blinken</a></p>'


def test_the_first_mention_in_reading_order_is_linked() -> None:
    assert render("Blinken met *Blinken* again") == (
        f'<p><a {LINK} href="../actors/antony-blinken.md">Blinken</a> met <em>Blinken</em> again</p>'
    )
    assert render("*the* Blinken and Blinken") == (
        f'<p><em>the</em> <a {LINK} href="../actors/antony-blinken.md">Blinken</a> and Blinken</p>'
    )


def test_an_explicit_link_earlier_on_the_page_is_the_first_mention() -> None:
    assert render("[Antony Blinken](../actors/antony-blinken.md) and Blinken, then the UN") == (
        '<p><a href="../actors/antony-blinken.md">Antony Blinken</a> and Blinken, then the '
        f'<a {LINK} href="../actors/united-nations.md">UN</a></p>'
    )
    # ... but only when it comes first: the text before it is still the first mention
    assert render("Blinken spoke. [Antony Blinken](../actors/antony-blinken.md)") == (
        f'<p><a {LINK} href="../actors/antony-blinken.md">Blinken</a> spoke. '
        '<a href="../actors/antony-blinken.md">Antony Blinken</a></p>'
    )


def test_a_caption_does_not_use_up_the_first_mention_in_the_text() -> None:
    ext = LinkerExtension(INDEX)
    ext.current_page = "stories/s.md"
    text = "*Antony Blinken at the UN*\n{: .explainer-caption }\n\nBlinken spoke. Blinken left."
    html = markdown.markdown(text, extensions=["attr_list", ext])  # attr_list gives the caption its class
    assert html == (
        f'<p class="explainer-caption"><em><a {LINK} href="../actors/antony-blinken.md">Antony Blinken</a>'
        f' at the <a {LINK} href="../actors/united-nations.md">UN</a></em></p>\n'
        f'<p><a {LINK} href="../actors/antony-blinken.md">Blinken</a> spoke. Blinken left.</p>'
    )


def test_the_export_links_a_caption_as_the_tree_linker_does() -> None:
    text = "*Antony Blinken at the UN*\n{: .explainer-caption }\n\nBlinken spoke. Blinken left."
    assert link_markdown(text, INDEX, "stories/s.md").split("\n")[3] == (
        '[Blinken](../actors/antony-blinken.md){ .explainer-link data-preview="" } spoke. Blinken left.'
    )


def test_a_terms_plural_links_to_it_and_a_names_does_not() -> None:
    from explainer.model import Actor, Article, Story, Term
    from explainer.pipeline import link_index
    from explainer.site.sitemap import term_pages

    story = Story(
        articles=(Article("a", "a.txt", "A", ()),),
        actors=(Actor("ana-vell", "Ana Vell", "person"),),
        terms=(
            Term("tariff", "tariff"),
            Term("ipo", "IPO"),
            Term("customs-union", "customs union", ("customs unions",)),
        ),
    )
    targets = link_index(story, term_pages(story)).targets
    assert targets["tariffs"].page == targets["tariff"].page == "glossary/tariff.md"
    assert targets["IPOs"].page == "glossary/ipo.md"
    assert "Ana Vells" not in targets  # a person's name has no plural
    ext = LinkerExtension(link_index(story, term_pages(story)))
    ext.current_page = "stories/a.md"
    html = markdown.markdown("New tariffs and two IPOs.", extensions=[ext])
    assert html == (
        f'<p>New <a {LINK} href="../glossary/tariff.md">tariffs</a> and two'
        f' <a {LINK} href="../glossary/ipo.md">IPOs</a>.</p>'
    )
