"""Embedded social posts kept by a scrape: "— Name (@handle) Month D, YYYY" (articles written for these tests)."""

from __future__ import annotations

from provenance.attribution import map_article
from provenance.attribution.posts import embedded_posts
from provenance.records import Cleaned

BODY = ("Readers mocked the plan online.\nThis fence is see-through, apparently. pic.twitter.com/abc123  "
        "Rina Hart (@rinahart) March 3, 2021Others were less amused.\nWhat a week.— Bolt Fan (@bolt_fan_99)March 4, "
        "2021\nThe mayor did not reply.")


def test_signatures_found_with_display_names():
    assert [p.author for p in embedded_posts(BODY)] == ["Rina Hart (@rinahart)", "Bolt Fan (@bolt_fan_99)"]


def test_each_post_is_a_statement_through_x():
    cleaned = Cleaned(body=BODY)
    m = map_article(cleaned)
    assert {(c.self, c.cited) for c in m.citations} == {(True, "X")}
    chains = {s.source: s.chain for s in m.statements}
    assert chains["Rina Hart (@rinahart)"] == ["Rina Hart (@rinahart)", "X", None]
    for s in m.statements:
        assert cleaned.body[s.span[0]:s.span[1]] == s.evidence


def test_a_handle_without_a_date_is_no_signature():
    assert embedded_posts("Follow us (@newsdesk) for updates. Email (@ desk) later.") == []


def test_a_verb_that_names_its_platform_credits_it():
    m = map_article(Cleaned(body="\"A total disgrace,\" Mayor Lena Ortiz tweeted on Friday.\nThe council met."))
    assert {(c.self, c.cited) for c in m.citations} == {(True, "X")}
    assert m.statements[0].chain == ["Lena Ortiz", "X", None]


def test_a_reference_list_ends_at_a_line_without_a_medium():
    body = "The dam held, officials said.\nSources:\nReuters\nBBC News\nNews agencies\nFacebook\nYouTube"
    cited = {c.cited for c in map_article(Cleaned(body=body)).citations}
    assert cited == {"Reuters", "BBC"}


def test_media_joined_before_one_verb_are_all_credited():
    m = map_article(Cleaned(body="The mayor will resign on Monday, ABC News and the Boston Globe reported.\n"
                                 "Ties to the firm were cleared, Lavrov said, RIA reported."))
    assert {c.cited for c in m.citations} == {"ABC News", "The Boston Globe", "RIA Novosti"}


def test_platform_company_speaking_in_its_own_post_is_an_institution():
    from provenance.attribution import map_article
    from provenance.records import Cleaned, Metadata

    m = map_article(Cleaned(body="Facebook said in a post on Monday that the outage had been fixed.\n",
                            meta=Metadata(outlet="Reuters")))
    company = [s for s in m.statements if s.kind == "institution"]
    assert company and company[0].source == "Facebook"
    assert company[0].chain == ["Facebook", "Reuters"]
    m = map_article(Cleaned(body="Twitter said in a tweet on Sunday evening that a review was under way.\n",
                            meta=Metadata(outlet="Reuters")))
    company = [s for s in m.statements if s.kind == "institution"]
    assert company and company[0].chain == ["Twitter", "X", "Reuters"]
