from provenance.clean import clean_text


def test_clean_keeps_text():
    assert "Kazakhstan" in clean_text("Kazakhstan joins.\n").body
