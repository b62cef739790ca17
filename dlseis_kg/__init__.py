"""dlseis-kg: a knowledge graph of machine learning in seismology.

Builds an RDF knowledge graph from the Mousavi & Beroza (2022) inventory of
deep-learning papers in seismology and stores it in an on-disk Oxigraph store.
"""

__version__ = "0.1.0"
