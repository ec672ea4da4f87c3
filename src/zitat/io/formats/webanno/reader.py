"""Reading one WebAnno TSV 3.2/3.3 file, the way INCEpTION's reader does.

The text is rebuilt from the ``#Text=`` lines as INCEpTION rebuilds it (a line feed after
each line; between sentences the gap up to the next sentence's first token is padded with
spaces or the extra line feed dropped), except that the line feed INCEpTION leaves after
the last sentence is dropped too. Offsets are UTF-16 code units of that text. Only zitat's
layers are read; other layers, chains and ``#Sentence.id`` lines are reported as ignored.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from zitat.errors import ValidationError
from zitat.io.formats.assemble import FileNotes, build_document
from zitat.io.formats.loss import warn_loss
from zitat.io.formats.record import RECORD_KEY, Record, read_record
from zitat.io.formats.textfile import read_export
from zitat.io.formats.utf16 import UTF16, OffsetMap, utf16_length
from zitat.io.formats.webanno.escaping import (
    split_unescaped,
    strip_suffix,
    unescape_text,
    unescape_value,
)
from zitat.io.formats.webanno.layers import (
    FEATURES,
    MENTION,
    QUOTE,
    RELATION,
    REQUIRED,
    ROLE,
    RelationAnno,
    SpanAnno,
    make_view,
    rebuild_view,
    view_of,
)
from zitat.schema import AnnotatedDocument, Span, Token

__all__ = ["read_tsv"]

_FORMAT = re.compile(r"#FORMAT=(?P<name>.*) (?P<major>\d+)\.(?P<minor>\d+)")
_UNIT_ID = re.compile(r"(\d+)-(\d+)(?:\.(\d+))?")
_OFFSETS = re.compile(r"(\d+)-(\d+)")
_OURS = (QUOTE, ROLE, MENTION, RELATION)


@dataclass
class _Column:
    layer: str
    name: str  # feature name; "" for placeholders and references


@dataclass
class _Unit:
    id: str
    begin: int  # UTF-16 until converted, then code points
    end: int
    text: str
    line: int
    fields: list[str]
    is_token: bool


@dataclass
class _Pending:
    layer: str
    ident: int | None = None  # the disambiguation id, if any
    units: list[_Unit] = field(default_factory=list)
    values: dict[str, str | None] = field(default_factory=dict)
    line: int = 0


def _header(lines: list[str], source: Path) -> tuple[list[_Column], int, list[str]]:
    """Columns declared in the header, the index of the first body line, ignored layers."""
    m = _FORMAT.fullmatch(lines[0]) if lines else None
    if m is None or m["name"] != "WebAnno TSV" or (int(m["major"]), int(m["minor"])) < (3, 2):
        raise ValidationError(
            f"expected '#FORMAT=WebAnno TSV 3.3' (3.2 is read too), got {lines[0][:60]!r}",
            source=source,
            line=1,
        )
    columns: list[_Column] = []
    ignored: list[str] = []
    i = 1
    while i < len(lines) and lines[i].startswith(("#T_SP=", "#T_RL=", "#T_CH=")):
        kind, _, rest = lines[i].partition("=")
        layer, *names = rest.split("|")
        if kind == "#T_CH":
            columns += [_Column(layer, "") for _ in range(2)]
            ignored.append(f"layer {layer}")
        elif not names:
            columns.append(_Column(layer, ""))
        else:
            for name in names:
                plain = not name.startswith(("BT_", "ROLE_")) and "." not in name
                columns.append(_Column(layer, name if plain else ""))
        if layer in _OURS:
            known = {*FEATURES[layer], f"BT_{QUOTE}"}
            ignored += [f"feature {layer}.{n}" for n in names if n not in known]
            missing = [n for n in REQUIRED[layer] if n not in names]
            if layer == RELATION and f"BT_{QUOTE}" not in names:
                missing.append(f"BT_{QUOTE}")
            if missing:
                raise ValidationError(
                    f"layer {layer} lacks {', '.join(missing)}; see docs/formats.md",
                    source=source,
                    line=i + 1,
                )
        elif kind != "#T_CH":
            ignored.append(f"layer {layer}")
        i += 1
    if i < len(lines) and lines[i] != "":
        raise ValidationError(
            f"expected a blank line after the header, got {lines[i][:60]!r}",
            source=source,
            line=i + 1,
        )
    return columns, i + 1, ignored


@dataclass
class _Body:
    text: str
    units: list[_Unit]
    sentences: list[tuple[int, int]]  # UTF-16 begin, end of each sentence's #Text
    record: tuple[str, int] | None
    sentence_ids: int


def _body(lines: list[str], first: int, width: int, source: Path) -> _Body:
    """The text, units and sentences of the body, rebuilt as INCEpTION rebuilds them."""
    parts: list[str] = []
    length = 0  # UTF-16 length of "".join(parts)
    pending: list[str] | None = None
    state = "between"
    units: list[_Unit] = []
    sentences: list[tuple[int, int]] = []
    record: tuple[str, int] | None = None
    sentence_ids = 0

    def fail(message: str, number: int, fld: str | None = None) -> ValidationError:
        return ValidationError(message, field=fld, source=source, line=number)

    for number, line in enumerate(lines[first:], start=first + 1):
        if line == "":
            if state == "header" and pending is not None:
                raise fail("a sentence header without tokens", number)
            if state == "tokens":
                sentences[-1] = (sentences[-1][0], length)
            state = "between"
            continue
        if line.startswith("#"):
            if state == "tokens":
                raise fail("expected a token line or a blank line", number)
            state = "header"
            if line.startswith("#Text="):
                pending = [] if pending is None else pending
                pending.append(unescape_text(line[len("#Text=") :]) + "\n")
            elif line.startswith(f"#{RECORD_KEY}="):
                if record is not None:
                    raise fail(f"a second #{RECORD_KEY}= line", number)
                record = (line[len(RECORD_KEY) + 2 :], number)
            elif line.startswith("#Sentence.id="):
                sentence_ids += 1
            continue
        if state == "between":
            raise fail("expected a sentence header (#Text=) before the tokens", number)
        cells = line.split("\t")
        if cells[-1] == "":  # INCEpTION ends each row with a tab; no column is ever empty
            cells.pop()
        if len(cells) != width + 3:
            raise fail(f"expected {width + 3} tab-separated fields, found {len(cells)}", number)
        m, o = _UNIT_ID.fullmatch(cells[0]), _OFFSETS.fullmatch(cells[1])
        if m is None:
            raise fail(f"expected a unit id like 1-3 or 1-3.1, got {cells[0]!r}", number, "id")
        if o is None:
            raise fail(f"expected offsets like 4-8, got {cells[1]!r}", number, "offsets")
        begin, end = int(o[1]), int(o[2])
        if state == "header":  # the sentence's first token: place its text
            if pending is None:
                raise fail("a sentence without #Text= lines", number)
            if length > begin:
                if length != begin + 1 or not parts or not parts[-1].endswith("\n"):
                    raise fail(
                        f"the token starts at {begin}, inside the previous sentence's text "
                        f"(which ends at {length - 1})",
                        number,
                        "offsets",
                    )
                parts[-1] = parts[-1][:-1]
                length -= 1
                sentences[-1] = (sentences[-1][0], length)
            elif length < begin:
                parts.append(" " * (begin - length))
                length = begin
            sentence_text = "".join(pending)
            sentences.append((length, length))
            parts.append(sentence_text)
            length += utf16_length(sentence_text)
            pending = None
            state = "tokens"
        units.append(_Unit(cells[0], begin, end, cells[2], number, cells[3:], m[3] is None))
    if state == "header" and pending is not None:
        raise fail("a sentence header without tokens", len(lines))
    if state == "tokens":
        sentences[-1] = (sentences[-1][0], length)
    text = "".join(parts)
    if sentences and text.endswith("\n"):
        text = text[:-1]
    return _Body(text, units, sentences, record, sentence_ids)


def _annotations(
    body: _Body, columns: list[_Column]
) -> tuple[list[_Pending], dict[str, dict[str, list[_Pending]]], list[tuple[_Unit, str, str]]]:
    """Span annotations, the ones on each unit by layer, and raw relation cells."""
    by_layer: dict[str, list[int]] = defaultdict(list)
    for i, col in enumerate(columns):
        by_layer[col.layer].append(i)
    spans: dict[tuple[object, ...], _Pending] = {}
    on_unit: dict[str, dict[str, list[_Pending]]] = defaultdict(lambda: defaultdict(list))
    relations: list[tuple[_Unit, str, str]] = []
    for unit in body.units:
        for layer in (QUOTE, ROLE, MENTION):
            cols = by_layer.get(layer, [])
            cells = [unit.fields[i] for i in cols]
            if not cells or all(c == "_" for c in cells):
                continue
            stacks = [split_unescaped(c, "|") for c in cells]
            if len({len(s) for s in stacks}) != 1 or "_" in cells:
                raise ValidationError(
                    "the columns of one annotation layer disagree (stacked values or '_')",
                    obj=f"unit {unit.id}",
                    field=layer,
                    line=unit.line,
                )
            for k in range(len(stacks[0])):
                values: dict[str, str | None] = {}
                ident: int | None = None
                for index, stack in zip(cols, stacks, strict=True):
                    raw, suffix = strip_suffix(stack[k], r"(\d+)")
                    if suffix:
                        ident = suffix[0]
                    values[columns[index].name] = None if raw == "*" else unescape_value(raw)
                key: tuple[object, ...] = (layer, ident) if ident else (layer, unit.id, k)
                anno = spans.setdefault(key, _Pending(layer, ident, line=unit.line))
                for name, value in values.items():
                    if name in anno.values and anno.values[name] != value:
                        raise ValidationError(
                            f"annotation [{ident}] has {name} {value!r} here but "
                            f"{anno.values[name]!r} on line {anno.line}",
                            obj=f"unit {unit.id}",
                            field=f"{layer}.{name}",
                            line=unit.line,
                        )
                    anno.values[name] = value
                anno.units.append(unit)
                on_unit[unit.id][layer].append(anno)
        cols = by_layer.get(RELATION, [])
        if cols:
            labels, refs = unit.fields[cols[0]], unit.fields[cols[-1]]
            if (labels, refs) != ("_", "_"):
                relations.append((unit, labels, refs))
    return list(spans.values()), on_unit, relations


def _relations(
    raw: list[tuple[_Unit, str, str]],
    units: dict[str, _Unit],
    on_unit: dict[str, dict[str, list[_Pending]]],
    made: dict[int, SpanAnno],
) -> list[RelationAnno]:
    """Relations from their cells: the cell's unit holds the target, the reference the source."""
    out = []
    for unit, labels_cell, refs_cell in raw:
        labels, refs = split_unescaped(labels_cell, "|"), split_unescaped(refs_cell, "|")

        def fail(message: str, name: str, unit: _Unit = unit) -> ValidationError:
            return ValidationError(message, obj=f"unit {unit.id}", field=name, line=unit.line)

        if len(labels) != len(refs):
            raise fail("the relation columns disagree", f"{RELATION}.label")
        for label, ref in zip(labels, refs, strict=True):
            address, ids = strip_suffix(ref, r"(\d+)_(\d+)")
            source_id, target_id = ids if ids else (0, 0)
            if address not in units:
                raise fail(f"no unit {address!r} to point at", f"BT_{QUOTE}")
            ends = []
            for at, ident in ((units[address], source_id), (unit, target_id)):
                quotes = on_unit[at.id][QUOTE]
                if ident:
                    quotes = [q for q in quotes if q.ident == ident]
                if len(quotes) != 1:
                    problem = "no" if not quotes else "more than one"
                    raise fail(
                        f"{problem} Quote annotation at unit {at.id} to attach the relation to",
                        f"BT_{QUOTE}",
                    )
                ends.append(made[id(quotes[0])])
            value = None if label in ("*", "_") else unescape_value(label)
            out.append(RelationAnno(ends[0], ends[1], value, line=unit.line, unit=unit.id))
    return out


def _read_lines(path: Path) -> list[str]:
    lines = read_export(path).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _convert(body: _Body, source: Path) -> OffsetMap:
    """Turn the units' UTF-16 offsets into code points, checking them against the text."""
    omap = OffsetMap(body.text, UTF16)
    previous_end = 0
    for unit in body.units:
        where = {"obj": f"unit {unit.id}", "field": "offsets"}
        try:
            unit.begin = omap.to_code_point(unit.begin, **where)
            unit.end = omap.to_code_point(unit.end, **where)
        except ValidationError as err:
            raise err.located(source, unit.line) from None
        if unit.end < unit.begin:
            raise ValidationError(
                f"reversed offsets {unit.begin}-{unit.end}", **where, source=source, line=unit.line
            )
        if unit.is_token:
            covered = body.text[unit.begin : unit.end]
            if covered != unit.text:
                raise ValidationError(
                    f"the token {unit.text!r} differs from the text at its offsets ({covered!r}); "
                    "are the offsets UTF-16 code units?",
                    obj=f"unit {unit.id}",
                    field="token",
                    source=source,
                    line=unit.line,
                )
            if unit.begin < previous_end or unit.begin == unit.end:
                raise ValidationError(
                    "tokens must be non-empty and must not overlap",
                    **where,
                    source=source,
                    line=unit.line,
                )
            previous_end = unit.end
    return omap


def read_tsv(path: Path, notes: FileNotes) -> AnnotatedDocument:
    """One document from a TSV file; errors name the file, line and field."""
    lines = _read_lines(path)
    columns, first, ignored = _header(lines, path)
    body = _body(lines, first, len(columns), path)
    rec: Record | None = None
    text = body.text
    if body.record is not None:
        raw, number = body.record
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise ValidationError(
                f"malformed JSON in the #{RECORD_KEY}= line: {err.msg} at column {err.colno}",
                source=path,
                line=number,
            ) from None
        prefix = data.get("text_prefix") if isinstance(data, dict) else None
        if isinstance(prefix, str) and text[: len(prefix)].strip(" ") == "":
            text = prefix + text[utf16_length(prefix) :]
            body.text = text
        try:
            rec = read_record(data, text)
        except ValidationError as err:
            raise err.located(path, number) from None
    _convert(body, path)
    try:
        pending, on_unit, raw_relations = _annotations(body, columns)
    except ValidationError as err:
        raise err.located(path) from None
    made: dict[int, SpanAnno] = {}
    for p in pending:
        start = min(u.begin for u in p.units)
        end = max(u.end for u in p.units)
        if end <= start:
            raise ValidationError(
                f"empty span {start}-{end}",
                obj=f"unit {p.units[0].id}",
                field=p.layer,
                source=path,
                line=p.line,
            )
        values = tuple((name, p.values.get(name)) for name in FEATURES[p.layer])
        made[id(p)] = SpanAnno(p.layer, start, end, values, line=p.line, unit=p.units[0].id)
    units = {u.id: u for u in body.units}
    try:
        relations = _relations(raw_relations, units, on_unit, made)
    except ValidationError as err:
        raise err.located(path) from None
    view = make_view(made.values(), relations)
    tokens = tuple(
        Token(u.text, u.begin, u.end, i, u.end < len(text) and text[u.end].isspace())
        for i, u in enumerate(u for u in body.units if u.is_token)
    )
    sentences = _sentences(body, text)
    skipped = list(dict.fromkeys(ignored))
    if body.sentence_ids:
        skipped.append(f"{body.sentence_ids} #Sentence.id lines")
    warn_loss(path, "ignored", skipped)
    try:
        return build_document(
            source=path,
            tool="WebAnno TSV",
            text=text,
            record=rec,
            unchanged=lambda a: view_of(a, tokens)[0] == view,
            rebuild=lambda: rebuild_view(view, text),
            fallback_id=path.stem,
            notes=notes,
            tokens=tokens,
            sentences=sentences,
        )
    except ValidationError as err:
        raise err.located(path) from None


def _sentences(body: _Body, text: str) -> tuple[Span, ...]:
    omap = OffsetMap(text, UTF16)
    out = []
    for begin, end in body.sentences:
        start = omap.to_code_point(begin, field="sentence")
        stop = omap.to_code_point(min(end, omap.length), field="sentence")
        chunk = text[start:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Span(start + lead, start + len(chunk.rstrip())))
    return tuple(out)
