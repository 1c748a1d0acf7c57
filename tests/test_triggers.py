"""The mapper's per-sentence literal gate (speed only) never rules out a sentence one of its patterns matches."""

from provenance.attribution.anonymous import _ANONYMITY
from provenance.attribution.lexicon import CUE_FILES, _read, load_lexicon
from provenance.attribution.triggers import Present, triggers
from provenance.literals import LetterGate

CRAFTED = [
    "Artikel ini telah tayang di Kompas.com dengan judul X.", "Menurut laporan tersebut, harga naik.",
    "Dilansir Reuters, Senin (3/2), pejabat itu berkata.", "Dalam cuitannya, ia menulis.", "per person per day",
    "According to the report, prices rose.", "Dilansir \u212aompas, pejabat itu berkata.", "dilansirReuters",
    "The minister said prices rose.", "Officials spoke on condition of anonymity.", "İnstall", "ſaid the man", "",
    "“Kami tidak tahu,” kata seorang warga.", "Seorang pejabat AS mengatakan", "Two people familiar with the plans",
    "Trump tweeted: hello", "5per cent", "a source close to the matter said", "—ujarnya kepada wartawan",
]


def _texts() -> list[str]:
    """Sentences built around every cue phrase of the packaged lexicons, as written, upper-cased, glued to a name
    and with a letter that case-folds to ASCII."""
    phrases = []
    for file in CUE_FILES:
        data = _read(file)
        for table in (data["media"], data["speech"]):
            for value in table.values():
                words = value if isinstance(value, list) else [w for ws in value.values() for w in ws] \
                    if isinstance(value, dict) else []
                phrases += [w for w in words if isinstance(w, str) and "(" not in w]
    out = list(CRAFTED)
    for p in phrases:
        out += [f"Budi, {p} Ani.", f"“Ya,” {p} Budi", f"{p.upper()} BUDI", f"x{p}Reuters", f"{p.replace('k', 'K')} x",
                f"the official {p} the ministry", f"{p}, seorang pejabat"]
    return out


def test_gate_never_hides_a_match():
    lex = load_lexicon()
    trig = triggers(lex)
    checks = [(lex.according_rx, trig.according), (lex.anaphora_rx, trig.anaphora), (lex.unknown_rx, trig.unknown),
              (lex.syndication_rx, trig.syndication), (lex.inverted_rx, trig.inverted), (lex.verbs_rx, trig.verbs),
              (_ANONYMITY, trig.anonymity), *((rx, need) for (rx, _), need in zip(lex.implied, trig.implied, strict=True))]
    media = [(cue.rx, need) for cue, need in zip(lex.media_cues, trig.media_cues, strict=True)]
    for text in _texts():
        present = Present(trig, text)
        for rx, need in checks + media:
            if rx.search(text):
                assert present.may(need), (rx.pattern[:60], text)
                # (a sentence is skipped as quiet only without mentions, and then still searched for anaphora)
                assert (rx, need) in media or rx is lex.anaphora_rx or present.bits & trig.sentence, text
        cand = present.anonymous()
        for i, (rx, _) in enumerate(lex.anonymous):
            if cand is not None and rx.search(text):
                assert i in cand.rows, (rx.pattern[:60], text)


def test_whole_words_and_case_folding():
    gate = LetterGate([frozenset({"said"})], [frozenset({"per"})])
    said, per = gate.need(frozenset({"said"})), gate.need_words(frozenset({"per"}))
    assert gate.scan("He SAID so") & said and not gate.scan("He sai d so") & said
    assert gate.scan("5 per cent") & per and not gate.scan("a person") & per and gate.scan("(per)") & per
    assert gate.scan("\u212aelvin") == -1  # a character that case-folds to ASCII: every bit


def test_inverted_cue_read_as_a_whole_word():
    trig = triggers(load_lexicon())
    assert Present(trig, "“Ya,” jelasnya kepada wartawan.").may(trig.inverted)
    assert not Present(trig, "Ia menjelaskan bahwa harga bertambah.").may(trig.inverted)  # no whole cue word
