"""Strict, fast parser for one inventory list cell (a flat Python list literal).

The inventory stores list-valued columns as Python list literals such as
``"['CNN', 'FC']"``, ``"[64, 128, '?']"``, ``"[0.98, 1.0]"`` or ``"[]"``.
:func:`parse_list` reads them without ``eval`` and without ``ast.literal_eval``
(except to decode the rare string token that contains a backslash), keeping the
exact source text of every number so it can become an ``xsd:decimal`` verbatim.

Accepted: surrounding whitespace, ``[`` items separated by ``,`` ``]`` with an
optional trailing comma; items are single- or double-quoted one-line strings
(backslash escapes decoded exactly as Python does) and decimal numbers with an
optional sign, fraction and exponent. Rejected, although Python accepts them:
``True``/``False``/``None`` (none occur in the inventories), nested containers,
triple-quoted or prefixed strings (``r''``, ``u''``), implicit string
concatenation (``'a' 'b'``, almost surely a lost comma), hex/octal/binary,
complex and underscore-separated numbers, comments and line continuations.
"""

from __future__ import annotations

import ast
import re
import warnings
from typing import NamedTuple, NoReturn, Union

__all__ = ["Item", "ListCellError", "Number", "parse_list"]


class Number(NamedTuple):
    """A number item: ``raw`` is its exact source text, ``value`` the Python value."""

    raw: str
    value: int | float


Item = Union[str, Number]  # noqa: UP007 (a runtime alias; `|` needs Python 3.10 types)


class ListCellError(ValueError):
    """A cell is not a well-formed flat list literal.

    Attributes
    ----------
    offset : int
        0-based character offset in the cell where the problem is.
    reason : str
        What is wrong, without the offset.
    text : str
        The whole cell.
    """

    def __init__(self, reason: str, offset: int, text: str) -> None:
        self.reason = reason
        self.offset = offset
        self.text = text
        super().__init__(f"{reason} at offset {offset} in list cell {_snippet(text)}")


def _snippet(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


_WS = "[ \\t\\n\\r\\f]*"
_NUM = r"[-+]?(?:(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|[1-9]\d*|0+)"
_STR_ESC = r"""'(?:[^'\\\n\r\x00]|\\.)*'|"(?:[^"\\\n\r\x00]|\\.)*\""""
# One match per item: whitespace, the item, whitespace, then ',' or ']'.
_ITEM = re.compile(
    rf"""{_WS}(?:
        '(?P<s1>[^'\\\n\r\x00]*)'
      | "(?P<s2>[^"\\\n\r\x00]*)"
      | (?P<esc>{_STR_ESC})
      | (?P<num>{_NUM})
    ){_WS}(?P<sep>[,\]])""",
    re.VERBOSE | re.DOTALL,
)
_ONE_STRING = re.compile(r"\['([^'\\\n\r\x00]*)'\]")
_OPEN = re.compile(rf"{_WS}\[")
_CLOSE = re.compile(rf"{_WS}\]")
_END = re.compile(rf"{_WS}\Z")
_SKIP = re.compile(_WS)
_STRING = re.compile(_STR_ESC, re.DOTALL)
_NUMBER = re.compile(_NUM)
_WORD = re.compile(r"[^\s,\[\]'\"]+")
_PREFIXES = {"r", "u", "b", "f", "br", "rb", "fr", "rf"}


def parse_list(text: str) -> list[Item]:
    """Parse one list cell into strings and :class:`Number` items.

    Parameters
    ----------
    text : str
        The cell, e.g. ``"['CNN', 'FC']"``; surrounding whitespace is allowed.

    Returns
    -------
    list of str or Number
        Strings decoded as Python would; numbers as ``Number(raw, value)``.

    Raises
    ------
    ListCellError
        If the cell is not a well-formed flat list literal.

    Examples
    --------
    >>> parse_list("['CNN', 'FC']")
    ['CNN', 'FC']
    >>> parse_list("[64, '?', 0.98]")
    [Number(raw='64', value=64), '?', Number(raw='0.98', value=0.98)]
    >>> try:
    ...     parse_list("[1, 2")
    ... except ListCellError as err:
    ...     print(err.offset, err.reason)
    5 unterminated list (missing ']')
    """
    if text == "[]":
        return []
    m = _ONE_STRING.fullmatch(text)  # fast path: 43 % of the inventories' list cells
    if m is not None:
        return [m.group(1)]
    m = _OPEN.match(text)
    if m is None:
        _fail(text, _SKIP.match(text).end(), "expected '['")
    pos = m.end()
    items: list[Item] = []
    match = _ITEM.match
    while True:
        m = match(text, pos)
        if m is None:
            c = _CLOSE.match(text, pos)  # "[]" with spaces, or after a trailing comma
            if c is None:
                _diagnose(text, pos)
            pos = c.end()
            break
        s1, s2, esc, num, sep = m.groups()
        if s1 is not None:
            items.append(s1)
        elif s2 is not None:
            items.append(s2)
        elif num is not None:
            items.append(Number(num, float(num) if _is_float(num) else _int(num, text, m)))
        else:
            items.append(_decode(esc, text, m.start("esc")))
        pos = m.end()
        if sep == "]":
            break
    if pos != len(text) and _END.match(text, pos) is None:
        _fail(text, _SKIP.match(text, pos).end(), "unexpected text after the closing ']'")
    return items


def _is_float(num: str) -> bool:
    return "." in num or "e" in num or "E" in num


def _int(num: str, text: str, m: re.Match[str]) -> int:
    try:
        return int(num)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        _fail(text, m.start("num"), "integer literal too long")


def _decode(token: str, text: str, offset: int) -> str:
    with warnings.catch_warnings():  # invalid escapes like '\d' keep their backslash
        warnings.simplefilter("ignore")
        try:
            return ast.literal_eval(token)
        except (SyntaxError, ValueError) as exc:
            detail = getattr(exc, "msg", None) or str(exc)
            _fail(text, offset, f"cannot decode the string's escapes: {detail}")


def _fail(text: str, offset: int, reason: str) -> NoReturn:
    raise ListCellError(reason, offset, text)


def _diagnose(text: str, pos: int) -> NoReturn:
    """Explain why no item (or closing bracket) could be read at ``pos``."""
    pos = _SKIP.match(text, pos).end()
    if pos == len(text):
        _fail(text, pos, "unterminated list (missing ']')")
    ch = text[pos]
    if ch in "'\"":
        if text.startswith(ch * 3, pos):
            _fail(text, pos, "triple-quoted strings are not supported")
        m = _STRING.match(text, pos)
        if m is None:
            _fail(text, pos, "unterminated string")
        return _after_item(text, m.end())
    m = _NUMBER.match(text, pos)
    if m is not None:
        end = m.end()
        if end < len(text) and (text[end].isalnum() or text[end] in "._"):
            word = _WORD.match(text, pos).group()
            _fail(text, pos, f"invalid number literal {word!r}")
        return _after_item(text, end)
    if ch == "[":
        _fail(text, pos, "nested lists are not supported")
    if ch in ",]":
        _fail(text, pos, f"expected a value, found {ch!r}")
    if ch.isalpha() or ch == "_":
        word = _WORD.match(text, pos).group()
        if word.lower() in _PREFIXES and text[pos + len(word) : pos + len(word) + 1] in ("'", '"'):
            _fail(text, pos, f"string prefix {word!r} is not supported")
        _fail(text, pos, f"unexpected bare word {word!r} (only strings and numbers)")
    _fail(text, pos, f"unexpected character {ch!r}")


def _after_item(text: str, pos: int) -> NoReturn:
    pos = _SKIP.match(text, pos).end()
    if pos == len(text):
        _fail(text, pos, "unterminated list (missing ']')")
    _fail(text, pos, "expected ',' or ']' after an item")
