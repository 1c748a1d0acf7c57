from pathlib import Path

import pytest

from provenance.errors import RuleError
from provenance.registry import load_registry


def test_aliases_resolve_to_canonical_names():
    r = load_registry()
    assert len(r) >= 300
    for alias, name in [("NYT", "The New York Times"), ("NY Times", "The New York Times"),
                        ("Agensi Anadolu", "Anadolu Agency"), ("kantor berita Turki Anadolu", "Anadolu Agency"),
                        ("AA", "Anadolu Agency"), ("Social Truth", "Truth Social"), ("Twitter", "X"),
                        ("detikINET", "Detik"), ("KompasTekno", "Kompas"), ("kompas.com", "Kompas")]:
        assert r.resolve(alias).name == name, alias


def test_finder_glue_and_strict_aliases():
    r = load_registry()
    found = [m.entry.name for m in r.find_all("dilansirReutersdanAl Arabiya; Metropolitan AA; di X; (AA)")]
    assert found == ["Reuters", "Al Arabiya", "X", "Anadolu Agency"]


def test_user_file_adds_entries_and_bad_file_names_itself(tmp_path: Path, monkeypatch):
    good = tmp_path / "mine.toml"
    good.write_text('entries = [{name="Warta Contoh", kind="outlet", aliases=["WartaContoh.id"]}]\n')
    monkeypatch.setenv("PROV_OUTLETS", str(good))
    assert load_registry().resolve("WartaContoh.id").name == "Warta Contoh"
    bad = tmp_path / "bad.toml"
    bad.write_text('entries = [{name="Y", kind="newspaper"}]\n')
    with pytest.raises(RuleError, match="bad.toml"):
        load_registry([bad])
