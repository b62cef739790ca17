"""SPARQL 1.1 query results in JSON, XML, CSV and TSV, from a list of solutions.

pyoxigraph serialises a whole result iterator; the endpoint cuts results at its size
limit first, so the rows are written here from the kept solutions.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from dlseis_kg.namespaces import XSD

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_PLAIN = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def term_json(t) -> dict:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value not in _PLAIN:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, Triple):
        parts = zip(
            ("subject", "predicate", "object"), (t.subject, t.predicate, t.object), strict=True
        )
        return {"type": "triple", "value": {k: term_json(v) for k, v in parts}}
    raise TypeError(f"not an RDF term: {t!r}")


def term_xml(t) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        if t.datatype.value not in _PLAIN:
            return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
        return f"<literal>{escape(t.value)}</literal>"
    if isinstance(t, Triple):
        return (
            f"<triple><subject>{term_xml(t.subject)}</subject><predicate>"
            f"{term_xml(t.predicate)}</predicate><object>{term_xml(t.object)}</object></triple>"
        )
    raise TypeError(f"not an RDF term: {t!r}")


def term_csv(t) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        return f"_:{t.value}"
    if isinstance(t, (NamedNode, Literal)):
        return t.value
    return str(t)


def solutions(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """Serialise rows (lists of terms or None, in variable order) in ``fmt``."""
    if fmt == "json":
        bindings = [
            {v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None}
            for row in rows
        ]
        doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = [
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
            "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>",
            "<results>",
        ]
        for row in rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{term_xml(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow([term_csv(t) for t in row])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown results format {fmt!r}")


def boolean(value: bool, fmt: str) -> bytes:
    """Serialise an ASK result in ``fmt`` (CSV and TSV: ``true`` or ``false``)."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{word}</boolean></sparql>\n"
        ).encode()
    return f"{word}\n".encode()
