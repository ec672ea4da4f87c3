"""Show zitat's sentence boundaries on the seed texts and score them against a hand reference.

Usage (from the repository root)::

    .venv/bin/python benchmarks/sentences/show_boundaries.py            # print every sentence
    .venv/bin/python benchmarks/sentences/show_boundaries.py --score    # P/R against reference.tsv

``reference.tsv`` (next to this script) lists the true units of each text, checked by hand:
``doc``, ``start``, ``end`` (code-point offsets, end exclusive), ``kind`` (sentence, heading,
caption, credit, header) and the first words for the reader. A boundary is the start of
every unit but the first of a document; boundaries at a blank line are trivial (the splitter
always cuts there), so they are also scored without those.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from zitat.schema import Span
from zitat.text import split_sentences

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REFERENCE = HERE / "reference.tsv"
_OPEN_CLOSE = {"„": "“", "»": "«", '"': '"'}


def corpus_dir() -> Path:
    for candidate in (ROOT / "gold" / "corpus", ROOT.parent / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    sys.exit("no seed texts found in gold/corpus or ../shared/seeds")


def load_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(corpus_dir().glob("*.txt"))}


def load_reference() -> dict[str, list[tuple[Span, str]]]:
    units: dict[str, list[tuple[Span, str]]] = {}
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            span = Span(int(row["start"]), int(row["end"]))
            units.setdefault(row["doc"], []).append((span, row["kind"]))
    return units


def inside_quotes(text: str) -> list[bool]:
    """For every offset: is it between an opening and a closing quotation mark?"""
    state: list[bool] = []
    closer: str | None = None
    for ch in text:
        if closer is not None and ch == closer:
            closer = None
        elif closer is None and ch in _OPEN_CLOSE:
            closer = _OPEN_CLOSE[ch]
        state.append(closer is not None)
    return state


def show(texts: dict[str, str]) -> None:
    for doc, text in texts.items():
        sentences = split_sentences(text)
        print(f"== {doc}: {len(sentences)} sentences")
        for i, s in enumerate(sentences):
            print(f"{i:3d} {s.start:5d}-{s.end:5d} {text[s.start : s.end]!r}")


def trivial(text: str, offset: int) -> bool:
    """True if a blank line separates ``offset`` from the text before it."""
    return bool(re.search(r"\n\s*\n\s*$", text[:offset]))


def score(texts: dict[str, str]) -> None:
    reference = load_reference()
    counts: Counter[str] = Counter()
    errors: list[str] = []
    quote_boundaries: list[str] = []
    for doc, text in texts.items():
        ref_units = reference.get(doc, [])
        kinds = {
            span.start: "/".join(sorted({kind, ref_units[i - 1][1]} - {"sentence"})) or "sentence"
            for i, (span, kind) in enumerate(ref_units)
            if i
        }
        gold = {span.start for span, _ in ref_units[1:]}
        system = {s.start for s in split_sentences(text)[1:]}
        ref_spans = {span for span, _ in ref_units}
        sys_spans = set(split_sentences(text))
        counts["units_gold"] += len(ref_spans)
        counts["units_system"] += len(sys_spans)
        counts["units_exact"] += len(ref_spans & sys_spans)
        quoted = inside_quotes(text)
        for offset in sorted(gold | system):
            key = "trivial" if trivial(text, offset) else "inner"
            hit = offset in gold and offset in system
            counts[f"{key}_tp"] += hit
            counts[f"{key}_fp"] += offset in system and offset not in gold
            counts[f"{key}_fn"] += offset in gold and offset not in system
            if not hit:
                what = "missed" if offset in gold else "spurious"
                kind = kinds.get(offset, "sentence")
                context = text[max(0, offset - 30) : offset + 30].replace("\n", "⏎")
                errors.append(f"{doc} @{offset} {what} boundary ({kind}): …{context}…")
            if offset in gold and quoted[offset - 1]:
                context = text[max(0, offset - 30) : offset + 30].replace("\n", "⏎")
                quote_boundaries.append(f"{doc} @{offset}: …{context}…")
        for _span, kind in ref_units:
            counts[f"kind_{kind}"] += 1
    for key in ("inner", "trivial", "all"):
        tp = counts["inner_tp"] + counts["trivial_tp"] if key == "all" else counts[f"{key}_tp"]
        fp = counts["inner_fp"] + counts["trivial_fp"] if key == "all" else counts[f"{key}_fp"]
        fn = counts["inner_fn"] + counts["trivial_fn"] if key == "all" else counts[f"{key}_fn"]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{key:8s} boundaries: TP {tp:3d} FP {fp:2d} FN {fn:2d}  P {p:.3f}  R {r:.3f}")
    print(
        f"units: {counts['units_gold']} in the reference, {counts['units_system']} produced, "
        f"{counts['units_exact']} exactly right"
    )
    print(
        "reference units by kind:", {k[5:]: v for k, v in counts.items() if k.startswith("kind_")}
    )
    print(f"\nerrors ({len(errors)}):")
    for line in errors:
        print("  " + line)
    print(f"\ncorrect boundaries inside a quotation ({len(quote_boundaries)}):")
    for line in quote_boundaries:
        print("  " + line)


def wikinews(folder: Path) -> None:
    """Agreement with the Wikinews dataset's own (tool-made) sentence spans, inner boundaries."""
    from zitat.io.wikinews import iter_wikinews

    tp = fp = fn = 0
    for doc in iter_wikinews(folder):
        text = doc.text
        gold = {s.start for s in doc.document.sentences[1:] if not trivial(text, s.start)}
        system = {s.start for s in split_sentences(text)[1:] if not trivial(text, s.start)}
        tp, fp, fn = tp + len(gold & system), fp + len(system - gold), fn + len(gold - system)
    print(
        f"inner boundaries vs {folder}: TP {tp} FP {fp} FN {fn}  "
        f"P {tp / (tp + fp):.3f}  R {tp / (tp + fn):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--score", action="store_true", help="score against reference.tsv")
    parser.add_argument(
        "--wikinews", type=Path, help="compare with the sentences of a Wikinews split folder"
    )
    args = parser.parse_args()
    if args.wikinews:
        wikinews(args.wikinews)
        return
    texts = load_texts()
    score(texts) if args.score else show(texts)


if __name__ == "__main__":
    main()
