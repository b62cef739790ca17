"""Co-usage analytics of the knowledge graph: weighted graphs, association measures,
analyses, exports and figures, all computed from the store through named queries.

>>> from dlseis_kg.queries import KnowledgeGraph
>>> from dlseis_kg.analytics import Filters, graph, associations, write
>>> kg = KnowledgeGraph("build/store")                                      # doctest: +SKIP
>>> g = graph(kg, "architecture-task", Filters(year_from=2019))             # doctest: +SKIP
>>> associations(g, min_papers=3).head()                                    # doctest: +SKIP
>>> write(g, "architecture_task.graphml", "graphml")                        # doctest: +SKIP

See ``docs/analytics.md`` for the graph kinds, the measures and the analyses.
"""

from dlseis_kg.analytics.analyses import (
    associations,
    centrality,
    communities,
    emerging,
    underexplored,
)
from dlseis_kg.analytics.exports import FORMATS, to_csv, to_node_link, write
from dlseis_kg.analytics.figures import make_figures
from dlseis_kg.analytics.graphs import (
    build_graph,
    cooccurrence,
    edge_table,
    edges_frame,
    graph,
    node_table,
)
from dlseis_kg.analytics.incidence import KINDS, Filters, Incidence, Kind, from_rows, load

__all__ = [
    "FORMATS",
    "KINDS",
    "Filters",
    "Incidence",
    "Kind",
    "associations",
    "build_graph",
    "centrality",
    "communities",
    "cooccurrence",
    "edge_table",
    "edges_frame",
    "emerging",
    "from_rows",
    "graph",
    "load",
    "make_figures",
    "node_table",
    "to_csv",
    "to_node_link",
    "underexplored",
    "write",
]
