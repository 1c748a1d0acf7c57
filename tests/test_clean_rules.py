"""Rule files: packaged rules load once, user files extend them, broken files fail with one clear line."""

import pytest

from provenance.clean import clean_text, load_rules
from provenance.clean.rules import packaged_rules
from provenance.errors import RuleError

USER_RULE = """
[[line]]
name = "house.promo"
kind = "ads"
reason = "our own site's subscription banner"
pattern = '^Langganan Koran Pagi'
"""


def test_packaged_rules_are_cached_and_named():
    rules = packaged_rules()
    assert rules is packaged_rules()
    names = [r.name for r in rules.blocks + rules.lines + rules.inline]
    assert len(names) == len(set(names)) and all(r.reason for r in rules.lines)


def test_user_file_extends_packaged_rules(tmp_path, monkeypatch):
    monkeypatch.delenv("PROV_RULES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    path = tmp_path / "mine.toml"
    path.write_text(USER_RULE, encoding="utf-8")
    text = "Hujan turun deras di kota itu sejak sore, kata warga setempat.\nLangganan Koran Pagi sekarang juga"
    assert "Langganan" in clean_text(text).body
    rules = load_rules([path])
    assert len(rules) == len(packaged_rules()) + 1
    result = clean_text(text, rules)
    assert "Langganan" not in result.body and result.removed[0].rule == "house.promo"


def test_default_user_file_applies_when_rules_is_none(tmp_path, monkeypatch):
    path = tmp_path / "env.toml"
    path.write_text(USER_RULE, encoding="utf-8")
    monkeypatch.setenv("PROV_RULES", str(path))
    text = "Hujan turun deras di kota itu sejak sore, kata warga setempat.\nLangganan Koran Pagi sekarang juga"
    assert "Langganan" not in clean_text(text).body


def test_default_location_from_env(tmp_path, monkeypatch):
    path = tmp_path / "env.toml"
    path.write_text(USER_RULE, encoding="utf-8")
    monkeypatch.setenv("PROV_RULES", str(path))
    assert len(load_rules()) == len(packaged_rules()) + 1


def test_default_location_in_config_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("PROV_RULES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "prov").mkdir()
    (tmp_path / "prov" / "rules.toml").write_text(USER_RULE, encoding="utf-8")
    assert len(load_rules()) == len(packaged_rules()) + 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[line]\nname=", "not valid TOML"),
        ('[[line]]\nname = "x"\nreason = "r"\npattern = "(unclosed"\n', "bad pattern"),
        ('[[line]]\nname = "x"\npattern = "a"\n', "'reason'"),
        ('[[block]]\nname = "x"\nreason = "r"\nstart = "a"\nmember = "@nonsense"\n', "unknown member predicate"),
        ('[[lines]]\nname = "x"\n', "unknown section"),
    ],
)
def test_malformed_rule_file_names_the_file(tmp_path, monkeypatch, content, message):
    monkeypatch.delenv("PROV_RULES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "none"))
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([path])
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def test_missing_rule_file(tmp_path):
    with pytest.raises(RuleError, match="cannot read rule file"):
        load_rules([tmp_path / "nope.toml"])
