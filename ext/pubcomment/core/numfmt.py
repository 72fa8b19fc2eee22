"""A number cell of a workbook as Excel shows it: its number format applied to the value the file holds.

An .xlsx file keeps a number as the text of ``<v>`` (``0.5``,
``1234567890123456789``, ``46000`` for a date) and, apart, the cell's
number format (``0%``, ``#,##0``, ``yyyy"年"m"月"d"日"``).  Reading the value
as a float shows ``0.5`` where the sheet shows ``50%``, a date as a serial
number, and alters a number of more than 15 digits.  :func:`format_number`
applies the format to the written value with :mod:`decimal`, so no digit
is lost: the common formats of a working sheet are read —

* General, ``@`` (text), ``0``, ``0.00``, ``#,##0``, ``#,##0.00``, ``0%``,
  ``0.00%`` and their like (any count of decimals, literal text such as
  ``"件"`` or ``円``, a second section for negative numbers);
* dates and times built from ``yyyy yy m mm d dd h hh mm ss`` and literal
  text (``yyyy/m/d``, ``yyyy"年"m"月"d"日"``, ``h:mm``), with ``aaa`` for the
  Japanese day of the week.

Any other format (fractions, scientific notation, 和暦 ``ggge``, elapsed
``[h]``, colours and conditions) is not read: the value is shown as
General, and the caller says so at the cell.  General shows an integer with
all its digits (a 19-digit number is never rounded), any other number with
at most 15 significant digits, as Excel keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

# Excel's built-in formats (styles.xml names them by number only), as a Japanese Excel shows them.
BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "yyyy/m/d",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "yyyy/m/d h:mm",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"時"mm"分"',
    33: 'h"時"mm"分"ss"秒"',
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_FIFTEEN = Context(prec=15, rounding=ROUND_HALF_UP)
_QUOTED = r'"[^"]*"|\\.'
_DATE_TOKEN = re.compile(rf"{_QUOTED}|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|aaaa|aaa|hh|h|ss|s|am/pm|a/p|\[[^\]]*\]|.", re.IGNORECASE)
_NUMBER_PART = re.compile(r"[0#?,.]*[0#?][0#?,.]*|[0#?,.]*\.[0#?,.]*")
_COLOUR_OR_LOCALE = re.compile(
    r"\[(?:black|blue|cyan|green|magenta|red|white|yellow|color\d{1,2}|黒|青|水|緑|紫|赤|白|黄|色\d{1,2}|\$-[0-9a-f]{1,8})\]", re.IGNORECASE
)
_CURRENCY = re.compile(r'\[\$([^\]\-"]+)(?:-[0-9a-f]{1,8})?\]', re.IGNORECASE)
_WEEKDAYS = "月火水木金土日"
# Literal characters a number format may hold without quotes.
_PLAIN_LITERALS = set("$-+/():!^&'~{}<>=  ¥円件人%")


def general(raw: str) -> str:
    """The value as General shows it: an integer as written, every digit kept; else at most 15 significant digits."""
    text = raw.strip()
    if text.isdigit() and text.isascii():  # the common case, first
        return text.lstrip("0") or "0"
    if re.fullmatch(r"[+-]?\d+", text):
        sign = "-" if text.startswith("-") else ""
        digits = text.lstrip("+-").lstrip("0") or "0"
        return sign + digits if digits != "0" else "0"
    try:
        value = Decimal(text)
    except InvalidOperation:
        return raw
    if not value.is_finite():
        return raw
    if value == value.to_integral_value():
        return str(int(value))
    rounded = _FIFTEEN.plus(value)
    if abs(rounded) < Decimal("1e-9"):
        return f"{rounded.normalize():E}".replace("E-0", "E-")
    shown = format(rounded, "f")
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def format_number(raw: str, code: str, *, date1904: bool = False) -> str | None:
    """``raw`` (the text of ``<v>``) shown in the number format ``code``; None when the format is not one read here."""
    if code in ("General", "@"):
        return general(raw)
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        return raw
    if not value.is_finite():
        return raw
    sections = _sections(code)
    if len(sections) > 4:
        return None
    if value < 0 and len(sections) >= 2:
        section, value, signed = sections[1], -value, False
    elif value == 0 and len(sections) >= 3:
        section, signed = sections[2], False
    else:
        section, signed = sections[0], True
    bare = re.sub(_QUOTED, "", section)
    if section.strip().lower() in ("general", "") or section.strip() == "@":
        return general(raw) if signed or value == 0 else general(str(value))
    # A colour or a locale says nothing of the text; a currency is its symbol; a condition or elapsed time is not read.
    section = _COLOUR_OR_LOCALE.sub("", section)
    section = _CURRENCY.sub(lambda match: '"' + match.group(1) + '"', section)
    bare = re.sub(_QUOTED, "", section)
    if "[" in bare:
        return None
    if re.search(r"[ymdhs]", bare, re.IGNORECASE) and not re.search(r"[0#?]", bare):
        return _date(value, section, date1904)
    return _number(value, section, signed)


def _sections(code: str) -> list[str]:
    """The ``;``-separated sections of a format, a ``;`` inside quotes or after ``\\`` kept."""
    sections, current, quoted, escaped = [], "", False, False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append(current)
            current = ""
            continue
        current += char
    return [*sections, current]


def _number(value: Decimal, section: str, signed: bool) -> str | None:
    pieces = re.findall(rf"{_QUOTED}|[^\"\\]+", section)
    literal_before: list[str] = []
    literal_after: list[str] = []
    pattern = ""
    for piece in pieces:
        if piece.startswith('"'):
            (literal_after if pattern else literal_before).append(piece[1:-1])
            continue
        if piece.startswith("\\"):
            (literal_after if pattern else literal_before).append(piece[1:])
            continue
        for part in re.split(rf"({_NUMBER_PART.pattern})", piece):
            if not part:
                continue
            if _NUMBER_PART.fullmatch(part) and not pattern:
                pattern = part
            elif all(char in _PLAIN_LITERALS for char in part):
                (literal_after if pattern else literal_before).append(part)
            else:
                return None
    if not pattern or "?" in pattern or pattern.endswith(",") or pattern.count(".") > 1:
        return None
    percent = "".join(literal_before + literal_after).count("%")
    value = value.scaleb(2 * percent)
    whole, _, decimals = pattern.partition(".")
    required = len(decimals.rstrip("#"))
    shown = abs(value).quantize(Decimal(1).scaleb(-len(decimals)), rounding=ROUND_HALF_UP)
    digits = format(shown, "f")
    integer, _, fraction = digits.partition(".")
    if len(fraction) > required:
        fraction = fraction[:required] + fraction[required:].rstrip("0")
    minimum = whole.replace(",", "").count("0")
    integer = integer.lstrip("0").rjust(minimum, "0")
    if "," in whole:
        integer = f"{int(integer or '0'):,}" if integer else ""
    text = integer + ("." + fraction if fraction or pattern.endswith(".") else "")
    sign = "-" if signed and value < 0 and shown != 0 else ""
    return sign + "".join(literal_before) + text + "".join(literal_after)


def _date(value: Decimal, section: str, date1904: bool) -> str | None:
    if value < 0 or value >= 2958466:  # Excel shows ##### for these
        return None
    # Excel counts a 29 February 1900 that never was: serials from 61 on are a day late.
    base = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 31) if value < 60 else dt.datetime(1899, 12, 30)
    seconds = int((value * 86400).to_integral_value(rounding=ROUND_HALF_UP))
    moment = base + dt.timedelta(seconds=seconds)
    tokens = _DATE_TOKEN.findall(section)
    out: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if token.startswith('"'):
            out.append(token[1:-1])
        elif token.startswith("\\"):
            out.append(token[1:])
        elif lower in ("yyyy", "yy"):
            out.append(f"{moment.year:04d}" if lower == "yyyy" else f"{moment.year % 100:02d}")
        elif lower in ("m", "mm"):
            minute = _is_minute(tokens, index)
            number = moment.minute if minute else moment.month
            out.append(f"{number:02d}" if lower == "mm" else str(number))
        elif lower in ("d", "dd"):
            out.append(f"{moment.day:02d}" if lower == "dd" else str(moment.day))
        elif lower in ("aaa", "aaaa"):
            out.append(_WEEKDAYS[moment.weekday()] + ("曜日" if lower == "aaaa" else ""))
        elif lower in ("h", "hh"):
            out.append(f"{moment.hour:02d}" if lower == "hh" else str(moment.hour))
        elif lower in ("s", "ss"):
            out.append(f"{moment.second:02d}" if lower == "ss" else str(moment.second))
        elif len(token) == 1 and (token in _PLAIN_LITERALS or token in ".,年月日時分秒" or token == " "):
            out.append(token)
        else:
            return None  # month names, weekdays in English, AM/PM, eras, fractions of a second
    return "".join(out)


def _is_minute(tokens: list[str], index: int) -> bool:
    """An ``m``/``mm`` after an hour or before a second is minutes (Excel's rule)."""
    for token in reversed(tokens[:index]):
        lower = token.lower()
        if lower in ("h", "hh"):
            return True
        if lower[:1] in ("y", "m", "d", "s"):
            break
    for token in tokens[index + 1 :]:
        lower = token.lower()
        if lower in ("s", "ss"):
            return True
        if lower[:1] in ("y", "m", "d", "h"):
            break
    return False
