"""Redirect rules for w3id.org: ``https://w3id.org/dlseis/...`` to the static site.

w3id.org is an Apache server whose rules live in one ``.htaccess`` per project (a pull
request to github.com/perma-id/w3id.org adds ``dlseis/.htaccess``). The rules follow
the pattern of the server: a resource IRI answers ``303 See Other`` to the document in
the format the ``Accept`` header names (Turtle, JSON-LD, N-Triples, else HTML); a
document URL (``.html``, ``.ttl``, ``.jsonld``, ``.nt``) and the dumps redirect to the
same file on the site; nodes inside a paper go to their paper's document.

mod_rewrite matches ``Accept`` by substring and cannot weigh q values, so a client that
lists several RDF types gets the first one in the order Turtle, JSON-LD, N-Triples.
"""

from __future__ import annotations

RDF_TYPES = [
    ("ttl", r"text/turtle"),
    ("jsonld", r"application/ld\+json"),
    ("nt", r"application/n-triples"),
]


def htaccess(site_url: str, endpoint: str | None = None) -> str:
    """The ``.htaccess`` for ``w3id.org/dlseis/`` redirecting to ``site_url``."""
    site = site_url.rstrip("/") + "/"
    lines = [
        "# w3id.org/dlseis -> the dlseis-kg static site, written by `dlseis-kg publish`.",
        f"# Site: {site}",
        "# Resource IRIs answer 303 See Other to the document in the format the Accept",
        "# header asks for (docs/publishing.md); documents and dumps answer 302 Found.",
        "Options +FollowSymLinks",
        "RewriteEngine on",
        "<IfModule mod_headers.c>",
        "  Header append Vary Accept",
        "</IfModule>",
        "",
        "# the home page",
        f"RewriteRule ^$ {site} [R=302,L]",
        "",
        "# documents, dumps and site files: the same path on the site",
        rf"RewriteRule ^(.+\.(html|ttl|jsonld|nt|nq|json|css|js|png|svg))$ {site}$1 [R=302,L]",
    ]
    if endpoint:
        lines += ["", "# the SPARQL endpoint (307 keeps the method and body of a POST)"]
        lines += [f"RewriteRule ^sparql$ {endpoint} [R=307,L]"]
    lines += [
        "",
        "# the VoID description's well-known alias",
        f"RewriteRule ^\\.well-known/void$ {site}void.ttl [R=303,L]",
    ]
    for target, label in (
        ("paper/$1", "nodes inside a paper -> the paper's document"),
        ("$1", "every other resource -> its own document"),
    ):
        pattern = r"^paper/([^/]+)/.+$" if target.startswith("paper") else r"^(.+)$"
        lines += ["", f"# {label}"]
        for ext, media in RDF_TYPES:
            lines += [
                f"RewriteCond %{{HTTP_ACCEPT}} {media}",
                f"RewriteRule {pattern} {site}{target}.{ext} [R=303,L]",
            ]
        if target.startswith("paper"):
            html = rf"RewriteRule ^paper/([^/]+)/(.+)$ {site}paper/$1.html#$2 [R=303,NE,L]"
        else:
            html = f"RewriteRule {pattern} {site}{target}.html [R=303,L]"
        lines.append(html)
    return "\n".join(lines) + "\n"
