"""A file of records written again from its last version: the same bytes as written anew, and only what changed encoded."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from pubcomment.core import loader, opendata, recordfile
from pubcomment.html.opendata import _write_records

HEAD, SEPARATOR, TAIL = b"[\n  ", b",\n  ", b"\n]\n"


def records(texts: list[str], made: list[str]) -> list[recordfile.Record]:
    def encoder(text: str):
        def encode() -> bytes:
            made.append(text)
            return json.dumps(text, ensure_ascii=False).encode("utf-8")

        return encode

    return [(hashlib.blake2b(t.encode(), digest_size=16).digest(), encoder(t)) for t in texts]


def written(
    path: Path, texts: list[str], last: recordfile.Layout | None = None, context: bytes = b"v1"
) -> tuple[bytes, list[str], recordfile.Layout]:
    """Write ``texts`` to ``path`` (from its last version when ``last`` is given): the bytes, what was encoded, the layout."""
    made: list[str] = []
    new = path.with_suffix(".new")
    with new.open("wb") as out, path.open("rb") if last is not None else io.BytesIO() as old:
        done = recordfile.write(out, HEAD, records(texts, made), SEPARATOR, TAIL, context=context, last=last, old=old)
    new.replace(path)
    return path.read_bytes(), made, done.layout(path)


def anew(texts: list[str]) -> bytes:
    return HEAD + SEPARATOR.join(json.dumps(t, ensure_ascii=False).encode("utf-8") for t in texts) + TAIL if texts else HEAD + TAIL


TEXTS = [f"意見{i}：「{'あ' * (i % 7)}」" for i in range(40)]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: [*t[:17], "書き換えた意見", *t[18:]],  # one record edited
        lambda t: t[:5] + t[6:],  # one removed
        lambda t: [*t[:9], "新しい意見", *t[9:]],  # one added
        lambda t: list(reversed(t)),  # every record moved
        lambda t: t + t[:3],  # the same records twice
        lambda t: [],  # none left
    ],
)
def test_written_again_it_is_the_file_written_anew(tmp_path: Path, change) -> None:
    path = tmp_path / "f.json"
    first, made, layout = written(path, TEXTS)
    assert first == anew(TEXTS) and made == TEXTS
    new_texts = change(TEXTS)
    again, made, _layout = written(path, new_texts, layout)
    assert again == anew(new_texts)
    assert made == [t for t in new_texts if t not in TEXTS]  # only what the last version lacks is encoded


def test_a_layout_is_trusted_only_for_its_file_and_context(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    _bytes, _made, layout = written(path, TEXTS)
    edited = [*TEXTS[:3], "三番目を直した", *TEXTS[4:]]
    _bytes, made, _layout = written(path, edited, layout, context=b"v2")  # other code or shared data: all made again
    assert made == edited
    _bytes, _made, layout = written(path, TEXTS)
    path.write_bytes(path.read_bytes().replace("意見1".encode(), "意見X".encode()))  # changed by someone else
    os.utime(path, ns=(1, 1))
    assert not layout.describes(path)
    assert not recordfile.Layout(b"", 16, b"", layout.starts, layout.ends, 0, 0).describes(tmp_path / "missing")


CONSULTATION = """\
title: 見本
body: {name: 見本市}
period: {start: 2025-06-02, end: 2025-07-01}
categories: [{key: A, label: 反映, description: 修正したもの}]
topics: [{id: t, title: 項目}, {id: u, title: 別の項目}]
opinions:
"""


def test_open_data_written_again_after_one_edit_is_the_same_as_written_anew(tmp_path: Path) -> None:
    opinions = [
        f'  - {{topic: {"tu"[i % 2]}, category: A, summary: "意見{i}\\n二行目", response: "考え方{i}", sections: ["第{i}章"]}}'
        for i in range(30)
    ]
    path = tmp_path / "c.yaml"

    def consultation(lines: list[str]):
        path.write_text(CONSULTATION + "\n".join(lines) + "\n", encoding="utf-8")
        loaded = loader.load_file(path, root=tmp_path)
        assert not loaded.problems
        return loaded.consultation

    site = tmp_path / "site"
    site.mkdir()
    layouts: dict[str, recordfile.Layout] = {}
    for lines in (opinions, [*opinions[:12], opinions[12].replace("考え方12", "考え方を改めた"), *opinions[13:]]):
        c = consultation(lines)
        expected = dict(opendata.files(c, "c"))
        for name, content in opendata.contents(c, "c"):
            if isinstance(content, opendata.RecordsFile):
                target = site / name
                last = layouts.get(name)
                layouts[name] = _write_records(target, content, last if last is not None and last.describes(target) else None)
                assert target.read_bytes() == expected[name]
    assert json.loads((site / opendata.JSON_FILE).read_bytes())["opinions"][12]["response"] == "考え方を改めた"


# Texts json escapes (quotes, backslashes, line ends, U+2028), lists of none, one and several items.
_AWKWARD = [
    '  - {topic: t, category: A, summary: "引用\\"と\\\\と\\n改行\\u2028と</script>(※)と(※)", response: "考え方", sections: [], '
    'summary_notes: ["注1", "注\\"2\\""], originals: ["受付1", "受付2", "受付3"], count: 3}',
    '  - {topic: t, category: A, summary: "　全角の空白で始まる", response: "考え方(※)", response_notes: ["注(※)の説明"]}',
]


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_json_is_json_dump_with_an_indent_of_two(tmp_path: Path, count: int) -> None:
    lines = [f'  - {{topic: t, category: A, summary: "意見{i}", response: "考え方", originals: ["受付{i}"]}}' for i in range(count)]
    lines += _AWKWARD if count == 3 else []
    path = tmp_path / "c.yaml"
    path.write_text(
        CONSULTATION.replace("opinions:\n", "opinions:" + (" []" if not count else "") + "\n") + "\n".join(lines) + "\n", encoding="utf-8"
    )
    c = loader.load_file(path, root=tmp_path).consultation
    assert opendata.json_bytes(c) == (json.dumps(opendata.json_data(c), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
