"""Personal names in a text, found with no language model: a list of surnames and the words around a name.

A name is found where the text says it is one:

* before an honorific (様・さん・氏・君・殿・先生・ちゃん・くん): 佐藤さん,
  山田太郎様, 高橋 一郎氏, 林さくらちゃん, マイケルさん; an unknown
  surname of two or three kanji too (福留様), unless it is a word for a role
  or a body (担当者様, 利用者様, 皆様, 奥さん, 同様, 業者さん);
* before a title that needs a person (課長・部長・議員・教授 …): 松本課長, 清水議員.
  市長・区長・知事 follow a place (川崎市長), and are not taken;
* after a label: 氏名：高橋 一郎, （氏名：…）, お名前: …, 【氏名】…, 提出者：…;
* before 「より」 ending a line, 「と申します」, or 「です」 opening the text: 鈴木花子より;
* as a signature: a line (or what follows the text's last 。) that is only a
  name, or a place and a name: 「中原区 山田太郎」, 「…お願いします。渡辺」;
* a known surname followed by a given name (山本恵子, 高橋健太): a common
  given name, or two kanji ending as given names do (…子, …郎, …美, …介).

A single-kanji surname (林・森・原・岸 …) and a surname that is also a place
or a word (中原・高津・宮前 are wards of Kawasaki, 長野 a prefecture; marked ``*``
in surnames.txt) count only with an honorific, a label or a signature, or
before a common given name: 中原区, 宮前駅, 林の中, 森林 are no names.  The
surname is not followed by a place's word (区・市・町・駅・線・通り …).
Organisations (山田商店, 株式会社見本) are no persons, and are not found.

The surnames are the package's ``surnames.txt`` (about 1,350 common ones).
:func:`find` reads a text once with a few regular expressions, so it costs
about as much as the other patterns of core/privacy.py (bench/README.md,
"Personal names").  It finds what a signature or an honorific makes plain,
not every name: a name with no word around it that is not on the list (or a
given name alone) is missed.  GiNZA (core/privacy.py) finds more, slowly.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, written a line of them at a time."""
    return frozenset(text.split())


# Kanji, with 々 (repetition), 〆 and the small ヶ of place names.
KANJI = "々〆ヵヶ\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_K = f"[{KANJI}]"
_HIRA = "[ぁ-ゖ]"
_KATA = "[ァ-ヺ][ァ-ヺー・＝]"
_SPACE = "[ \u3000]"

_RUN = re.compile(f"{_K}+")
_RUN_END = re.compile(f"{_K}+\\Z")

# Honorifics written in kanji end a run of kanji (山田様); those in kana follow it (山田さん).
KANJI_HONORIFICS = ("先生", "様", "氏", "君", "殿")
KANA_HONORIFICS = ("さん", "ちゃん", "くん", "さま")
# The first characters of what may follow a name (さん, より, と申します, です): most runs are followed by none.
_AFTER_STARTS = frozenset("さちくよとで")
# A kanji honorific is none after these: 多様, 同様, 同氏, 彼氏, 宮殿, 御殿.
_NOT_BEFORE = {
    "様": "多同一異仕模有左態別文紋図外今皆貴殿神仏王客奥若姫",
    "氏": "同両彼諸某",
    "君": "諸貴細",
    "殿": "宮御神貴湯本拝寝沈仏霊",
}
# A relative before a known surname with nothing after it: 夫の佐々木が.
_RELATIVE = re.compile(r"(?:夫|妻|父|母|祖父|祖母|息子|娘|兄|姉|弟|妹|叔父|叔母|伯父|伯母|友人|知人|同僚|上司|隣人|主人)の\Z")
# After a run: a name said as a name, the whole of it before these.
_SAID = re.compile(r"と申します|と申し上げ|といいます|と言います|と申す")
_FROM_END = re.compile(f"より(?:{_SPACE}|[。．.、！!）)」]|$)", re.M)
# Titles that need a person: 松本課長.  Not 市長, 区長, 町長, 知事: they follow a place (川崎市長).
TITLES = (
    "理事長",
    "委員長",
    "副会長",
    "副社長",
    "准教授",
    "弁護士",
    "税理士",
    "司法書士",
    "課長補佐",
    "課長",
    "部長",
    "係長",
    "室長",
    "所長",
    "院長",
    "校長",
    "園長",
    "会長",
    "社長",
    "店長",
    "議長",
    "議員",
    "委員",
    "教授",
    "医師",
    "主任",
    "主査",
    "監督",
    "記者",
    "代表",
)
_TITLE_ENDS = frozenset(t[-1] for t in TITLES)

# Common given names, checked after a known surname with nothing else around it (山田花子).
GIVEN = _words(
    """
    太郎 次郎 二郎 三郎 四郎 五郎 一郎 健一 健二 健太 健吾 浩一 浩二 浩 弘 博 宏 誠 修 学 茂 清 勇 進 豊 実 明 薫 隆
    正 昇 登 守 保 勉 悟 稔 毅 剛 功 武 聡 仁 翼 蓮 陸 優 葵 愛 光 望 渉 亮 隼 陽 大 翔 匠 拓 崇 隆之 隆志 孝 孝之
    誠一 誠二 正人 正樹 正和 正夫 和夫 和也 和彦 和子 一夫 一男 一樹 一成 大輔 大介 大樹 大和 大翔 大輝 直樹 直人 直子
    翔太 翔平 翔 拓也 拓海 達也 哲也 信也 裕也 雄一 雄太 雄大 秀樹 英樹 英二 英子 康介 洋介 洋平 洋子 陽子 陽介 陽太
    健 亮太 亮介 涼太 颯太 蒼 湊 樹 悠真 悠斗 悠人 陽翔 蓮 律 朝陽 結翔 大地 海斗 智也 智子 智美 聡子 聡美 俊介 俊夫 光男
    昭 昭夫 幸子 幸男 幸一 恵子 恵美 恵 美咲 美穂 美香 美紀 美樹 美奈子 美智子 真理子 真由美 由美 由美子 由紀 由香 由佳
    裕子 裕美 久美子 久子 京子 節子 洋美 典子 文子 和美 明美 明子 直美 直美 順子 純子 純一 淳 淳子 敦子 晴美 春子
    花子 桜 さくら 陽菜 結衣 結菜 葵 凛 芽依 莉子 美桜 結愛 陽葵 紬 杏 芽衣 咲 彩 彩花 彩香 綾 綾子 千尋 千秋 千代
    佳代 加代子 喜代子 富子 静子 清子 貞子 良子 敏子 冨美子 道子 正子 信子 悦子 弘子 広子 博子 寛子 秀子 美代子
    沙織 香織 詩織 麻衣 舞 瞳 愛子 愛美 優子 優香 優奈 優花 真由 真央 真衣 奈々 七海 菜々子 里美 里奈 理恵 理沙
    早苗 栄子 栄一 英一 賢一 賢治 健治 浩司 浩之 博之 裕之 秀人 隼人 勇気 勇人 勝 勝也 克也 克己 一輝 光 蒼空 晴 晴人
    五月 弥生 皐月 葉月 千里 瑞穂 瑞希 萌 萌花 楓 茜 翠 琴音 奏 響 雅 雅子 雅人 雅之 誠司 武志 健司 孝子 喜一
    金吾 源太 元気 亘 晃 聖 昌 薫子 徹 忠 勲 巌 栄 寛 裕 穣 譲 透 実 満 充 潤 渚 舞子 京介 圭 圭介 圭子 啓 啓介 恵一
    """
)
# Two kanji ending so are given names (…子, …郎, …美): 恵子, 健太.
GIVEN_ENDINGS = frozenset("郎子美恵奈菜香彦夫雄男介輔太樹也哉斗翔江枝乃穂希朗吾")
# … unless they are words: 様子, 工夫, 紹介, 長男, 援助.
NOT_GIVEN = _words(
    """
    様子 調子 利子 帽子 椅子 男子 女子 双子 王子 菓子 原子 電子 因子 分子 親子 母子 父子 妻子 息子 弟子 障子 扇子 格子 種子
    粒子 卵子 端子 冊子 拍子 振子 骨子 才子 団子 餃子 硝子 金子 君子 孫子 梯子 面子 杏子 原子 銚子
    新郎 優美 審美 賛美 褒美 知恵 恩恵 互恵 線香 工夫 丈夫 農夫 漁夫 人夫 英雄 雌雄 長男 次男 三男 下男 美男 紹介 仲介
    媒介 魚介 厄介 骨太 図太 果樹 植樹 快哉 北斗 泰斗 飛翔 入江 長江 小枝 稲穂 古希 明朗 公助 自助 共助 互助 扶助 援助 補助 救助
    介助 一太 丸太 甲斐 日和 中江 大江 細江 堀江 松江 近江 香奈 沖縄
    """
)
# A word after a surname-looking word that makes it a place: 中原区, 宮前駅, 高津図書館.
_PLACE_AFTER = frozenset("区市町村都道府県郡駅線通丁街橋台園店社院校館寺港署局課部室所庁会組商産業病医銀工大小中高川谷")
# Words that come before an honorific and are no name: 奥様, 皆さん, 同様, 神様.
NOT_NAMES = _words(
    """
    奥 皆 客 神 仏 王 殿 姫 若 貴 母 父 兄 姉 娘 孫 嫁 婿 妻 夫 隣 宮 御 同 両 彼 諸 某 源 姑 舅 主 叔 伯 甥 姪 嬢 坊 爺 婆
    息子 子供 子ども 家族 親御 親族 先方 相手 各位 皆々 同氏 多様 一様 異様 仕様 模様 有様 左様 態様 別様 文様 紋様 外様 殿様
    在住 在勤 在学 近所 大家 農家 主人 担当 店員 職員 議員 委員 社員 会員 役員 係員 教員 隊員 局員 署員 駅員 看護 医者 歯医者 患者 業者
    記者 作者 読者 若者 学者 役者 芸者 信者 使者 選者 筆者 話者 長者 賢者 聖者 勇者 亡者 王様 神様 仏様 奥様 皆様 若様
    お客 神主 和尚 住職 坊主 先輩 後輩 同僚 上司 部下 友人 知人 恩人 隣人 本人 当人 家内 旦那 女将 大将 親方 親分 師匠
    弟子 生徒 児童 学生 園児 先生 医師 恩師 講師 教師 牧師 技師 保母 保父 寮母 乳母 祖母 祖父 叔父 叔母 伯父 伯母 義母
    義父 義兄 義姉 兄弟 姉妹 夫婦 親子 赤 猫 犬 鳥 熊 象 虎 皇太子 天皇 皇后 陛下 殿下 閣下 猊下 貴殿 御中 同様 多様
    市長 区長 町長 村長 知事 首相 総理 大臣 議長 市民 区民 県民 町民 村民 都民 国民 住民 町内 地元 地域 団体 企業 会社
    法人 施設 行政 役所 役場 当局 消防 警察 病院 学校 大学 組合 協会 店舗 本部 事務局 運転手 担当者 利用者 申請者 保護者
    """
)
# … nor a word ending so (利用者様, 看護師さん, 八百屋さん, 子供さん), when the surname is unknown.
_NOT_NAME_ENDINGS = frozenset(
    "者員師士手工人生官医長方達等各位供族婦徒友嬢坊様殿君体業設舗合部局課係室会社院校館所庁省府県市区町村署店屋家民職主務団組側内外中用品物事件料金法案書類"
)
# Katakana words before さん that are no name: ヘルパーさん, スタッフさん.
NOT_KATAKANA = _words(
    """
    スタッフ ヘルパー ドライバー ボランティア ケアマネ ケアマネジャー ケアマネージャー パート アルバイト バイト オーナー ママ パパ
    ネコ イヌ ワン ニャン ガイド コーチ サポーター ナース シェフ マスター デザイナー エンジニア ベビー キャラ ファン ユーザー
    ゲスト ホスト メンバー チーム センター クライアント カスタマー オペレーター コンシェルジュ ペット トレーナー インストラクター
    カウンセラー コーディネーター ワーカー ソーシャルワーカー リーダー マネージャー マネジャー プロ アナウンサー タレント モデル
    キャスト クルー ヤクルト ポリス パン ケーキ カフェ ショップ ドクター ヘルプ マスコット サンタ ゆるキャラ ボス シッター
    ベビーシッター ホームヘルパー ケースワーカー ライター カメラマン ピアニスト ボーイ ガール レディ ジェントルマン オジ オバ
    """
)
# Labels of a name: 氏名：…, お名前: …, 【氏名】…; a space after the label alone only for 氏名.
_LABEL = re.compile(
    r"(?:(?:氏名|お名前|御名前|名前|ご芳名|芳名|提出者|意見提出者|投稿者|記入者|申出人|差出人|署名|フリガナ|ふりがな|ﾌﾘｶﾞﾅ)"
    r"(?:[ \u3000]*[:：]|】|\]|］)"
    r"|氏名[ \u3000]+)[ \u3000]*"
    r"(?P<value>[^\s、。，,：:（）()「」『』【】\[\]／/;；]{1,15}(?:[ \u3000][^\s、。，,：:（）()「」『』【】\[\]／/;；]{1,10}(?![:：]))?)"
)
# What a form puts in the name field when there is none.
NO_NAME_VALUES = _words(
    "非公開 匿名 省略 記載なし なし 無し 不明 未記入 無記名 略 特になし 非表示 本人 同上 ー － - 〃 ※ 未記載 記入なし 公表不可"
    " null None N/A"
)
# A label's value ending so is a body, no person: 提出者：見本市町内会連合会.
_BODY_ENDINGS = frozenset("会合社団局課部所店庁省府県市区町村組校院館園協連盟業")
# A signature: a line that is only a name, maybe after places (中原区, 見本市北区) and before (40代) or より.
_PLACES = f"(?P<place>(?:{_K}{{1,7}}?[都道府県市区町村郡](?:在住|在勤|在学)?{_SPACE}*)+)?"
_SIGNATURE = re.compile(
    rf"{_SPACE}*{_PLACES}"
    rf"(?P<name>{_K}{{1,4}}(?:{_SPACE}+{_K}{{1,3}})?|{_K}{{1,3}}{_HIRA}{{1,3}}子?|{_KATA}+(?:[ \u3000・＝]{_KATA}+)?)"
    rf"{_SPACE}*(?:[（(][^（）()\n]{{0,20}}[）)])?{_SPACE}*(?:より|拝|記)?{_SPACE}*"
)
_LAST = re.compile(r"[。．！？!?]([^。．！？!?\n]{1,30})\Z")
# A surname followed by a given name in hiragana: 伊藤よし子, 林さくらちゃん.
_KANA_GIVEN = re.compile(
    rf"({_K}{{1,3}})((?!さん|くん|ちゃん|さま|[のはがをにへともでやか])(?:(?:{_HIRA}{{1,3}}|[ァ-ヺ]{{1,3}})子(?!{_K})|{_HIRA}{{2,3}}(?=ちゃん|さん|くん|様)))"
)
_KATAKANA_HONORIFIC = re.compile(rf"(?<![ァ-ヺー])({_KATA}{{1,15}})(?:{_SPACE}?(?:さん|様|氏|くん|ちゃん|君|先生|殿))")
# Words after which a run is said with a name: 私は山田と申します … is found by _SAID; a role before a name: 代表中村誠.
ROLE_PREFIXES = (
    "代表",
    "担当",
    "長男",
    "長女",
    "次男",
    "次女",
    "三男",
    "三女",
    "息子",
    "祖父",
    "祖母",
    "会長",
    "社長",
    "部長",
    "課長",
    "係長",
    "院長",
    "校長",
    "園長",
    "店長",
    "議員",
    "委員",
    "主任",
    "職員",
    "娘",
    "妻",
    "夫",
    "父",
    "母",
    "孫",
    "兄",
    "姉",
    "弟",
    "妹",
)

STRONG, TITLE, SIGNED, PLAIN = "strong", "title", "signed", "plain"
_SURNAMES_FILE = Path(__file__).with_name("surnames.txt")


@functools.cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The surnames of surnames.txt, and those of them that are also places or words (marked ``*``)."""
    known, weak = set(), set()
    for line in _SURNAMES_FILE.read_text(encoding="utf-8").splitlines():
        name, _, mark = line.partition(" ")
        if not name or name.startswith("#"):
            continue
        known.add(name)
        if mark.strip() == "*" or len(name) == 1:
            weak.add(name)
    return frozenset(known), frozenset(weak)


def available() -> bool:
    """Whether the list of surnames can be read (a broken install may lack it)."""
    try:
        return bool(surnames()[0])
    except OSError:
        return False


def _given_like(given: str, weak: bool, strength: str) -> bool:
    """Whether ``given`` (kanji after a known surname) reads as a given name in this context."""
    if not given:
        return strength != PLAIN
    if given[0] in _PLACE_AFTER and given not in GIVEN:
        return False
    if given in GIVEN:
        return True
    if strength == PLAIN:
        return not weak and len(given) == 2 and given[-1] in GIVEN_ENDINGS and given not in NOT_GIVEN
    return len(given) <= 2 and given not in NOT_GIVEN and given not in NOT_NAMES


def name_in(body: str, strength: str, *, place: bool = False) -> int | None:
    """Where in ``body`` (kanji, maybe one space) the name that ends it starts, or None.

    ``strength`` is what is around it: STRONG (an honorific, a label, より …),
    TITLE (課長 …), SIGNED (a signature line; ``place`` when a place is before
    it) or PLAIN (nothing: a surname and a given name only)."""
    if not body or body in NOT_NAMES:
        return None
    known, weak = surnames()
    parts = re.split(f"{_SPACE}+", body.strip(" \u3000"))
    if len(parts) == 2:
        family, given = parts
        if family in NOT_NAMES or given in NOT_NAMES or len(given) > 3 or given[0] in _PLACE_AFTER:
            return None
        # The surname ends what is before the space (見本市役所 高橋 一郎): a known one, or any with an honorific or a label.
        for i in range(len(family)):
            if family[i:] in known and (len(family) - i > 1 or i == 0):
                return i
        return 0 if strength in (STRONG, SIGNED) and len(family) <= 3 and family[-1] not in _NOT_NAME_ENDINGS else None
    if len(parts) != 1:
        return None
    for i in range(len(body)):
        rest = body[i:]
        if strength == PLAIN and i > 0 and not body[:i].endswith(ROLE_PREFIXES):
            continue
        for size in (3, 2, 1):
            if size > len(rest):
                continue
            family = rest[:size]
            if family not in known:
                continue
            is_weak = family in weak
            if size == 1 and (i > 0 or (strength == PLAIN and rest[1:] not in GIVEN)):
                continue
            if is_weak and strength == SIGNED and not place and not rest[size:]:
                continue  # a line that is only 中原 or 林: a place, a word
            if _given_like(rest[size:], is_weak, strength):
                return i
    # A surname not on the list, with an honorific or a label: two or three kanji that are no word for a role or a body.
    unknown = strength == STRONG or (strength == SIGNED and place)
    if unknown and 2 <= len(body) <= 3 and body[-1] not in _NOT_NAME_ENDINGS and body[0] not in "御各貴弊当本同両諸某全皆其此故":
        return 0
    return None


_LONG_RUN = re.compile(f"(?<!{_K}){_K}{{3,8}}(?!{_K})")
_ENDING = re.compile("(?:" + "|".join(map(re.escape, (*KANJI_HONORIFICS, *TITLES))) + f")(?!{_K})")
_FOLLOWING = re.compile("さん|ちゃん|くん|さま|より|と申|といい|と言い|です")
_SPACED = re.compile(f"(?<=[ \u3000]){_K}{{1,3}}(?!{_K})")
_KIN = re.compile(f"(?<=[夫妻父母娘兄姉弟妹人僚司]の){_K}{{2,3}}(?!{_K})")
_KANJI = re.compile(_K)


def _candidate_runs(text: str, known: frozenset[str]) -> list[tuple[int, int]]:
    """The runs of kanji that may hold a name: those that start with a known surname (or a role:
    代表中村誠), end with an honorific or a title, are followed by さん, より …, follow a space
    (高橋 一郎) or a relative (夫の佐々木).  Found by regular expressions: most runs of a
    text are none of these, and reading every run in Python cost four fifths of the time."""
    runs = set()
    for match in _LONG_RUN.finditer(text):
        run = match.group()
        if run[:2] in known or run[:3] in known or run[:1] in known or run.startswith(ROLE_PREFIXES):
            runs.add(match.span())
    for match in _ENDING.finditer(text):
        ending = _RUN_END.search(text, max(0, match.end() - 16), match.end())
        if ending is not None:
            runs.add(ending.span())
    for match in _FOLLOWING.finditer(text):
        if match.start() and _KANJI.match(text, match.start() - 1):
            before = _RUN_END.search(text, max(0, match.start() - 16), match.start())
            if before is not None:
                runs.add(before.span())
    if " " in text or "\u3000" in text:
        runs.update(match.span() for match in _SPACED.finditer(text))
    if "の" in text:
        runs.update(match.span() for match in _KIN.finditer(text))
    return sorted(runs)


def _kanji_runs(text: str, spans: list[tuple[int, int]], known: frozenset[str], weak: frozenset[str]) -> None:
    for start, end in _candidate_runs(text, known):
        run = text[start:end]
        strength = PLAIN
        body_end = end
        if end - start >= 2 and run[-1] in "様氏君殿生":
            for honorific in KANJI_HONORIFICS:
                if run.endswith(honorific) and end - start > len(honorific):
                    if run[-len(honorific) - 1] not in _NOT_BEFORE.get(honorific, ""):  # 多様, 同氏, 宮殿
                        body_end, strength = end - len(honorific), STRONG
                    break
        if strength == PLAIN and text[end : end + 1] in _AFTER_STARTS:
            after = text[end : end + 6]
            if after.startswith(KANA_HONORIFICS) or _SAID.match(after) or _FROM_END.match(text, end):
                strength = STRONG
            elif after.startswith("です") and (start == 0 or text[start - 1] in "\n 　「"):
                strength = SIGNED  # 斎藤です。 opening the text: a known surname
        if run[body_end - start - 1] in _TITLE_ENDS:
            body = text[start:body_end]
            for title in TITLES:
                if body.endswith(title) and len(body) > len(title):
                    body_end -= len(title)
                    strength = TITLE if strength == PLAIN else strength
                    break
        spaced = start > 1 and text[start - 1] in " \u3000"
        if strength == PLAIN and not spaced:
            length = body_end - start
            if text[start - 1 : start] == "の" and run in known and run not in weak and _RELATIVE.search(text, max(0, start - 4), start):
                spans.append((start, end))  # 夫の佐々木が
                continue
            if length < 3 or length > 8:
                continue
            if not (run[:2] in known or run[:3] in known or run[:1] in known or run.startswith(ROLE_PREFIXES)):
                continue
        body = text[max(start, body_end - 8) : body_end]
        offset = body_end - len(body)
        # A name with a space in it: 高橋 一郎さん (the surname is the run before the space).
        if spaced and len(body) <= 3:
            before = _RUN_END.search(text, max(0, start - 7), start - 1)
            if before is not None:
                family = before.group()
                hit = next((i for i in range(len(family)) if family[i:] in known and len(family) - i >= 2), None)
                if hit is not None and _given_like(body, family[hit:] in weak, strength):
                    spans.append((before.start() + hit, body_end))
                    continue
        if strength == PLAIN and body_end - start < 3:
            continue
        found = name_in(body, strength)
        if found is not None and not _organisation(text, offset + found):
            spans.append((offset + found, body_end))


def _organisation(text: str, start: int) -> bool:
    """Whether a name at ``start`` follows the word for a company (株式会社山田様 is a company)."""
    return text[max(0, start - 4) : start].endswith(("会社", "法人", "(株)", "（株）", "(有)", "（有）", "組合"))


def find(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are, by their context, a person's name."""
    if not text:
        return []
    known, weak = surnames()
    spans: list[tuple[int, int]] = []
    _kanji_runs(text, spans, known, weak)
    if "子" in text or "ちゃん" in text or "さん" in text or "くん" in text or "様" in text:
        for match in _KANA_GIVEN.finditer(text):
            kanji = match.group(1)
            for i in range(len(kanji)):
                family = kanji[i:]
                if family in known and (len(family) > 1 or i == 0) and not _organisation(text, match.start() + i):
                    spans.append((match.start() + i, match.end()))
                    break
    for match in _KATAKANA_HONORIFIC.finditer(text):
        word = match.group(1)
        if word not in NOT_KATAKANA and not word.endswith(("ちゃん", "さん")) and len(word) >= 2:
            spans.append(match.span(1))
    if "名" in text or "者" in text or "人" in text or "ガナ" in text or "がな" in text or "ｶﾞﾅ" in text:
        for match in _LABEL.finditer(text):
            value = match.group("value").strip(" \u3000")
            if value and value not in NO_NAME_VALUES and any(c.isalpha() for c in value) and value[-1] not in _BODY_ENDINGS:
                spans.append(match.span("value"))
    _signatures(text, spans)
    return _merged(spans)


# What a body calls itself (本村, 当町) and a body's or place's name (見本村, 川崎市) on a line of its own:
# no signature, though 中村 and 木村 end as a village does.
_SELF = frozenset("本当")
_PLACE_ENDS = frozenset("都道府県市区町村郡")


def _names_a_body(name: str) -> bool:
    return name[-1] in _PLACE_ENDS and (len(name) > 2 or name[0] in _SELF)


def _signatures(text: str, spans: list[tuple[int, int]]) -> None:
    """Lines that are only a name (after places), and what follows the text's last 。 when it is one."""
    candidates: list[tuple[int, int]] = []
    if "\n" in text:
        position = 0
        for line in text.split("\n"):
            if 0 < len(line) <= 40:
                candidates.append((position, position + len(line)))
            position += len(line) + 1
    elif len(text) <= 40:
        candidates.append((0, len(text)))
    last = _LAST.search(text, max(0, len(text) - 32))
    if last is not None:
        candidates.append(last.span(1))
    for start, end in candidates:
        match = _SIGNATURE.fullmatch(text, start, end)
        if match is None:
            continue
        name = match.group("name")
        place = match.group("place") is not None
        if "\u30a1" <= name[0] <= "\u30fa":
            if (place or text[match.end("name") : end].strip(" \u3000").startswith("より")) and name not in NOT_KATAKANA:
                spans.append(match.span("name"))
            continue
        kanji = "".join(c for c in name if not ("ぁ" <= c <= "ゖ"))
        if kanji != name:  # 伊藤よし子: the kana given name was looked at above
            continue
        if _names_a_body(name):
            continue
        found = name_in(name, SIGNED, place=place)
        if found is not None:
            spans.append((match.start("name") + found, match.end("name")))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
