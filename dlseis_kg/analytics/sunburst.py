"""Sunburst charts of a hierarchy query: an interactive plotly chart and a static PNG.

:func:`hierarchy_frame` turns the rows of a hierarchy query (one column per level and
a ``papers`` count) into one row per sunburst segment; the value of a segment is the
sum of ``papers`` over the query rows under it, so the chart's totals are the query's.
A missing (empty) trailing level ends the path early; a missing level with a value
below it becomes the segment "(unspecified)".

>>> import pandas as pd
>>> rows = pd.DataFrame({"a": ["X", "X", "Y"], "b": ["p", "", "q"], "papers": [2, 1, 4]})
>>> hierarchy_frame(rows, ["a", "b"])[["id", "parent", "value"]].values.tolist()
[['Y', '', 4], ['X', '', 3], ['Y/q', 'Y', 4], ['X/p', 'X', 2]]
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

UNSPECIFIED = "(unspecified)"
SEP = "/"


def _paths(rows: pd.DataFrame, levels: Sequence[str]) -> list[tuple[str, ...]]:
    out = []
    for values in rows[list(levels)].fillna("").astype(str).itertuples(index=False):
        path = [v.strip() for v in values]
        while path and not path[-1]:
            path.pop()
        out.append(tuple(v or UNSPECIFIED for v in path))
    return out


def hierarchy_frame(
    rows: pd.DataFrame, levels: Sequence[str], value: str = "papers"
) -> pd.DataFrame:
    """One row per segment: ``id``, ``parent``, ``label``, ``level`` (0 innermost),
    ``value`` and ``root`` (the level-0 ancestor's label), parents before children and
    siblings by decreasing value."""
    paths = _paths(rows, levels)
    vals = rows[value].to_numpy()
    sums: dict[tuple[str, ...], int] = {}
    for path, v in zip(paths, vals, strict=True):
        for depth in range(1, len(path) + 1):
            sums[path[:depth]] = sums.get(path[:depth], 0) + int(v)
    keys = sorted(
        sums, key=lambda p: (len(p), *((-sums[p[:d]], p[d - 1]) for d in range(1, len(p) + 1)))
    )
    return pd.DataFrame(
        {
            "id": [SEP.join(p) for p in keys],
            "parent": [SEP.join(p[:-1]) for p in keys],
            "label": [p[-1] for p in keys],
            "level": [len(p) - 1 for p in keys],
            "value": [sums[p] for p in keys],
            "root": [p[0] for p in keys],
        }
    )


def plotly_sunburst(frame: pd.DataFrame, title: str):
    """An interactive ``plotly.graph_objects.Figure`` (branch values are totals)."""
    import plotly.graph_objects as go

    fig = go.Figure(
        go.Sunburst(
            ids=frame["id"],
            labels=frame["label"],
            parents=frame["parent"],
            values=frame["value"],
            branchvalues="total",
            hovertemplate="<b>%{label}</b><br>%{value} papers<br>%{id}<extra></extra>",
            insidetextorientation="radial",
        )
    )
    fig.update_layout(title=title, margin=dict(t=60, l=10, r=10, b=10), height=850)
    return fig


def _colours(frame: pd.DataFrame) -> dict[str, tuple[float, float, float]]:
    from matplotlib import colormaps

    roots = list(frame.loc[frame["level"] == 0, "label"])
    palette = colormaps["tab10"].colors + colormaps["Set2"].colors
    base = {r: np.array(palette[i % len(palette)][:3]) for i, r in enumerate(roots)}
    out = {}
    for sid, root, level, rank in zip(
        frame["id"], frame["root"], frame["level"], frame.groupby("parent").cumcount(), strict=True
    ):
        mix = min(0.12 * level + 0.06 * (rank % 3), 0.75)
        out[sid] = tuple(base[root] * (1 - mix) + mix)
    return out


def draw_sunburst(
    frame: pd.DataFrame,
    path: str | Path,
    title: str,
    *,
    min_label_deg: float = 1.6,
    centre: str = "",
    dpi: int = 150,
) -> Path:
    """Draw the sunburst with matplotlib nested wedges and save it as a PNG.

    Segments narrower than ``min_label_deg`` degrees stay unlabelled; labels run along
    the radius and are shortened (with an ellipsis) to fit their ring.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Wedge

    depth = int(frame["level"].max()) + 1
    hole, width = 0.9, 1.0
    colours = _colours(frame)
    fig, ax = plt.subplots(figsize=(14, 15))
    ax.set_xlim(-(hole + depth * width) - 0.1, hole + depth * width + 0.1)
    ax.set_ylim(ax.get_xlim())
    ax.set_aspect("equal")
    ax.axis("off")
    total = frame.loc[frame["level"] == 0, "value"].sum()
    cursor: dict[str, float] = {"": 90.0}  # next free angle (degrees) in each parent
    pts_per_unit = 14 * 72 / (2 * (hole + depth * width) + 0.2)
    for sid, parent, label, level, value in frame[
        ["id", "parent", "label", "level", "value"]
    ].itertuples(index=False):
        span = 360.0 * value / total
        a1 = cursor[parent]
        a0 = a1 - span
        cursor[parent] = a0
        cursor[sid] = a1
        r_in = hole + level * width
        ax.add_patch(
            Wedge(
                (0, 0),
                r_in + width,
                a0,
                a1,
                width=width,
                facecolor=colours[sid],
                edgecolor="white",
                linewidth=0.8,
            )
        )
        if span < min_label_deg:
            continue
        _label(
            ax, f"{label} ({value})", (a0 + a1) / 2, span, r_in, width, pts_per_unit, colours[sid]
        )
    ax.text(0, 0, centre or f"{total}", ha="center", va="center", fontsize=12, weight="bold")
    roots = frame[frame["level"] == 0]
    handles = [
        Patch(facecolor=colours[i], label=f"{lab} ({v})")
        for i, lab, v in zip(roots["id"], roots["label"], roots["value"], strict=True)
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=3,
        fontsize=10,
        frameon=False,
    )
    ax.set_title(title, fontsize=15, pad=8)
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=dpi)
    plt.close(fig)
    return out


def _shown(text: str) -> int:
    """Characters of the label shown; 0 when a cut leaves fewer than 10 (noise)."""
    n = len(text.replace("\n", "").rstrip("\u2026"))
    return n if not text.endswith("\u2026") or n >= 10 else 0


def _label(
    ax, label: str, mid_deg: float, span: float, r_in: float, width: float, scale: float, colour
) -> None:
    """Put ``label`` in a wedge, radially or along the arc, whichever shows more of it,
    at 9 pt or, when nothing fits, at 7 pt."""
    r_mid = r_in + width / 2
    ring = width * scale * 0.9
    arc = math.radians(span) * r_mid * scale * 0.85
    for size in (9, 7):
        radial, tangential = _fit(label, ring, arc, size), _fit(label, arc, ring, size)
        if _shown(tangential) > _shown(radial):
            text, rot = tangential, mid_deg - 90
        else:
            text, rot = radial, mid_deg
        if _shown(text):
            break
    else:
        return
    rot %= 360
    if 90 < rot < 270:
        rot += 180
    mid = math.radians(mid_deg)
    lum = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    ax.text(
        r_mid * math.cos(mid),
        r_mid * math.sin(mid),
        text,
        rotation=rot % 360,
        rotation_mode="anchor",
        ha="center",
        va="center",
        fontsize=size,
        linespacing=1.15,
        color="black" if lum > 0.5 else "white",
    )


def _fit(text: str, length_pt: float, height_pt: float, size: float) -> str:
    r"""Wrap ``text`` at spaces into the lines that fit a box (glyphs ~0.55 em wide, lines
    1.2 em); a cut line ends with an ellipsis; ``""`` when not even 5 characters fit.

    >>> _fit("Seismic Image Processing (138)", 100, 30, 9)
    'Seismic Image\nProcessing (138)'
    """
    per_line = int(length_pt / (0.55 * size))
    lines = int(height_pt / (1.2 * size))
    if per_line < 5 or lines < 1:
        return ""
    wrapped = textwrap.wrap(text, per_line, break_long_words=False) or [""]
    kept = wrapped[:lines]
    cut = len(kept) < len(wrapped)
    for i, line in enumerate(kept):
        if len(line) > per_line or (cut and i == len(kept) - 1):
            kept[i] = line[: per_line - 1].rstrip() + "\u2026"
    return "\n".join(kept)
