"""core/sanitize.py: unsafe code points are shown, never passed or dropped."""

from __future__ import annotations

from pubcomment.core import sanitize


def test_every_unsafe_code_point_is_unprintable() -> None:
    """The fast path trusts str.isprintable(): no unsafe code point may be printable."""
    printable_unsafe = [f"U+{c:04X}" for c in range(0x110000) if chr(c).isprintable() and sanitize._UNSAFE.match(chr(c))]
    assert printable_unsafe == []


def test_unsafe_code_points_beside_safe_unprintables_are_shown() -> None:
    for unsafe in ("\u202e", "\x07", "\ufdd0", "\U0010ffff", "\ud842"):
        text = f"御意見\u3000です。\n\t{unsafe}終わり\r\n"
        shown, found = sanitize.visible(text)
        assert found == [f"U+{ord(unsafe):04X}"]
        assert f"［U+{ord(unsafe):04X}］" in shown and unsafe not in shown


def test_safe_text_is_kept_as_it_is() -> None:
    text = "市民の御意見\u3000です。\n\t改行\r\n 空白\u00a0も"
    assert sanitize.visible(text) == (text, [])
