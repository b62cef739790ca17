"""Tests for dlseis_kg.listcell: hand-written cases and agreement with ast on real data."""

from __future__ import annotations

import ast
import csv
import random

import pytest

from dlseis_kg.listcell import ListCellError, Number, parse_list
from dlseis_kg.sources import inventory_dir, load_manifest

N = Number

ACCEPTED = [
    ("[]", []),
    ("  [ ]  ", []),
    ("[\n]", []),
    ("['CNN', 'FC']", ["CNN", "FC"]),
    ("['CNN','FC']", ["CNN", "FC"]),
    ("[ 'a' ,\t'b' ]", ["a", "b"]),
    ("[\"double\", 'single']", ["double", "single"]),
    ('["it\'s"]', ["it's"]),
    ("['']", [""]),
    ("[' padded ', 'x ']", [" padded ", "x "]),
    ("['a, b', '[c]']", ["a, b", "[c]"]),
    ("['k‐means', 'Joyner–Boore']", ["k‐means", "Joyner–Boore"]),
    ("[64, 128, '?']", [N("64", 64), N("128", 128), "?"]),
    ("[0.98, 1.0]", [N("0.98", 0.98), N("1.0", 1.0)]),
    ("[1, 2,]", [N("1", 1), N("2", 2)]),
    ("['a', ]", ["a"]),
    ("[0, 00, -1, +2]", [N("0", 0), N("00", 0), N("-1", -1), N("+2", 2)]),
    (
        "[.5, 5., 1e3, 1.E-2, 007.5]",
        [N(".5", 0.5), N("5.", 5.0), N("1e3", 1e3), N("1.E-2", 0.01), N("007.5", 7.5)],
    ),
    ("[1200000]", [N("1200000", 1200000)]),
    (r"['max\u2000t', 'acc \x7fMt']", ["max\u2000t", "acc \x7fMt"]),
    (r"['it\'s', 'tab\t', '\N{EM DASH}', 'back\\slash']", ["it's", "tab\t", "—", "back\\slash"]),
    (r"['\d']", ["\\d"]),  # an invalid escape keeps its backslash, as in Python
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted(text: str, expected: list) -> None:
    result = parse_list(text)
    assert result == expected
    assert [type(x) for x in result] == [type(x) for x in expected]
    values = [x.value if isinstance(x, Number) else x for x in result]
    assert values == ast.literal_eval(text.strip())


def test_number_types() -> None:
    assert type(parse_list("[1]")[0].value) is int
    assert type(parse_list("[1.0]")[0].value) is float
    assert type(parse_list("[1e2]")[0].value) is float


REJECTED = [
    ("", 0, "expected '['"),
    ("'a'", 0, "expected '['"),
    ("  x", 2, "expected '['"),
    ("[", 1, "unterminated list"),
    ("[1, 2", 5, "unterminated list"),
    ("['a',", 5, "unterminated list"),
    ("[1, 2]]", 6, "after the closing"),
    ("[1] x", 4, "after the closing"),
    ("['a' 'b']", 5, "expected ',' or ']'"),
    ("[1 2]", 3, "expected ',' or ']'"),
    ("[1'a']", 2, "expected ',' or ']'"),
    ("[,]", 1, "expected a value, found ','"),
    ("[1,,2]", 3, "expected a value, found ','"),
    ("['abc", 1, "unterminated string"),
    ("['a', 'b]", 6, "unterminated string"),
    ("['a\nb']", 1, "unterminated string"),
    ("['a\\']", 1, "unterminated string"),
    ("[[1]]", 1, "nested lists"),
    ("['a', [1]]", 6, "nested lists"),
    ("[(1)]", 1, "unexpected character '('"),
    ("[{}]", 1, "unexpected character '{'"),
    ("[-]", 1, "unexpected character '-'"),
    ("[CNN]", 1, "bare word 'CNN'"),
    ("[True]", 1, "bare word 'True'"),
    ("[1, None]", 4, "bare word 'None'"),
    ("[nan]", 1, "bare word 'nan'"),
    ("[u'a']", 1, "string prefix 'u'"),
    ("['''a''']", 1, "triple-quoted"),
    ("[007]", 1, "invalid number literal '007'"),
    ("[0x1F]", 1, "invalid number literal '0x1F'"),
    ("[1_000]", 1, "invalid number literal '1_000'"),
    ("[1j]", 1, "invalid number literal '1j'"),
    ("[1e]", 1, "invalid number literal '1e'"),
    ("[1.2.3]", 1, "invalid number literal '1.2.3'"),
    (r"['a', '\x7']", 6, "cannot decode"),
    (r"['\N{NO SUCH NAME}']", 1, "cannot decode"),
]


@pytest.mark.parametrize(("text", "offset", "reason"), REJECTED)
def test_rejected(text: str, offset: int, reason: str) -> None:
    with pytest.raises(ListCellError) as info:
        parse_list(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.offset == offset
    assert reason in err.reason
    assert err.text == text
    assert f"at offset {offset}" in str(err)


def _real_list_cells() -> list[tuple[str, int, str, str]]:
    """(file, line, column, cell) for every list cell of the fetched inventories."""
    sources = load_manifest()
    paths = [inventory_dir() / s.file for s in sources]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"inventory CSVs not fetched into {inventory_dir()} (run `dlseis-kg fetch`)")
    cells = []
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            for row in reader:
                for column, cell in zip(header, row, strict=True):
                    if cell.strip().startswith("["):
                        cells.append((path.name, reader.line_num, column, cell))
    return cells


@pytest.mark.real
def test_agrees_with_ast_on_real_data() -> None:
    cells = _real_list_cells()
    # the 14 list columns are list literals in every row of the pinned files
    assert len(cells) == 14 * sum(s.rows for s in load_manifest())
    failures = []
    for name, line, column, cell in cells:
        try:
            expected = ast.literal_eval(cell.strip())
        except (SyntaxError, ValueError):
            failures.append((name, line, column, cell, "ast rejects"))
            continue
        try:
            got = parse_list(cell)
        except ListCellError as exc:
            failures.append((name, line, column, cell, str(exc)))
            continue
        if not _same(got, expected):
            failures.append((name, line, column, cell, repr(got)))
    assert failures == []


def _same(got: list, expected: object) -> bool:
    if not isinstance(expected, list) or len(got) != len(expected):
        return False
    for g, e in zip(got, expected, strict=True):
        if isinstance(g, Number):
            if type(e) not in (int, float) or type(g.value) is not type(e):
                return False
            if not (g.raw == repr(e) or g.value == e):
                return False
        elif not (type(e) is str and g == e):
            return False
    return True


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
def test_never_accepts_what_python_rejects() -> None:
    """Random edits of valid cells: whatever parse_list accepts, ast reads the same."""
    rng = random.Random(20220822)
    bases = [text for text, _ in ACCEPTED] + ["['CNN', 'FC']", "[64, 128, '?']", "[0.98, 1.0]"]
    alphabet = "[],'\" 0159.eE-+_xjuN\\{}\n"
    accepted = 0
    for _ in range(20_000):
        chars = list(rng.choice(bases))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(chars) + 1)
            if chars and rng.random() < 0.5:
                del chars[min(i, len(chars) - 1)]
            else:
                chars.insert(i, rng.choice(alphabet))
        text = "".join(chars)
        try:
            got = parse_list(text)
        except ListCellError as exc:
            assert 0 <= exc.offset <= len(text)
            continue
        accepted += 1
        assert _same(got, ast.literal_eval(text.strip())), text
    assert accepted > 1000
