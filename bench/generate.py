"""Deterministic synthetic news archive for the benchmark: ``python -m bench.generate N OUT``.

Article ``i`` of an archive of size ``n`` depends only on (seed, n, i), so folders are reproducible and can be
generated in any order. Stories are shared: about twenty articles per story repeat its claims through different
outlets and relays, so chains cross articles and a trace query matches a similar number of articles at every size.
Each article is written twice, as scraped text (``text/``) and as an HTML page (``html/``).
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from . import page
from . import vocab as v

SEED = 20251107
VERSION = 2  # bump when the output changes, so cached folders are regenerated
PER_STORY = 20
SHARD = 1000  # files per sub-folder


@dataclass
class Story:
    key: str  # a unique invented place name: the trace query
    lang_topic: int
    speaker: str
    short: str
    role_seed: int
    origin: int  # index into OUTLETS of the outlet that broke it
    year: int
    claims_id: list[str]
    claims_en: list[str]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(v.SYLLABLES) for _ in range(parts)).capitalize()


def story(seed: int, s: int) -> Story:
    rng = random.Random(f"{seed}:story:{s}")
    # A fixed-width syllable code of the story number makes keys unique and equally long, so no key is a
    # substring of another and a LIKE or full-text query for one story never matches another.
    code = "".join(v.SYLLABLES[(s // len(v.SYLLABLES) ** k) % len(v.SYLLABLES)] for k in range(4))
    key = f"{_word(rng, 2)}{code}"
    t = rng.randrange(len(v.TOPIC_ID))
    first, last = rng.choice(v.FIRST), rng.choice(v.LAST)
    year = rng.randrange(2024, 2030)
    nums = [(rng.randrange(2, 90), rng.randrange(1, 9)) for _ in v.CLAIM_ID]
    fill = dict(place=key, year=year)
    cid = [c.format(topic=v.TOPIC_ID[t], num=a, num2=b, **fill) for c, (a, b) in zip(v.CLAIM_ID, nums, strict=True)]
    cen = [c.format(topic=v.TOPIC_EN[t], num=a, num2=b, **fill) for c, (a, b) in zip(v.CLAIM_EN, nums, strict=True)]
    return Story(key, t, f"{first} {last}", last, rng.randrange(1 << 30), rng.randrange(len(v.OUTLETS)), year, cid, cen)


def stories_for(n: int) -> int:
    return max(5, n // PER_STORY)


@dataclass
class Piece:
    title: str
    outlet: str
    domain: str
    lang: str
    date: str
    author: str
    top: list[str]  # boilerplate before the body
    paragraphs: list[str]  # body paragraphs, boilerplate lines mixed in as their own paragraphs
    end: list[str]  # boilerplate after the body
    related: list[str]


def article(seed: int, n: int, i: int) -> Piece:
    rng = random.Random(f"{seed}:{n}:{i}")
    n_st = stories_for(n)
    # A few hot stories draw many articles, most draw a handful (a long tail, as in a real archive).
    s_idx = int(n_st * rng.random() ** 1.6) % n_st
    st = story(seed, s_idx)
    lang = "id" if rng.random() < 0.6 else "en"
    idn = lang == "id"
    mine = [k for k, o in enumerate(v.OUTLETS) if o[2] == lang and k != st.origin]
    me = rng.choice(mine)
    name, _kind, _l, domain = v.OUTLETS[me]
    relay = rng.choice([k for k in range(len(v.OUTLETS)) if k not in (me, st.origin)])
    origin, inter = v.OUTLETS[st.origin][0], v.OUTLETS[relay][0]
    rr = random.Random(st.role_seed)
    role = rr.choice(v.ROLES_ID if idn else v.ROLES_EN).format(
        d=rr.choice(v.DOMAINS_ID if idn else v.DOMAINS_EN), p=st.key, n=rr.randrange(1, 12)
    )
    speaker = f"{role} {st.speaker}" if idn else f"{st.speaker}, {role},"
    claims = st.claims_id if idn else st.claims_en
    day = rng.choice(v.DAYS_ID if idn else v.DAYS_EN)
    month = rng.randrange(1, 13)
    date = f"{st.year - 1}-{month:02d}-{rng.randrange(1, 29):02d}"
    topic = (v.TOPIC_ID if idn else v.TOPIC_EN)[st.lang_topic]
    fill = dict(place=st.key, topic=topic, year=st.year)
    title = (f"{topic.capitalize()} {st.key}: " + rng.choice(claims)).rstrip(".")[:110]
    headline = lambda: rng.choice(claims).capitalize()[:90]  # noqa: E731 - a read-also link to a sibling story
    target = rng.randrange(2000, 6000)
    lead = claims[0][0].upper() + claims[0][1:]
    dateline = f"{'Jakarta' if idn else 'JAKARTA'}, {name} - {lead}." if idn else f"JAKARTA ({name}) - {lead}."
    paras, size = [dateline], len(dateline)
    while size < target:
        r = rng.random()
        c = rng.choice(claims)
        if r < 0.22:
            t = rng.choice(v.QUOTE_ID if idn else v.QUOTE_EN)
            sent = t.format(c=c, s=speaker, n=st.short, o=origin, day=day)
        elif r < 0.32:
            sent = rng.choice(v.RELAY_ID if idn else v.RELAY_EN).format(c=c, o=origin, i=inter)
        elif r < 0.37:
            sent = rng.choice(v.ANON_ID if idn else v.ANON_EN).format(c=c, o=origin)
        elif r < 0.45:
            sent = rng.choice(v.BOILER_MID_ID if idn else v.BOILER_MID_EN).format(h=headline())
        else:
            sent = " ".join(rng.choice(v.FILLER_ID if idn else v.FILLER_EN).format(**fill) for _ in range(rng.randrange(2, 5)))
        sent = sent[0].upper() + sent[1:]
        paras.append(sent)
        size += len(sent) + 2
    author = f"{rng.choice(v.FIRST)} {rng.choice(v.LAST)}"
    people = dict(p=author, p2=f"{rng.choice(v.FIRST)} {rng.choice(v.LAST)}", year=st.year - 1, outlet=name)
    tags = ", ".join([st.key, topic, rng.choice(v.DOMAINS_ID if idn else v.DOMAINS_EN)])
    top = rng.sample(v.BOILER_TOP_ID if idn else v.BOILER_TOP_EN, rng.randrange(1, 3))
    end = [b.format(tags=tags, **people) for b in rng.sample(v.BOILER_END_ID if idn else v.BOILER_END_EN, rng.randrange(2, 4))]
    return Piece(title, name, domain, lang, date, author, top, paras, end, [headline() for _ in range(4)])


def as_text(p: Piece) -> str:
    return "\n\n".join([*p.top, p.title, *p.paragraphs, *p.end]) + "\n"


def as_html(p: Piece) -> str:
    """The article as a news page: its story inside the outlet's chrome (:mod:`.page`)."""
    e = html.escape
    body = "\n".join(f"<p>{e(x)}</p>" if not x.isupper() else f'<div class="ad">{e(x)}</div>' for x in p.paragraphs)
    top = "".join(f"<span>{e(t)}</span>" for t in p.top)
    end = "".join(f"<p>{e(t)}</p>" for t in p.end)
    return page.render(p, body, top, end)


def generate(n: int, out: Path, seed: int = SEED, html_pages: bool = True) -> dict:
    """Write ``n`` articles under ``out`` (as text, and as HTML pages unless `html_pages` is false) unless a
    matching archive is already there."""
    stamp = out / "manifest.json"
    kinds = ["text", "html"] if html_pages else ["text"]
    if stamp.exists():
        manifest = json.loads(stamp.read_text())
        if manifest.get("version") == VERSION and manifest.get("seed") == seed and manifest.get("n") == n \
                and set(kinds) <= set(manifest.get("kinds", ["text", "html"])):
            return manifest
    text_bytes = html_bytes = 0
    for i in range(n):
        p = article(seed, n, i)
        shard = f"{i // SHARD:04d}"
        for kind in kinds:
            body = as_text(p) if kind == "text" else as_html(p)
            folder = out / kind / shard
            if i % SHARD == 0:
                folder.mkdir(parents=True, exist_ok=True)
            data = body.encode("utf-8")
            (folder / f"{i:06d}.{'txt' if kind == 'text' else 'html'}").write_bytes(data)
            if kind == "text":
                text_bytes += len(data)
            else:
                html_bytes += len(data)
    # Queries for the trace: keys of stories spread over the whole range, hot and cold alike.
    n_st = stories_for(n)
    queries = [story(seed, s).key for s in sorted({int(n_st * k / 9) for k in range(9)})]
    manifest = dict(version=VERSION, seed=seed, n=n, kinds=kinds, text_bytes=text_bytes, html_bytes=html_bytes,
                    queries=queries)
    stamp.write_text(json.dumps(manifest, indent=1))
    return manifest


if __name__ == "__main__":
    size, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(json.dumps(generate(size, folder)))
