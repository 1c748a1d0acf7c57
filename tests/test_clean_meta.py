"""Metadata forms: datelines (outlet as written), dates in Indonesian and English, language."""

import pytest

from provenance.clean.meta import find_date, find_outlet, guess_language


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Jakarta, IDN Times - Presiden berpidato", "IDN Times"),
        ("WASHINGTON (Reuters) - The Senate voted", "Reuters"),
        ("(CNN) The president said", "CNN"),
        ("Liputan6.com, Medan - Warga memadati", "Liputan6.com"),
        ("Kompas.com - Pemerintah menyiapkan", "Kompas.com"),
        ("**BANDUNG, KOMPAS.com** -- Polisi menyelidiki", "KOMPAS.com"),
        ("Pantau - Pemerintah menyiapkan", "Pantau"),
        ("Jakarta, Pahami.id", "Pahami.id"),
        ("Jakarta - Gubernur meresmikan taman", None),
        ("WASHINGTON- Presiden Amerika", None),
        ("Amerika Serikat(AS) telah menyiapkan bantuan", None),
    ],
)
def test_outlet_from_dateline(line, outlet):
    assert find_outlet(line) == outlet


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("pada Jumat, 7 November 2025 malam", "2025-11-07"),
        ("kata dia, Jumat (7/11/2025).", "2025-11-07"),
        ("UPDATED DEC. 5, 2019", "2019-12-05"),
        ("published 2019-11-20T08:00:00Z", "2019-11-20"),
        ("Selasa, 4 Maret 2025 | 09:15 WIB, lalu 1 Mei 2024", "2025-03-04"),
        ("pada Kamis (6/11) lalu", None),
    ],
)
def test_dates(text, iso):
    assert find_date(text) == iso


def test_language_guess():
    assert guess_language("Presiden mengatakan bahwa pemerintah akan membantu warga yang terdampak.") == "id"
    assert guess_language("The president said that the government will help the people in the area.") == "en"
    assert guess_language("12 34") is None


def test_a_month_matched_only_through_case_folding_is_read_not_a_crash():
    # the date pattern is case-blind, so a long s ("ſep") or a Kelvin sign ("oKt") matches it
    assert find_date("Jakarta, ſep 5, 2020 - Harga beras naik.") == "2020-09-05"
    assert find_date("5 o\u212at 2021") == "2021-10-05"
