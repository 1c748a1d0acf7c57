"""Metadata forms: datelines (outlet as written), dates in Indonesian and English, language."""

import pytest

from provenance.clean.meta import find_date, find_outlet, guess_language


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Jakarta, IDN Times - Presiden berpidato", "IDN Times"),
        ("WASHINGTON (Reuters) - The Senate voted", "Reuters"),
        ("(CNN) The president said", "CNN"),
        ("Liputan6.com, Teheran - Iran menyatakan", "Liputan6.com"),
        ("Kompas.com - Pemerintah menyiapkan", "Kompas.com"),
        ("**TEHERAN, KOMPAS.com** -- Iran dilaporkan", "KOMPAS.com"),
        ("Pantau - Pemerintah menyiapkan", "Pantau"),
        ("Jakarta, Pahami.id", "Pahami.id"),
        ("Jakarta - Menteri menjelaskan", None),
        ("WASHINGTON- Presiden Amerika", None),
        ("Amerika Serikat(AS) telah mengerahkan pesawat", None),
    ],
)
def test_outlet_from_dateline(line, outlet):
    assert find_outlet(line) == outlet


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("pada Jumat, 7 November 2025 malam", "2025-11-07"),
        ("kata dia, Jumat (7/11/2025).", "2025-11-07"),
        ("RELATED COVERAGE NOV. 2, 2017", "2017-11-02"),
        ("published 2019-11-20T08:00:00Z", "2019-11-20"),
        ("Rabu, 18 Juni 2025 | 16:52 WIB, lalu 1 Mei 2024", "2025-06-18"),
        ("pada Kamis (6/11) lalu", None),
    ],
)
def test_dates(text, iso):
    assert find_date(text) == iso


def test_language_guess():
    assert guess_language("Presiden mengatakan bahwa pemerintah akan membantu warga yang terdampak.") == "id"
    assert guess_language("The president said that the government will help the people in the area.") == "en"
    assert guess_language("12 34") is None
