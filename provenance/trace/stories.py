"""Stories among the matched articles, and the headline each asserts.

A query can match more than one story ("Trump" matches a summit and a trade deal), so headlines are found story by
story rather than over the whole match. Heads are each article's title and first sentence, where news states its
claim. Stories are peeled off one at a time:

1. the seed is the content word most heads use (ties: alphabetical), among the articles not yet in a story;
2. the headline is the words that more than half of the heads containing the seed use (and at least two heads):
   "Kazakhstan", "bergabung", "Abraham", "Accords";
3. the story is every remaining article whose head or body uses more than half of those words (a lead lost to
   boilerplate still has its body);
4. repeat while two or more articles remain and the seed is in two or more heads.

Heads of an unrelated story share the seed only by chance, so they stay under half and keep their own headline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .model import ArticleTrace
from .settings import Settings
from .text import content_words

MAX_STORIES = 50  # each pass is linear in the heads; a query matching more stories keeps the largest 50


@dataclass(frozen=True)
class Story:
    number: int
    headline: frozenset[str]
    articles: tuple[str, ...]  # ids, in report order
    need: int  # headline words a sentence must use to assert it

    def asserts(self, bag: frozenset[str] | set[str]) -> bool:
        return len(bag & self.headline) >= self.need


def lead(text: str, limit: int = 300) -> str:
    """The first sentence (or line) of a body: where a news article states its headline claim."""
    end = min((i for i in (text.find(". "), text.find("\n")) if i >= 0), default=len(text))
    return text[: min(end, limit)]


def need_for(headline: set[str] | frozenset[str]) -> int:
    """More than half of the headline, and at least two words: a mere "Abraham Accords" is not the claim."""
    return max(2, len(headline) // 2 + 1)


def find_stories(articles: Sequence[ArticleTrace], bodies: dict[str, str], s: Settings) -> list[Story]:
    heads = {a.id: frozenset(content_words(" ".join(filter(None, [a.title, lead(bodies.get(a.id, ""))])), s.stopwords, s.min_word)) for a in articles}
    body_bags: dict[str, frozenset[str]] = {}
    left = [a.id for a in articles]
    stories: list[Story] = []
    passes = 0
    while len(left) >= 2 and len(stories) < MAX_STORIES and passes < 4 * MAX_STORIES:
        passes += 1
        df = Counter(w for aid in left for w in heads[aid])
        if not df:
            break
        seed, n = min(df.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < 2:
            break
        near = [heads[aid] for aid in left if seed in heads[aid]]
        inner = Counter(w for bag in near for w in bag)
        headline = frozenset(w for w, k in inner.items() if 2 * k > len(near) and k >= 2)
        need = need_for(headline)
        members = []
        for aid in left:
            if len(heads[aid] & headline) < need:
                if aid not in body_bags:
                    body_bags[aid] = frozenset(content_words(bodies.get(aid, ""), s.stopwords, s.min_word))
                if len(body_bags[aid] & headline) < need:
                    continue
            members.append(aid)
        if len(members) < 2:
            # The seed's heads agree on too little to be one story: drop the seed word and look again.
            for aid in left:
                heads[aid] = heads[aid] - {seed}
            continue
        stories.append(Story(len(stories), headline, tuple(members), need))
        taken = set(members)
        left = [aid for aid in left if aid not in taken]
    return stories
