"""Review 13's leftover: pictures sorted by a file's property need no vision."""

import pytest

from council.need_words import needs_in_words


@pytest.mark.parametrize("text, vision", [
    ("Sort screenshots by the date in their filename.", False),
    ("Sort photos by file size.", False),
    ("Sort screenshots by the app shown in them.", True),
    ("Sort scanned images by the date written on the page.", True),
])
def test_a_files_property_is_not_what_it_shows(text, vision):
    assert any(n.capability == "vision" for n in needs_in_words(text)) == vision
