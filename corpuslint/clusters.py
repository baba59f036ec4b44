"""Connected components of "is a copy of" pairs (union-find), shared by the filter
command and the HTML report."""

from __future__ import annotations

from typing import Hashable, Iterable


def components(pairs: Iterable[tuple[Hashable, Hashable]]) -> list[set]:
    """Connected components of the undirected graph given by ``pairs`` (each node that
    occurs in a pair is in exactly one component); path-halving union-find, O(E α(N))."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    groups: dict = {}
    for x in parent:
        groups.setdefault(find(x), set()).add(x)
    return list(groups.values())
