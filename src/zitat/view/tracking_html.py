"""An HTML page of tracked statements: each statement's versions side by side, differences marked.

One ``<section class="statement" id="<cluster id>">`` per statement, with its speaker, the
documents that carry it and its first appearance; inside it one ``<article class="version">``
per version (the reference first, marked ``reference``), each with document, outlet, date,
form and faithfulness, and the version's text marked against the reference: ``<ins>`` for words
only in this version, ``<del>`` for reference words it leaves out or replaces, and a
``<span class="outside">…</span>`` (the left-out words in its ``title``) where the version starts
after or ends before the reference. All text is escaped; the page is self-contained (inline
CSS, no scripts).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from zitat.tracking import StatementCluster, Version
from zitat.view.html import TYPE_COLOURS, type_swatches

__all__ = ["DEL_COLOUR", "INS_COLOUR", "render_tracking_html"]

INS_COLOUR = "#b2f2bb"
"""Background of words only in a version."""
DEL_COLOUR = "#ffc9c9"
"""Background of reference words a version leaves out or replaces."""

_CSS = f"""
body {{ font-family: system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 1400px; }}
h1 {{ font-size: 1.3em; }} h2 {{ font-size: 1.1em; margin: 0 0 .3em 0; }}
.settings, .meta {{ color: #555; font-size: .9em; margin: .2em 0 .6em 0; }}
.legend span, .legend ins, .legend del {{ display: inline-block; margin: 0 .8em .3em 0;
  padding: 2px 6px; border-radius: 3px; }}
nav ol {{ columns: 2; column-gap: 3em; font-size: .9em; list-style-position: inside;
  padding-left: 0; }}
nav li {{ break-inside: avoid; margin-bottom: .15em; }}
section.statement {{ border-top: 2px solid #ccc; padding-top: .8em; margin-top: 1.4em; }}
.versions {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr));
  gap: 1em; align-items: start; }}
article.version {{ border: 1px solid #ddd; border-radius: 6px; padding: .6em .8em; }}
article.reference, .legend .ref {{ border: 2px solid #555; }}
article header {{ font-size: .85em; color: #444; margin-bottom: .4em; }}
article header .doc {{ font-weight: bold; color: #222; }}
.form {{ padding: 1px 6px; border-radius: 3px; font-size: .85em; }}
.score {{ display: inline-block; width: 60px; height: 8px; background: #eee;
  border-radius: 4px; vertical-align: middle; margin-right: .3em; }}
.score > span {{ display: block; height: 8px; border-radius: 4px; background: #546e7a; }}
p.text {{ line-height: 1.7; font-size: 15px; margin: .3em 0; }}
ins {{ background: {INS_COLOUR}; text-decoration: none; border-radius: 3px; padding: 1px 1px; }}
del {{ background: {DEL_COLOUR}; color: #8e1b1b; border-radius: 3px; padding: 1px 1px;
  margin: 0 .25em; }}
.outside {{ color: #999; margin: 0 .2em; cursor: help; }}
.words {{ font-size: .8em; color: #555; margin: .2em 0 0 0; }}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _marked_text(version: Version) -> str:
    out: list[str] = []
    for piece in version.comparison.pieces:
        text = _e(piece.text)
        if piece.kind == "ins":
            out.append(f"<ins>{text}</ins>")
        elif piece.kind == "del":
            out.append(f"<del>{text}</del>")
        elif piece.kind == "outside":
            out.append(f'<span class="outside" title="not in this version: {text}">…</span>')
        else:
            out.append(text)
    return "".join(out)


def _score(label: str, value: float) -> str:
    width = round(value * 100)
    return (
        f'<span class="score" title="{_e(label)} {value:.2f}"><span style="width:{width}%">'
        f"</span></span>{_e(label)} {value:.2f}"
    )


def _version(version: Version) -> str:
    comparison = version.comparison
    classes = "version reference" if version.is_reference else "version"
    outlet = f" · {_e(version.outlet)}" if version.outlet else ""
    date = _e(version.date.label) if version.date else "undated"
    colour = TYPE_COLOURS.get(version.form.value, "#eee")
    head = (
        f'<span class="doc">{_e(version.doc_id)}</span>{outlet} · {date} · '
        f'<span class="form" style="background:{colour}">{_e(version.form.value)}</span>'
        + (" · <strong>reference</strong>" if version.is_reference else "")
    )
    scores = ""
    words = ""
    if not version.is_reference:
        scores = (
            f"<br>{_score('faithful', comparison.faithfulness)} · "
            f"{_score('covers', comparison.coverage)}"
        )
        lists = []
        if comparison.only_in_version:
            lists.append("only here: " + _e(" ".join(comparison.only_in_version)))
        if comparison.only_in_reference:
            lists.append("only in the reference: " + _e(" ".join(comparison.only_in_reference)))
        if lists:
            words = f'<p class="words">{"<br>".join(lists)}</p>'
    return (
        f'<article class="{classes}" data-doc="{_e(version.doc_id)}" '
        f'data-quote="{_e(version.quote_id)}"><header>{head}{scores}</header>'
        f'<p class="text">{_marked_text(version)}</p>{words}</article>'
    )


def _section(cluster: StatementCluster) -> str:
    speaker = _e(cluster.speaker.name) if cluster.speaker else "unattributed"
    meta = [
        f"{cluster.size} versions in {len(cluster.documents)} document(s)",
        f"mean similarity {cluster.cohesion:.2f}",
    ]
    if cluster.outlets:
        meta.append("outlets: " + _e(", ".join(cluster.outlets)))
    first = cluster.first_seen
    if first is not None:
        note = f"; {len(first.undated)} undated" if first.undated else ""
        meta.append(f"first seen {_e(first.date.label)} in {_e(', '.join(first.documents))}{note}")
    versions = "".join(_version(v) for v in cluster.versions)
    return (
        f'<section class="statement" id="{_e(cluster.id)}"><h2>{_e(cluster.id)} · {speaker}</h2>'
        f'<p class="meta">{" · ".join(meta)}</p><div class="versions">{versions}</div></section>'
    )


def _toc(clusters: Sequence[StatementCluster]) -> str:
    items = []
    for c in clusters:
        speaker = _e(c.speaker.name) if c.speaker else "unattributed"
        words = c.reference.text.split()
        gist = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        items.append(
            f'<li><a href="#{_e(c.id)}">{_e(c.id)}</a> {speaker} ({c.size}): {_e(gist)}</li>'
        )
    return f"<nav><ol>{''.join(items)}</ol></nav>" if items else "<p>No statements.</p>"


def render_tracking_html(
    clusters: Sequence[StatementCluster],
    *,
    title: str = "Tracked statements",
    settings: Mapping[str, Any] | None = None,
) -> str:
    """The page for ``clusters`` (see the module docstring)."""
    shown = ", ".join(f"{k} {v}" for k, v in (settings or {}).items())
    legend = (
        "<ins>only in this version</ins><del>in the reference, left out or replaced</del>"
        '<span class="outside">… reference words outside the excerpt</span>'
        f'<span class="ref">reference: the longest direct version</span>{type_swatches()}'
    )
    sections = "".join(_section(c) for c in clusters)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{_CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p class="settings">{_e(shown)}</p>
<p class="legend">{legend}</p>
{_toc(clusters)}
{sections}
</body></html>
"""
