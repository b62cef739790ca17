"""Linked-data publishing: the ``serve`` web application and the ``publish`` static site.

Modules, one topic each:

- :mod:`.urls` maps resource IRIs to local paths and document URLs;
- :mod:`.negotiate` parses ``Accept`` and names the formats;
- :mod:`.resources` describes a resource (the triples of its document);
- :mod:`.pages` renders the HTML pages (Jinja2, autoescaped);
- :mod:`.schemaorg` builds the schema.org JSON-LD embedded in the pages;
- :mod:`.results` serialises SPARQL results; :mod:`.workers` runs queries in killable
  worker processes; :mod:`.sparql` is the SPARQL 1.1 Protocol endpoint;
- :mod:`.void` describes the dataset (VoID and DCAT); :mod:`.ontodoc` documents the
  ontology; :mod:`.app` wires the routes; :mod:`.publish` writes the static site and
  :mod:`.redirects` its w3id.org rules.

docs/publishing.md explains the URL scheme and the redirect pattern.
"""
