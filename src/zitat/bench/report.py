"""A Markdown report of a run: comparison, per-label tables, paired tests, failures."""

from __future__ import annotations

from typing import Any

from zitat.bench.table import comparison_table

__all__ = ["markdown_report"]


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "–" if value is None else str(value)


def _num(value: Any, digits: int = 0) -> str:
    """``12,345`` (or ``1.2`` with ``digits=1``), ``–`` when unknown."""
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown_report(results: dict[str, Any]) -> str:
    """Render ``results`` (the content of results.json) as Markdown."""
    gold = results["gold"]
    lines = [
        f"# zitat benchmark: {gold['spec']}",
        "",
        f"- zitat {results['zitat_version']}, {results['created']}",
        f"- gold: `{gold['name']}`"
        + (f" split `{gold['split']}`" if gold.get("split") else "")
        + f", {gold['scored_documents']} of {gold['documents']} documents, "
        + f"sha256 `{gold['sha256'][:16]}…`",
        (
            f"- tasks: {', '.join(results['settings']['tasks'])}; bootstrap resamples: "
            f"{results['settings']['n_boot']}; seed {results['settings']['seed']}"
        ),
        "",
        "## Comparison",
        "",
        "Scores with ± half the 95% bootstrap interval (documents resampled); **bold**: best.",
        "",
    ]
    table = comparison_table(results)
    header = ["extractor", *(title for _, title in table.metrics), "speed"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, cells, speed in table.rows:
        texts = [f"**{c.text()}**" if c.best else c.text() for c in cells]
        lines.append("| " + " | ".join([f"`{name}`", *texts, speed]) + " |")
    lines.append("")
    for entry in results["extractors"]:
        lines += _extractor_section(entry)
    tests = results.get("paired_tests") or []
    if tests:
        lines += ["## Paired tests", "", "| A | B | metric | A − B | p |", "|---|---|---|---|---|"]
        for t in tests:
            lines.append(
                f"| `{t['a']}` | `{t['b']}` | {t['metric']} | {_fmt(t.get('delta'))} | "
                f"{_fmt(t.get('p_value'))} |"
            )
        lines.append("")
    failures = results.get("plugin_failures") or []
    if failures:
        lines += ["## Plugins that failed to load", ""]
        lines += [f"- `{f['plugin']}` ({f['stage']}): {f['error']}" for f in failures]
        lines.append("")
    return "\n".join(lines)


def _extractor_section(entry: dict[str, Any]) -> list[str]:
    lines = [f"## `{entry['name']}` {entry['version']}", ""]
    if entry.get("status") != "ok":
        return [*lines, f"Failed: {entry.get('error')}", ""]
    speed = entry.get("speed") or {}
    lines.append(
        f"Tasks scored: {', '.join(entry['scored_tasks']) or 'none'}. "
        f"{entry['documents']} documents, {_num(speed.get('docs_per_s'), 1)} docs/s, "
        f"{_num(speed.get('tokens_per_s'))} tokens/s, peak memory "
        f"{_num(speed.get('peak_memory_mb'), 1)} MiB."
    )
    lines.append("")
    for name, rows in (entry.get("tables") or {}).items():
        table = _rows_table(rows) if isinstance(rows, list) and rows else []
        if table:
            lines += [f"### {name}", "", *table, ""]
    if entry.get("failures"):
        lines += ["Failed documents:", ""]
        lines += [f"- `{f['doc_id']}` {f['status']}: {f['error']}" for f in entry["failures"]]
        lines.append("")
    return lines


_ORDER = ("layer", "label", "part", "polarity", "precision", "recall", "f1", "tp", "fp", "fn")


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row of nested records only (the ``speakers`` table) as ``record.field`` columns."""
    if any(_scalar(v) for v in row.values()):
        return row
    return {
        f"{k}.{kk}": vv
        for k, v in row.items()
        if isinstance(v, dict)
        for kk, vv in v.items()
        if _scalar(vv)
    }


def _rows_table(rows: list[dict[str, Any]]) -> list[str]:
    """A Markdown table of the scalar columns of ``rows``, the usual columns first."""
    rows = [_flat(row) for row in rows]
    keys = {k for row in rows for k, v in row.items() if _scalar(v)}
    if not keys:
        return []
    columns = [k for k in _ORDER if k in keys] + sorted(keys - set(_ORDER))
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(_fmt(row.get(c)) for c in columns) + " |" for row in rows]
    return out
