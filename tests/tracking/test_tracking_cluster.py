"""Agglomerative clustering: linkages differ where they should, cannot-links hold."""

from __future__ import annotations

import pytest

from zitat.tracking.cluster import LINKAGES, agglomerate

# A~B and B~C are alike, A and C are not: a chain.
CHAIN = [
    [1.0, 0.8, 0.1],
    [0.8, 1.0, 0.8],
    [0.1, 0.8, 1.0],
]


def test_single_link_follows_the_chain() -> None:
    assert agglomerate(CHAIN, threshold=0.5, linkage="single") == [[0, 1, 2]]


def test_average_and_complete_link_break_it() -> None:
    # after {A, B} merge, the average similarity to C is (0.1 + 0.8) / 2 = 0.45
    assert agglomerate(CHAIN, threshold=0.5, linkage="average") == [[0, 1], [2]]
    assert agglomerate(CHAIN, threshold=0.5, linkage="complete") == [[0, 1], [2]]
    assert agglomerate(CHAIN, threshold=0.45, linkage="average") == [[0, 1, 2]]


def test_threshold_above_every_similarity_keeps_all_apart() -> None:
    assert agglomerate(CHAIN, threshold=0.9) == [[0], [1], [2]]
    assert agglomerate([], threshold=0.5) == []


def test_cannot_link_keeps_a_pair_apart_through_merges() -> None:
    sims = [
        [1.0, 0.9, 0.7, 0.1],
        [0.9, 1.0, 0.8, 0.1],
        [0.7, 0.8, 1.0, 0.1],
        [0.1, 0.1, 0.1, 1.0],
    ]
    apart = [[False] * 4 for _ in range(4)]
    apart[0][2] = apart[2][0] = True  # items 0 and 2 may not share a cluster
    assert agglomerate(sims, threshold=0.5, linkage="single") == [[0, 1, 2], [3]]
    # 0 and 1 merge first; {0, 1} may then not take 2, so 2 stays alone
    assert agglomerate(sims, threshold=0.5, linkage="single", cannot_link=apart) == [
        [0, 1],
        [2],
        [3],
    ]


def test_unknown_linkage() -> None:
    with pytest.raises(ValueError, match="unknown linkage"):
        agglomerate(CHAIN, threshold=0.5, linkage="ward")  # type: ignore[arg-type]


def test_start_clusters_stay_together_and_link_as_a_whole() -> None:
    # A and C start together although their similarity is 0.1
    assert agglomerate(CHAIN, threshold=0.9, start=[[0, 2]]) == [[0, 2], [1]]
    # B's similarity to {A, C} is 0.8 under every linkage (0.8 to each): it joins at 0.8
    for linkage in LINKAGES:
        joined = agglomerate(CHAIN, threshold=0.8, linkage=linkage, start=[[0, 2]])
        assert joined == [[0, 1, 2]]
    assert agglomerate(CHAIN, threshold=0.81, start=[[0, 2]]) == [[0, 2], [1]]


def test_overlapping_start_clusters_are_an_error() -> None:
    with pytest.raises(ValueError, match="overlap"):
        agglomerate(CHAIN, threshold=0.5, start=[[0, 1], [1, 2]])
