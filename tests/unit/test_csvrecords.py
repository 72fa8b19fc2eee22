"""core/csvrecords.py: records read again after an edit are the records of the whole text.

Random edits (characters, quotes, commas, line breaks, whole rows) of messy
CSV texts, each read again from the reading before it and compared with a
reading of the whole text, records, lines and errors alike.
"""

from __future__ import annotations

import random

import pytest

from pubcomment.core.csvrecords import read_again, read_records

HEADER = "No,項目,意見の要旨,本市の考え方,区分,提出ID\n"
TEXTS = [
    HEADER + "".join(f"{n},a,意見{n}です。,回答{n}。,B,S{n}\n" for n in range(1, 40)),
    HEADER + "".join(f'{n},a,"二行の\n意見{n}、""引用""あり",回答,D,S{n}\n' for n in range(1, 30)),
    HEADER + '1,a,ab"c,回答,B,S1\n\n2,b,"閉じない,回答,B,S2\n3,c,次,回答,B,S3\n',
    HEADER.replace("\n", "\r\n") + "".join(f"{n},a,意見{n},回答,B,S{n}\r\n" for n in range(1, 20)),
    HEADER.replace(",", "\t") + "".join(f"{n}\ta\t意見{n}\t回答\tB\tS{n}\n" for n in range(1, 20)),
]
PIECES = ['"', ",", "\n", "\r\n", "\r", "字", '""', "\t", "9,z,新しい行,回答,C,S9\n", ""]


def _edit(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text) + 1)
        cut = rng.choice([0, 0, 1, 2, rng.randint(0, 40)])
        text = text[:at] + rng.choice(PIECES) + text[at + cut :]
    return text


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_records_read_again_are_the_whole_texts(index: int) -> None:
    rng = random.Random(index)
    text = TEXTS[index]
    delimiter = "\t" if index == 4 else ","
    last = read_records(text, delimiter)
    for _ in range(400):
        text = _edit(text, rng)
        again = read_again(last, text, delimiter)
        whole = read_records(text, delimiter)
        assert (again.records, again.error) == (whole.records, whole.error), repr(text[:200])
        last = again


def test_untouched_records_are_the_last_readings() -> None:
    text = TEXTS[0]
    last = read_records(text, ",")
    again = read_again(last, text.replace("意見20です。", '"意見20を\n直しました。"'), ",")
    assert [a is b for a, b in zip(last.records[:20], again.records[:20], strict=True)] == [True] * 20
    assert again.records[20][1:] == (21, 22)  # the edited record, a line longer
    assert again.records[21][1:] == (23, 23) and again.records[21][0] == last.records[21][0]  # moved a line down


def test_the_lines_read_are_those_of_a_stringio() -> None:
    """Records are read from the text's lines as they are found, without a StringIO's copy
    of the whole text (four bytes a character); the lines must be the same, line breaks
    the csv module does not count as such (U+2028, NEL, form feed) included."""
    import io

    from pubcomment.core.csvrecords import _lines

    pieces = ["a", "あ", ",", '"', "\n", "\r", "\r\n", "\u2028", "\x85", "\x0c", "\x1e", ""]
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert list(_lines(text)) == list(io.StringIO(text, newline="")), text
