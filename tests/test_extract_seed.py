"""The seed story's complete findings: every figure, person, quote; none of the false actors."""

from __future__ import annotations

import re

import pytest

from conftest import SEED
from explainer.extraction.extract import extract
from explainer.extraction.reader import read_seed
from explainer.model import Findings


@pytest.fixture(scope="module")
def findings() -> Findings:
    return extract(read_seed(SEED).article)


def names(findings: Findings) -> dict[str, str]:
    return {a.id: a.name for a in findings.actors}


def test_figures_complete_with_qualifiers_and_claimants(findings: Findings) -> None:
    n = names(findings)
    got = [
        (f.value, f.number, f.qualifier, f.unit, [n.get(s.claimant or "") for s in f.sources]) for f in findings.figures
    ]
    assert got == [
        ("up to 8,000 North Korean soldiers", 8000, "up to", "soldiers", ["United States", "Antony Blinken"]),
        ("10,000 North Korean soldiers", 10000, None, "soldiers", ["United States"]),
        ('more than "1,000 missiles"', 1000, "more than", "missiles", ["Kim Yong-hyun"]),
        ("millions of rounds", None, None, "rounds", ["Kim Yong-hyun"]),
        ("at least 5,500 kilometers", 5500, "at least", "kilometers", ["Japan"]),
    ]


def test_figure_digits_and_qualifier_appear_in_source_sentence(findings: Findings) -> None:
    article = findings.article
    for f in findings.figures:
        for s in f.sources:
            sentence = article.sentence(s.span.sentence).text
            for digits in re.findall(r"\d[\d,.]*", f.value):
                assert digits in sentence
        first = article.sentence(f.span.sentence).text
        if f.qualifier:
            assert f.qualifier in first.lower()


def test_hedge_travels_with_the_claim(findings: Findings) -> None:
    hedges = {f.value: f.sources[0].hedge for f in findings.figures}
    assert hedges["10,000 North Korean soldiers"] == "according to"
    assert hedges["at least 5,500 kilometers"] == "according to"
    assert hedges['more than "1,000 missiles"'] is None


def test_people_with_roles(findings: Findings) -> None:
    people = {a.name: a.roles for a in findings.actors if a.kind == "person"}
    assert people == {
        "Antony Blinken": ("US Secretary of State",),
        "Lloyd Austin": ("US Defense Secretary",),
        "Cho Tae-yul": ("South Korean Foreign Affairs Minister",),
        "Kim Yong-hyun": ("South Korean Defense Minister",),
        "Volodymyr Zelensky": ("Ukrainian President",),
        "Andriy Sybiha": ("Foreign Minister",),
        "Yang Moo-jin": ("president of the University of North Korean Studies in Seoul",),
        "Kim Jong Un": (),
        "Putin": (),
    }


def test_organisations_and_places(findings: Findings) -> None:
    orgs = {a.name for a in findings.actors if a.kind == "organization"}
    places = {a.name for a in findings.actors if a.kind == "place"}
    assert orgs == {"KCNA", "AFP", "UN Security Council", "United Nations", "University of North Korean Studies"}
    assert places == {
        "United States", "South Korea", "North Korea", "Ukraine", "Russia", "Japan", "China", "Kursk region",
    }  # fmt: skip


def test_aliases_merge_one_actor_per_entity(findings: Findings) -> None:
    by_name = {a.name: a for a in findings.actors}
    assert "Blinken" in by_name["Antony Blinken"].aliases
    assert "Austin" in by_name["Lloyd Austin"].aliases
    assert {"Pyongyang", "the North"} <= set(by_name["North Korea"].aliases)
    assert "Washington" in by_name["United States"].aliases


def test_false_actors_never_appear(findings: Findings) -> None:
    all_names = {a.name for a in findings.actors} | {x for a in findings.actors for x in a.aliases}
    for false in ("Thursday", "Make", "Calling", "Earlier", "Talks", "Real Escalation", "Distract Attention",
                  "Western", "Kim", "SAUL LOEB", "Léon Bruneu", "Claire Lee", "ICBM", "Additionally", "Citing"):  # fmt: skip
        assert false not in all_names


def test_people_sharing_a_word_are_not_merged(findings: Findings) -> None:
    ids = {a.id for a in findings.actors}
    assert {"kim-jong-un", "kim-yong-hyun"} <= ids


def test_every_quote_with_its_speaker(findings: Findings) -> None:
    n = names(findings)
    got = [(q.text[:40], n.get(q.speaker or ""), q.cue) for q in findings.quotes]
    assert got == [
        ("have been deployed in the Kursk region", "Antony Blinken", "stated"),
        ("We have not yet seen these troops engage", "Antony Blinken", "added"),
        ("indicating it fully intends to use these", "Antony Blinken", "emphasized"),
        ("Make no mistake: if these North Korean t", "Lloyd Austin", "warned"),
        ("how badly Putin's war is going.", "Lloyd Austin", "adding"),
        ("coming days.", "Lloyd Austin", "noted"),
        ("1,000 missiles", "Kim Yong-hyun", "stated"),
        ("I think the reaction to this is zero; it", "Volodymyr Zelensky", "said"),
        ("real escalation of the war", "Andriy Sybiha", "argued"),
        ("strong decision", "Andriy Sybiha", "argued"),
        ("lift all restrictions on the use of long", "Andriy Sybiha", "argued"),
        ("intercontinental ballistic missile (ICBM", "Japan", "according to"),
        ("crucial", "KCNA", "according to"),
        ("strengthen its nuclear forces", "KCNA", "according to"),
        ("rivals", "KCNA", "according to"),
        ("retaliate", "KCNA", "according to"),
        ("concern over the situation's development", "China", "expressed"),
        ("blatant violation", None, None),
        ("appears to have been conducted to divert", "Yang Moo-jin", "told"),
    ]


def test_quotes_are_verbatim_substrings(findings: Findings) -> None:
    for q in findings.quotes:
        assert q.text in findings.article.sentence(q.span.sentence).text


def test_events_resolved_against_story_date(findings: Findings) -> None:
    got = [(e.date, e.when) for e in findings.events]
    assert got == [
        ("2024-10-31", "Thursday"),
        ("2024-10-31", "Earlier Thursday"),
        ("2024-10-31", "Thursday"),
        ("2024-10-30", "on Wednesday"),
        ("2024-11-05", "on November 5"),
        ("2024-06", "in June"),
    ]


def test_defined_acronym(findings: Findings) -> None:
    assert [(t.term, t.aliases, t.source) for t in findings.terms] == [
        ("ICBM", ("intercontinental ballistic missile",), "article")
    ]
