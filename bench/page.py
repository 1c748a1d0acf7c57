"""A synthetic article as a whole news page: the site's chrome around the story, sized like real news pages.

Extraction cost grows with a page's markup, not with its story, so the HTML benchmark is only fair when its pages
carry what real ones carry: head tags, inline scripts and styles, a navigation menu, ad slots, share bars, related
and most-read lists, a newsletter form, a footer of link columns, a cookie banner. The chrome is drawn per outlet
(each site has one layout) with per-article lists, and its sizes were set against the structure of the 181 real
news pages of the extraction benchmark (`../shared/corpus/extraction`; counts only, no text of theirs), medians with
the 10th and 90th percentiles:

=================  ==================  ==================
                   real pages          these pages
=================  ==================  ==================
bytes              115 k (51–289 k)    77 k (43–162 k)
elements           785 (343–1,246)     633 (480–948)
links              135 (50–256)        150 (112–192)
list items         90 (25–190)         119 (94–150)
divs               133 (43–259)        102 (64–204)
script characters  24 k (5.7–124 k)    35 k (9.7–113 k)
=================  ==================  ==================

trafilatura's extraction takes a little less time on these pages than on the real ones (13–15 ms against 17–18 ms
on average, in one process, one after the other), so the HTML ratios measured on them lean, if anything, against
prov. Chrome or not, trafilatura extracts the same story text: the cleaner and mapper see what they saw on a bare
page. A bare page (the story and a menu, ~6 KB) takes a fifth of the extraction time, which would make the cleaner's
and mapper's share of an HTML ingest look about four times larger than on a typical news page.

``python -m bench.page N`` prints these statistics for the first N pages of an archive.
"""

from __future__ import annotations

import html
import json
import math
import random
import zlib
from dataclasses import dataclass

from . import vocab as v

_SECTIONS_ID = ["Berita", "Nasional", "Daerah", "Ekonomi", "Bisnis", "Politik", "Hukum", "Olahraga", "Teknologi",
                "Hiburan", "Gaya Hidup", "Otomotif", "Internasional", "Opini", "Video", "Foto", "Infografis", "Kesehatan"]
_SECTIONS_EN = ["News", "World", "Asia", "Business", "Markets", "Politics", "Tech", "Science", "Sport", "Culture",
                "Opinion", "Video", "Podcasts", "Climate", "Health", "Travel", "Lifestyle", "Investigations"]
_JS = [
    'function {a}({b},{c}){{return {b}.getAttribute("data-"+{c})||null}}',
    'var {a}=document.querySelectorAll(".{k}");for(var {b}=0;{b}<{a}.length;{b}++){{{a}[{b}].classList.add("is-{k}")}}',
    'window.{a}=window.{a}||[];window.{a}.push({{event:"{k}",ts:Date.now(),id:{n}}});',
    '!function({a},{b}){{"object"==typeof exports?module.exports={b}():{a}.{k}={b}()}}(this,function(){{return{{v:{n}}}}});',
    '{a}.prototype.{k}=function({b}){{if(!{b})return;this.{c}={b}.slice(0,{n});this.emit("{k}",this.{c})}};',
    'googletag.cmd.push(function(){{googletag.defineSlot("/{n}/{k}",[[300,250],[336,280]],"{a}").addService(googletag.pubads())}});',
]
_CSS = [".{k}{{display:flex;margin:0 {n}px;padding:{n}px 0}}", ".{k}__{a}{{font:600 {n}px/1.4 system-ui,sans-serif;color:#{h}}}",
        "@media (max-width:{n}0px){{.{k}{{display:none}}.{k}--{a}{{width:100%}}}}", ".{k}:hover .{a}{{opacity:.{n};transition:all .2s}}"]
_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M{n} 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"/></svg>'


@dataclass(frozen=True)
class Site:
    """One outlet's layout: how much of each kind of chrome its pages carry."""

    nav: int  # links in the main menu
    menu_groups: int  # sub-menus of the main menu
    footer: int  # links in the footer columns
    cards: int  # story cards (related, most read, more stories)
    script: int  # characters of inline script
    style: int  # characters of inline style
    icons: bool  # inline SVG icons on share and social links


def _site(outlet: str) -> Site:
    rng = random.Random(f"site:{outlet}")
    logu = lambda lo, hi: int(math.exp(rng.uniform(math.log(lo), math.log(hi))))  # noqa: E731
    return Site(nav=rng.randrange(10, 60), menu_groups=rng.randrange(0, 5), footer=rng.randrange(12, 64),
                cards=rng.randrange(8, 60), script=logu(7_000, 150_000),
                style=logu(200, 3_000) if rng.random() < 0.6 else logu(3_000, 60_000), icons=rng.random() < 0.6)


def _ident(rng: random.Random) -> str:
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randrange(1, 4)))


def _code(rng: random.Random, templates: list[str], size: int) -> str:
    """Minified-looking code of about `size` characters."""
    out, n = [], 0
    while n < size:
        piece = rng.choice(templates).format(a=_ident(rng), b=_ident(rng), c=_ident(rng), k=rng.choice(v.SYLLABLES) + _ident(rng),
                                             n=rng.randrange(1, 99), h=f"{rng.randrange(1 << 24):06x}")
        out.append(piece)
        n += len(piece)
    return "".join(out)


def _headline(rng: random.Random, idn: bool) -> str:
    place = "".join(rng.choice(v.SYLLABLES) for _ in range(3)).capitalize()
    topic = rng.choice(v.TOPIC_ID if idn else v.TOPIC_EN)
    claim = rng.choice(v.CLAIM_ID if idn else v.CLAIM_EN).format(topic=topic, place=place, year=rng.randrange(2024, 2030),
                                                                 num=rng.randrange(2, 90), num2=rng.randrange(1, 9))
    return claim[0].upper() + claim[1:]


def _card(rng: random.Random, e, idn: bool, headline: str, k: int) -> str:
    slug = zlib.crc32(headline.encode()) % 10_000_000
    section = rng.choice(_SECTIONS_ID if idn else _SECTIONS_EN)
    ago = f"{rng.randrange(1, 59)} {'menit lalu' if idn else 'min ago'}"
    img = f"/img/{slug}"
    return (f'<div class="card card--{k % 3}" data-position="{k}" data-id="{slug}"><a class="card__link" href="/read/{slug}/{k}">'
            f'<div class="card__media"><picture><source type="image/webp" srcset="{img}-320.webp 320w, {img}-640.webp 640w">'
            f'<img src="{img}-320.jpg" alt="" loading="lazy" width="320" height="180"></picture></div>'
            f'<div class="card__body"><span class="card__section">{section}</span><h3 class="card__title">{e(headline)}</h3>'
            f'<time class="card__time">{ago}</time></div></a></div>')


def _links(rng: random.Random, e, labels: list[str], n: int, prefix: str, icon: bool = False) -> str:
    out = []
    for k in range(n):
        label = labels[k % len(labels)] + ("" if k < len(labels) else f" {k // len(labels) + 1}")
        mark = _ICON.format(n=k % 9 + 1) if icon else ""
        out.append(f'<li class="{prefix}__item"><a class="{prefix}__link" href="/{prefix}/{label.lower().replace(" ", "-")}">{mark}{e(label)}</a></li>')
    return "".join(out)


def render(p, body: str, top: str, end: str) -> str:
    """The page of piece `p` (a ``generate.Piece``) around its rendered story: `body` (paragraphs), `top` (the share
    bar's boilerplate) and `end` (credits)."""
    e = html.escape
    site = _site(p.outlet)
    rng = random.Random(f"page:{p.outlet}:{p.title}")
    idn = p.lang == "id"
    sections = _SECTIONS_ID if idn else _SECTIONS_EN
    url = f"https://{p.domain}/read/{zlib.crc32(p.title.encode())}"
    lead = html.unescape(body.split("</p>", 1)[0].split(">", 1)[-1])[:160]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": p.title, "datePublished": p.date,
                     "author": {"@type": "Person", "name": p.author}, "publisher": {"@type": "Organization", "name": p.outlet},
                     "mainEntityOfPage": url, "image": [f"{url}/cover.jpg"]}, ensure_ascii=False)
    script_head, script_body = _code(rng, _JS, site.script // 3), _code(rng, _JS, site.script - site.script // 3)
    style = _code(rng, _CSS, site.style)
    groups = "".join(
        f'<div class="mega__group"><h4 class="mega__title">{e(sections[g % len(sections)])}</h4><ul class="mega__list">'
        f'{_links(rng, e, rng.sample(sections, 8), 8, "mega")}</ul></div>' for g in range(site.menu_groups))
    headlines = [*p.related, *(_headline(rng, idn) for _ in range(site.cards + 10))]
    related = "".join(_card(rng, e, idn, h, k) for k, h in enumerate(headlines[: max(4, site.cards // 3)]))
    more = "".join(_card(rng, e, idn, h, k) for k, h in enumerate(headlines[max(4, site.cards // 3): site.cards]))
    ticker = "".join(f'<div class="ticker__item"><a href="/read/t{k}">{e(h)}</a></div>' for k, h in enumerate(headlines[-15:-10]))
    popular = "".join(f'<li class="popular__item"><a href="/read/{k}">{e(h)}</a></li>' for k, h in enumerate(headlines[-10:]))
    share = _links(rng, e, ["Facebook", "X", "WhatsApp", "Telegram", "LinkedIn", "Email"], 6, "share", site.icons)
    tags = _links(rng, e, [p.title.split(":")[0], *rng.sample(sections, 4)], 5, "tag")
    cols = "".join(f'<div class="footer__col"><h4>{e(sections[c])}</h4><ul>{_links(rng, e, sections, site.footer // 4, "footer")}</ul></div>'
                   for c in range(4))
    social = _links(rng, e, ["Facebook", "Instagram", "X", "YouTube", "TikTok"], 5, "social", site.icons)
    ad = lambda where: f'<div class="ad-slot ad-slot--{where}" id="div-gpt-ad-{where}" data-slot="{where}"><div class="ad-slot__label">Advertisement</div></div>'  # noqa: E731
    caption = f"Foto: Dok. {p.outlet}" if idn else f"Photo: {p.outlet}"
    return f"""<!DOCTYPE html>
<html lang="{p.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(p.title)} - {e(p.outlet)}</title><meta name="description" content="{e(lead)}">
<meta property="og:site_name" content="{e(p.outlet)}"><meta property="og:title" content="{e(p.title)}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:image" content="{url}/cover.jpg"><meta name="twitter:card" content="summary_large_image">
<meta name="author" content="{e(p.author)}"><meta property="article:published_time" content="{p.date}T08:00:00+07:00">
<link rel="canonical" href="{url}"><link rel="amphtml" href="{url}/amp"><link rel="preload" href="/fonts/main.woff2" as="font" crossorigin>
<link rel="stylesheet" href="/assets/main.{rng.randrange(1 << 32):08x}.css"><link rel="icon" href="/favicon.ico">
<style>{style}</style>
<script type="application/ld+json">{ld}</script>
<script>{script_head}</script>
</head><body class="page page--article">
{ad("top")}
<header class="site-header"><div class="site-header__inner"><a class="logo" href="/">{e(p.outlet)}</a>
<div class="ticker"><span class="ticker__label">{"Terkini" if idn else "Latest"}</span>{ticker}</div>
<nav class="main-nav"><ul class="main-nav__list">{_links(rng, e, sections, site.nav, "nav")}</ul></nav>
<div class="mega">{groups}</div>
<form class="search" action="/search"><input type="search" name="q"><button type="submit">{"Cari" if idn else "Search"}</button></form></div></header>
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/{sections[0].lower()}">{e(sections[0])}</a></li></ol></nav>
<div class="layout"><main class="layout__main"><article class="article"><h1>{e(p.title)}</h1>
<div class="byline">By {e(p.author)} · <time datetime="{p.date}">{p.date}</time></div>
<div class="share">{top}<ul class="share__list">{share}</ul></div>
<figure class="article__figure"><img src="{url}/cover.jpg" alt="" width="1200" height="675"><figcaption>{e(caption)}</figcaption></figure>
{body}
<div class="credits">{end}</div>
<div class="tags"><ul>{tags}</ul></div>
{ad("inline")}
<section class="related"><h2>{"Berita Terkait" if idn else "Related"}</h2><div class="cards">{related}</div></section>
<section class="comments"><h2>{"Komentar" if idn else "Comments"}</h2><div id="comments" data-thread="{zlib.crc32(url.encode())}"></div></section>
</article></main>
<aside class="layout__side">{ad("side")}<section class="popular">{ad("side-2")}<h2>{"Terpopuler" if idn else "Most read"}</h2><ol>{popular}</ol></section>
<div class="newsletter"><form action="/subscribe"><input type="email" name="email"><button type="submit">{"Langganan" if idn else "Subscribe"}</button></form></div></aside></div>
{ad("bottom")}<section class="more"><h2>{"Berita Lainnya" if idn else "More stories"}</h2><div class="cards cards--grid">{more}</div></section>
<footer class="site-footer"><div class="footer__cols">{cols}</div><ul class="social">{social}</ul><p>&copy; {e(p.outlet)}</p></footer>
<div class="cookie-banner"><p>{"Kami menggunakan cookie untuk pengalaman terbaik." if idn else "We use cookies to improve your experience."}</p><button>OK</button></div>
<script>{script_body}</script>
</body></html>
"""


def stats(pages: list[str]) -> dict[str, tuple[int, int, int]]:
    """Median, 10th and 90th percentile of the docstring's structure counts over `pages`."""
    from lxml import html as lxml_html

    rows: dict[str, list[int]] = {k: [] for k in ("bytes", "elements", "links", "list items", "divs", "script characters")}
    for page in pages:
        tree = lxml_html.fromstring(page)
        rows["bytes"].append(len(page.encode("utf-8")))
        rows["elements"].append(sum(1 for _ in tree.iter()))
        for key, tag in (("links", "a"), ("list items", "li"), ("divs", "div")):
            rows[key].append(len(tree.findall(f".//{tag}")))
        rows["script characters"].append(sum(len(s.text or "") for s in tree.findall(".//script")))
    out = {}
    for key, values in rows.items():
        values.sort()
        out[key] = (values[len(values) // 2], values[len(values) // 10], values[len(values) * 9 // 10])
    return out


if __name__ == "__main__":
    import sys

    from .generate import SEED, article, as_html

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for key, (med, lo, hi) in stats([as_html(article(SEED, 10_000, i)) for i in range(n)]).items():
        print(f"{key:18s} {med:>8,} ({lo:,}–{hi:,})")
