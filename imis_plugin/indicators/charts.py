"""Chart images for reports (matplotlib, drawn off-screen with the Agg canvas so QGIS's own matplotlib
backend is left alone): the SFD-style excreta-flow figure and a bar chart of an area's indicators."""
from __future__ import annotations

from pathlib import Path

from .engine import FlowRow, IndicatorRow

SAFE_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#f9a825"}
UNKNOWN_COLOUR = "#9e9e9e"

# Final stages in drawing order, and how the first two columns group them.
STAGES = ("offsite_treated", "offsite_untreated", "onsite_contained", "onsite_treated", "onsite_not_treated",
          "onsite_not_delivered", "not_contained", "open_defecation", "unknown")
COLUMNS = (
    ("Containment", (("Sewer", ("offsite_treated", "offsite_untreated")),
                     ("On-site", ("onsite_contained", "onsite_treated", "onsite_not_treated", "onsite_not_delivered")),
                     ("Not contained", ("not_contained",)), ("Open defecation", ("open_defecation",)),
                     ("No data", ("unknown",)))),
    ("Emptying", (("Sewer", ("offsite_treated", "offsite_untreated")),
                  ("Not emptied", ("onsite_contained",)),
                  ("Emptied", ("onsite_treated", "onsite_not_treated", "onsite_not_delivered")),
                  ("Not contained", ("not_contained",)), ("Open defecation", ("open_defecation",)),
                  ("No data", ("unknown",)))),
)


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(figure)
    return figure


def excreta_flow_png(flows: list[FlowRow], path, title: str = "Excreta flow") -> Path:
    """An SFD-style diagram: population shares from containment through emptying to treatment, each band
    coloured by its outcome (green safe, red unsafe, amber safe only where the groundwater risk is low)."""
    from matplotlib.patches import Rectangle

    share = {f.stage: (f.share or 0.0) for f in flows}
    safety = {f.stage: f.safe for f in flows}
    labels = {f.stage: f.label for f in flows}
    figure = _figure(9, 5)
    ax = figure.add_axes([0.01, 0.04, 0.98, 0.86])
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 100)
    ax.axis("off")
    figure.suptitle(title, fontsize=11)
    # every final stage keeps its vertical band in all columns, so the flows are drawn as straight bands
    top, bands = 100.0, {}
    for stage in STAGES:
        bands[stage] = (top - share.get(stage, 0.0), top)
        top -= share.get(stage, 0.0)
    xs = ((0.2, 1.6), (3.0, 4.4), (5.8, 7.2))
    for stage in STAGES:
        low, high = bands[stage]
        if high - low <= 0:
            continue
        colour = UNKNOWN_COLOUR if stage == "unknown" else SAFE_COLOURS[safety.get(stage)]
        ax.add_patch(Rectangle((xs[0][0], low), xs[2][1] - xs[0][0], high - low, color=colour, alpha=0.25, lw=0))
    for (heading, groups), (x0, x1) in zip(COLUMNS, xs[:2]):
        ax.text((x0 + x1) / 2, 101, heading, ha="center", va="bottom", fontsize=8, weight="bold")
        for name, stages in groups:
            low, high = min(bands[s][0] for s in stages), max(bands[s][1] for s in stages)
            if high - low <= 0:
                continue
            ax.add_patch(Rectangle((x0, low), x1 - x0, high - low, facecolor="#546e7a", edgecolor="white", lw=1))
            if high - low >= 6:
                ax.text((x0 + x1) / 2, (low + high) / 2, f"{name}\n{high - low:.1f} %", ha="center", va="center",
                        fontsize=6, color="white")
    x0, x1 = xs[2]
    ax.text((x0 + x1) / 2, 101, "Outcome", ha="center", va="bottom", fontsize=8, weight="bold")
    for stage in STAGES:
        low, high = bands[stage]
        if high - low <= 0:
            continue
        colour = UNKNOWN_COLOUR if stage == "unknown" else SAFE_COLOURS[safety.get(stage)]
        ax.add_patch(Rectangle((x0, low), x1 - x0, high - low, facecolor=colour, edgecolor="white", lw=1))
        ax.text(x1 + 0.1, (low + high) / 2, f"{high - low:.1f} %  {labels.get(stage, stage)}", va="center", fontsize=6)
    safe = sum(share.get(s, 0.0) for s in STAGES if safety.get(s) is True)
    unsafe = sum(share.get(s, 0.0) for s in STAGES if safety.get(s) is False)
    contained = share.get("onsite_contained", 0.0)
    figure.text(0.01, 0.005, f"Safely managed {safe:.1f} %   unsafe {unsafe:.1f} %   "
                f"contained, not emptied (safe where groundwater risk is low) {contained:.1f} %", fontsize=7)
    path = Path(path)
    figure.savefig(path)
    return path


def indicator_bars_png(rows: list[IndicatorRow], path, title: str, rule: str = "city") -> Path:
    """Horizontal bars of the area's percentage indicators (rule-free ones and those under ``rule``)."""
    chosen = [r for r in rows if r.unit == "%" and (r.rule in (None, rule) or r.group == "jmp")
              and r.group != "service"]
    chosen = [r for r in chosen if (r.value or 0) <= 100 or r.value is None][:30]
    figure = _figure(4.2, 0.17 * len(chosen) + 0.9)
    ax = figure.add_axes([0.27, 0.06, 0.63, 0.88])
    names = [r.label for r in chosen][::-1]
    values = [r.value or 0.0 for r in chosen][::-1]
    colours = ["#b0bec5" if r.value is None else "#1565c0" for r in chosen][::-1]
    ax.barh(names, values, color=colours)
    ax.set_xlim(0, 100)
    ax.tick_params(labelsize=7)
    ax.set_title(title, fontsize=9)
    for y, row in enumerate(chosen[::-1]):
        ax.text(min(row.value or 0.0, 100) + 1, y, row.value_text() if row.value is not None else "no data",
                va="center", fontsize=6)
    path = Path(path)
    figure.savefig(path)
    return path
