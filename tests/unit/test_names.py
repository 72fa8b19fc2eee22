"""The built-in detector of personal names (core/names.py): each kind of context, and what is no name.

All names here are made up (見本).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pubcomment import cli
from pubcomment.core import intake, names, privacy


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in names.find(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # honorifics, in kanji and in kana
        ("先日、佐藤さんに相談した。", "佐藤"),
        ("窓口で佐藤花子様に対応していただいた。", "佐藤花子"),
        ("市長の福田氏が述べた方針に賛成です。", "福田"),
        ("同級生の田辺君が使っている。", "田辺"),
        ("課長の山口殿にあてて書きます。", "山口"),
        ("小林先生の講演会で学びました。", "小林"),
        ("隣の林さくらちゃんも喜んでいます。", "林さくら"),
        ("区役所市民課佐藤様", "佐藤"),
        # an unknown surname before an honorific
        ("上司の福留さんに聞きました。", "福留"),
        # katakana names
        ("英語の先生のマイケルさんが言っていました。", "マイケル"),
        ("ジョン・スミスさんが英語の案内を望んでいます。", "ジョン・スミス"),
        # a name with a space in it
        ("当日は千葉 正樹さんにも来ていただいた。", "千葉 正樹"),
        ("祖父の菊地 清は紙の広報を楽しみにしています。", "菊地 清"),
        # titles that need a person
        ("以前、松本課長にお話ししました。", "松本"),
        ("清水議員の質問でも取り上げられた。", "清水"),
        ("見本大学の橋本教授が紹介した事例です。", "橋本"),
        # labels
        ("窓口の待ち時間が長い（氏名：高橋 一郎）", "高橋 一郎"),
        ("【氏名】渡辺 次郎\n【意見】説明書を分かりやすくしてください。", "渡辺 次郎"),
        ("お名前：近藤 美穂", "近藤 美穂"),
        ("提出者：見本 花子", "見本 花子"),
        # より, と申します, です opening the text
        ("オンライン申請を増やしてください。鈴木花子より", "鈴木花子"),
        ("私は前田と申します。見本市北区に住んでいます。", "前田"),
        ("斎藤です。子育て世代の意見です。", "斎藤"),
        # signatures: a line of a place and a name, what follows the last 。
        ("計画の案に賛成します。\n中原区 山田太郎", "山田太郎"),
        ("よろしくお願いします。\n見本市南区\u3000青木", "青木"),
        ("以上です。\n中原区在住\u3000菅原 陽介", "菅原 陽介"),
        ("よろしくお願いいたします。渡辺", "渡辺"),
        # a known surname and a given name, with nothing around them
        ("息子の高橋健太が通う小学校です。", "高橋健太"),
        ("妻の山本恵子も同じ意見です。", "山本恵子"),
        ("高齢の母（伊藤よし子、85歳）です。", "伊藤よし子"),
        ("祖母の金城ツル子は一人暮らしです。", "金城ツル子"),
        ("当社（株式会社見本テック、代表中村誠）は実績があります。", "中村誠"),
        ("夫の佐々木が申請で失敗しました。", "佐々木"),
    ],
)
def test_names_found(text: str, name: str) -> None:
    assert found(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        # wards, stations, places that are also surnames
        "中原区と高津区の区役所で、窓口の混雑に差があります。",
        "宮前区の鷺沼駅周辺にも案内を。",
        "川崎駅の近くに相談窓口を作ってほしい。",
        "中原図書館の開館時間を延ばしてください。",
        "長野県や新潟県の事例も参考にしてください。",
        "中原",
        "計画案に賛成です。\n見本市在住",
        # officials' titles with no person
        "川崎市長には、急ぎすぎないようお願いしたい。",
        "担当者の説明が不十分でした。",
        "窓口の担当者様には感謝しています。",
        "総務課長の説明を聞きました。",
        "市議会議員の質問を聞きました。",
        # single-kanji surnames as words
        "林の中の遊歩道に案内板を付けてください。",
        "森林公園の駐車場の予約をオンラインに。",
        "原っぱで遊べる公園を増やしてください。",
        "岸辺の遊歩道が暗いです。",
        "東口のバス乗り場が分かりにくい。",
        # words before an honorific
        "市民の皆様の声を聞いてください。",
        "利用者様目線の改善をお願いします。",
        "お客様アンケートの結果も公開して。",
        "奥さんに勧められて試しました。",
        "看護師さんや保育士さんの手続も簡単に。",
        "業者さんに頼らずに。",
        "スタッフさんの対応がよかったです。",
        "同様の意見が他にもあります。",
        "行政多様のオンライン化が進む。",
        "様々な世代が使えるように。",
        "学校の先生に聞いたところ大変だそうです。",
        "校長先生の説明会に参加しました。",
        # organisations
        "山田商店さんのようなお店でも使えるように。",
        "株式会社山田様の事例を紹介してください。",
        "提出者：見本市町内会連合会",
        # labels with no name, or none given
        "氏名の記載を任意にしてください。",
        "氏名：非公開",
        "お名前：匿名",
        "氏名：■■■",
        # the mark of withheld text before 様
        "■■■様からの御意見",
    ],
)
def test_no_name_found(text: str) -> None:
    assert found(text) == []


def test_the_list_of_surnames_is_read() -> None:
    known, weak = names.surnames()
    assert len(known) >= 1000 and {"佐藤", "鈴木", "高橋"} <= known
    assert {"中原", "高津", "宮前", "林", "森"} <= weak and "佐藤" not in weak
    assert names.available() and privacy.names_available()


def test_names_become_the_privacy_warning_masked() -> None:
    texts = ["窓口の佐藤花子様に感謝します。", "電話は03-1234-5678、担当の鈴木さん"]
    result = privacy.find(texts)
    assert [[(f.kind, texts[i][f.start : f.end]) for f in r] for i, r in enumerate(result)] == [
        [("name", "佐藤花子")],
        [("phone", "03-1234-5678"), ("name", "鈴木")],
    ]
    assert result[0][0].masked(texts[0]) == "佐藤＊＊"
    assert privacy.find(texts, names=False)[0] == []


def test_check_finds_names_with_nothing_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy, "ginza_available", lambda: False)
    data = tmp_path / "c.yaml"
    data.write_text(
        "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"
        "opinions:\n  - {summary: 窓口の見本さんが親切でした。鈴木花子より, response: 考え方}\n",
        encoding="utf-8",
    )
    assert cli.main(["check", str(data), "--root", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "not checked" not in out
    assert f"{data}:5: opinion 1 may hold personal information: 個人名「見本＊」 in 'summary'、個人名「鈴木＊＊」 in 'summary'" in err
    assert "花子" not in err
    assert cli.main(["check", str(data), "--root", str(tmp_path), "--no-names"]) == 0


def test_import_reports_personal_information_at_its_cell(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text("No,意見の要旨\n1,計画に賛成です。\n2,窓口の高橋さんに感謝します。\n3,電話は090-0000-1234です\n", encoding="utf-8")
    report = intake.import_opinions(source, tmp_path / "data")
    said = [(p.subtype.value, p.line, p.message.split(":")[0]) for p in report.problems]
    assert said == [
        ("privacy", 3, "the opinion No. 2 may hold personal information"),
        ("privacy", 4, "the opinion No. 3 may hold personal information"),
    ]
    assert "高橋＊" in report.problems[0].message and "090-0000" not in report.problems[1].message
    lines = "\n".join(report.lines())
    assert f"{source}:3: the opinion No. 2" in lines
    assert [p.line for p in intake.import_opinions(source, tmp_path / "data", names=False).problems] == [4]


@pytest.mark.parametrize("line", ["本村", "当町", "見本村", "川崎市", "見本市北区"])
def test_a_body_on_a_line_of_its_own_is_no_signature(line: str) -> None:
    """A village that calls itself 本村 (a surname too) and a body's name are no one's signature."""
    assert names.find(f"御意見です。\n{line}") == []


@pytest.mark.parametrize("surname", ["中村", "木村", "北村"])
def test_a_surname_that_ends_as_a_village_still_signs(surname: str) -> None:
    text = f"御意見です。\n{surname}"
    assert [text[a:b] for a, b in names.find(text)] == [surname]
