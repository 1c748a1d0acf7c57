"""Claim grouping on a corpus of two unrelated stories that one query matches: each story keeps its own headline
claim, and the same voice relayed by the same medium in both stories (Trump via Reuters, an anonymous official via
Axios) does not glue them into one."""

from __future__ import annotations

from provenance.trace import trace

from .trace_helpers import processed, store


def _st(source, kind, chain, evidence):
    return {"source": source, "kind": kind, "chain": chain, "cue": "said", "evidence": evidence}


def _article(name, outlet, text, statements):
    return processed(name, text, {"outlet": outlet, "published": "2025-11-07", "language": "en", "statements": statements})


KAZ = [
    ("Alpha Daily", "Kazakhstan will join the Abraham Accords, Trump announced on Thursday.",
     "Trump told Reuters the signing ceremony for the Abraham Accords comes soon.",
     "An official told Axios that Kazakhstan will join the Abraham Accords this week."),
    ("Beta News", "Kazakhstan joins the Abraham Accords in a symbolic move.",
     "Trump said on Thursday, according to Reuters, that more countries line up for peace.",
     "A US official told Axios that Kazakhstan is the new member."),
    ("Gamma Post", "Kazakhstan agrees to join Abraham Accords, says Trump.",
     "The ministry in Astana confirmed Kazakhstan will join the Abraham Accords.",
     None),
]
TARIFF = [
    ("Delta Times", "Vietnam tariff deal cuts duties on coffee exports, Trump says.",
     "Trump told Reuters that the coffee duties fall to five percent.",
     "An official told Axios the deal covers textiles next year."),
    ("Epsilon Wire", "Trump signs Vietnam tariff deal on coffee and rice.",
     "Trump said, according to Reuters, that Hanoi buys more aircraft.",
     "A trade official told Axios that rice quotas double."),
    ("Zeta Herald", "Coffee exporters welcome the Vietnam tariff deal Trump signed.",
     "Exporters in Hanoi said the tariff deal saves them millions.",
     None),
]


def _items(rows, prefix):
    items = []
    for n, (outlet, lead, by_trump, by_official) in enumerate(rows):
        text = f"{lead}\n{by_trump}\n" + (f"{by_official}\n" if by_official else "")
        sts = []
        if "Trump" in by_trump:
            sts.append(_st("Donald Trump", "person", ["Donald Trump", "Reuters", outlet], by_trump))
        else:
            sts.append(_st("ministry", "institution", ["ministry", outlet], by_trump))
        if by_official:
            sts.append(_st("official", "anonymous", ["official", "Axios", outlet], by_official))
        items.append(_article(f"{prefix}{n}.txt", outlet, text, sts))
    return items


def test_two_stories_keep_two_headline_claims(tmp_path):
    db = str(tmp_path / "two.db")
    store(db, _items(KAZ, "kaz") + _items(TARIFF, "tariff"))
    report = trace(db, "Trump")
    assert len(report.articles) == 6
    outlet = {a.id: a.outlet for a in report.articles}
    kaz, tariff = {r[0] for r in KAZ}, {r[0] for r in TARIFF}
    for claim in report.claims:
        carried = {outlet[ca.article_id] for ca in claim.articles}
        assert carried <= kaz or carried <= tariff, (claim.label, carried)
    heads = [c for c in report.claims if c.headline]
    assert sorted({outlet[ca.article_id] for ca in c.articles} == kaz for c in heads) == [False, True]
    assert [sorted(outlet[ca.article_id] for ca in c.articles) for c in heads] in (
        [sorted(kaz), sorted(tariff)], [sorted(tariff), sorted(kaz)]
    )


def test_one_story_relays_join_its_headline(tmp_path):
    db = str(tmp_path / "one.db")
    store(db, _items(KAZ, "kaz"))
    report = trace(db, "Kazakhstan")
    head = report.claims[0]
    assert head.headline and len(head.articles) == 3
    beta = next(ca for ca in head.articles if ca.outlet == "Beta News")
    # Beta's sentences share few words with the headline ("Kazakhstan is the new member"), but they relay the
    # voices that assert it elsewhere: Trump via Reuters and the official via Axios, as Alpha reports them.
    assert {c.origin for c in beta.chains} == {"Donald Trump", "official"}


def test_a_bare_credit_of_the_lead_brings_its_report_into_the_headline_claim(tmp_path):
    """Rule 4: the lead states the headline unattributed, the next sentence credits a report; a source of that
    report whose words share nothing with the headline still carries the headline claim."""
    db = str(tmp_path / "lead.db")
    lead = "Kazakhstan will join the Abraham Accords, officials in Washington expect."
    credit = "The news was first reported by Axios and quoted by Anadolu."
    anon = "An official who spoke anonymously said the country in question is the Central Asian state."
    text = f"{lead}\n{credit}\n{anon}\n"
    rows = [
        _st("Axios", "outlet", ["Axios", "Anadolu Agency", "Omega Daily"], credit),
        _st("official", "anonymous", ["official", "Axios", "Anadolu Agency", "Omega Daily"], anon),
    ]
    other = "Kazakhstan joins the Abraham Accords, Trump said on Thursday."
    items = [
        _article("lead.txt", "Omega Daily", text, rows),
        _article("other.txt", "Sigma News", other + "\n", [_st("Donald Trump", "person", ["Donald Trump", "Sigma News"], other)]),
    ]
    store(db, items)
    report = trace(db, "Kazakhstan")
    headline = max(report.claims, key=lambda c: len(c.articles))
    origins = {c.origin for a in headline.articles for c in a.chains}
    assert {"official", "Donald Trump"} <= origins
    assert headline.max_hops == 3
