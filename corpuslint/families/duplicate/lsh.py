"""Near-duplicate search: MinHash LSH candidates, exact verification, clusters.

Candidates come from LSH banding of MinHash signatures (datasketch's affine32
scheme, see ``units.signatures``); every candidate pair is then verified with the
exact Jaccard similarity of the two shingle sets, so a reported pair is never an
estimate. Bands ``(b, r)`` are chosen for recall: the smallest false-candidate rate
whose probability of missing a pair exactly at the threshold is below 0.5 %.

Two interchangeable banding back-ends give identical buckets:

* ``"numpy"`` (default): each band's ``r`` values are mixed into one 64-bit key
  and grouped with one sort per band; about 50x faster than inserting objects.
* ``"datasketch"``: ``LeanMinHash`` objects built from the hash values, inserted
  into ``datasketch.MinHashLSH(params=(b, r))``; buckets read back from its tables.
  datasketch (and the scipy it pulls in, ~140 MB) is an optional extra:
  ``pip install 'corpus-quality-lint[datasketch]'``; ``check_backend`` says so.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ...arrays import release_pages
from . import units as U

_U64 = np.uint64
BACKENDS = ("numpy", "datasketch")


def check_backend(rule) -> None:
    """Validate a rule's ``backend`` option (raises ConfigError: unknown back-end, or
    ``"datasketch"`` without the datasketch package installed)."""
    backend = rule.opts["backend"]
    if backend in BACKENDS and backend != "datasketch":
        return
    from ...config import ConfigError

    if backend not in BACKENDS:
        raise ConfigError(f"rules.{rule.code}.backend: expected one of {', '.join(BACKENDS)}, got {backend!r}")
    import importlib.util

    if importlib.util.find_spec("datasketch") is None:
        raise ConfigError(
            f"rules.{rule.code}.backend = \"datasketch\" needs the datasketch package, which is not installed "
            f"(pip install 'corpus-quality-lint[datasketch]', or use the default backend \"numpy\": same buckets, faster)"
        )
MAX_BUCKET_PAIRS = 64  # a bucket larger than this is linked as a star + chain, not all pairs


@lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int = U.NUM_PERM, max_miss: float = 0.005) -> tuple[int, int]:
    """(bands, rows) for MinHash LSH favouring recall at ``threshold``."""
    best = None
    for r in range(1, num_perm + 1):
        b = num_perm // r
        if b < 2:
            break
        miss = (1 - threshold**r) ** b
        if miss <= max_miss:
            best = (b, r)  # larger r: fewer false candidates; keep the largest that passes
    return best or (num_perm // 2, 2)


_BAND_SEED = _U64(0x9E3779B97F4A7C15)
_BAND_MULT = _U64(0x100000001B3)
_BAND_SHIFT = _U64(29)


def _band_keys(sigs: np.ndarray, b: int, r: int) -> np.ndarray:
    """(b, n) uint64 keys: band k of row i mixed into one 64-bit value (all bands at once:
    r vector steps over one contiguous n * b array, each row's band values laid out
    column by column; the transpose of a C-contiguous (n, b) array)."""
    n = sigs.shape[0]
    block = sigs[:, : b * r].reshape(n * b, r).T.astype(_U64)  # (r, n * b), each row contiguous
    h = np.empty((n, b), dtype=_U64)
    h[:] = _BAND_SEED ^ np.arange(b, dtype=_U64)  # band k starts from SEED ^ k
    h = h.reshape(-1)
    shifted = np.empty_like(h)
    for c in range(r):
        h ^= block[c]
        h *= _BAND_MULT
        np.right_shift(h, _BAND_SHIFT, out=shifted)
        h ^= shifted
    return h.reshape(n, b).T


def _bucket_pairs(members: np.ndarray, out: list[np.ndarray]) -> None:
    s = len(members)
    if s <= MAX_BUCKET_PAIRS:
        i, j = np.triu_indices(s, 1)
        out.append(np.stack((members[i], members[j]), axis=1))
    else:  # star from the first member + chain: connected, linear size
        head = np.full(s - 1, members[0])
        out.append(np.stack((head, members[1:]), axis=1))
        out.append(np.stack((members[:-1], members[1:]), axis=1))


def band_keys(sigs: np.ndarray, threshold: float) -> np.ndarray:
    """(n, b) uint64: the LSH band keys of each row of ``sigs`` (n x num_perm uint32
    signatures) for ``threshold`` (``lsh_params``): what ``candidate_pairs`` buckets.
    A signature is 512 bytes, its band keys at 0.8 are 168: a corpus state keeps these."""
    b, r = lsh_params(threshold, sigs.shape[1])
    return np.ascontiguousarray(_band_keys(sigs, b, r).T)


def candidate_pairs(sigs: np.ndarray | None, threshold: float, backend: str = "numpy",
                    bands: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
    """Unique candidate pairs (i < j) as an (m, 2) int64 array, from the signatures
    ``sigs`` (n x num_perm) or, numpy back-end only, their precomputed ``band_keys``
    ``bands`` (N x b; the same pairs): of its rows ``rows`` (n indices; all when None),
    read one band at a time (no copy of the table); i, j index ``rows``."""
    if bands is not None:
        n = bands.shape[0] if rows is None else len(rows)
        if n < 2:
            return np.zeros((0, 2), dtype=np.int64)
        return _bucket_candidates(bands, n, rows)
    n = sigs.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    b, r = lsh_params(threshold, sigs.shape[1])
    if backend != "datasketch":
        return _bucket_candidates(_band_keys(sigs, b, r).T, n)
    from datasketch import LeanMinHash, MinHashLSH

    parts: list[np.ndarray] = []
    lsh = MinHashLSH(num_perm=sigs.shape[1], params=(b, r))
    with lsh.insertion_session() as session:
        for i in range(n):
            session.insert(i, LeanMinHash(seed=U.SEED, hashvalues=sigs[i], scheme=U.SCHEME), check_duplication=False)
    for table in lsh.hashtables:
        for key in table.keys():
            members = table.get(key)
            if len(members) > 1:
                _bucket_pairs(np.array(sorted(members), dtype=np.int64), parts)
    return _unique_pairs(parts, n)


def _bucket_candidates(keys: np.ndarray, n: int, rows: np.ndarray | None = None) -> np.ndarray:
    """Candidate pairs of ``n`` items from their band keys ``keys`` ((N, b), any strides;
    item i is row ``rows[i]``, or row i when ``rows`` is None). Each band's pairs are kept
    as codes ``i * n + j`` (8 bytes a pair, not 16) until the union is taken."""
    parts: list[np.ndarray] = []
    for k in range(keys.shape[1]):
        sk = _band(keys, k, rows)
        order = np.argsort(sk)  # bucket members are a set: no need for a stable sort
        sk.sort()  # (the band sorted in place, not gathered into a third array of n)
        same = sk[1:] == sk[:-1]
        if not same.any():
            continue
        # runs of equal keys: starts where a run begins
        edges = np.diff(np.concatenate(([False], same, [False])).astype(np.int8))
        run_starts = np.nonzero(edges == 1)[0]
        run_ends = np.nonzero(edges == -1)[0] + 1
        sizes = run_ends - run_starts
        two = sizes == 2
        if two.any():
            s2 = run_starts[two]
            parts.append(_codes(order[s2], order[s2 + 1], n))
        if two.all():
            continue
        for size in sorted(set(sizes[~two].tolist())):  # buckets of one size at once: all their pairs
            at = run_starts[sizes == size]
            if size > MAX_BUCKET_PAIRS:
                big: list[np.ndarray] = []
                for s0 in at.tolist():
                    _bucket_pairs(np.sort(order[s0 : s0 + size]), big)  # index order: the star starts at the first item
                parts += [_codes(p[:, 0], p[:, 1], n) for p in big]
                continue
            members = order[at[:, None] + np.arange(size)]  # (buckets, size)
            i, j = _pairs_of(size)
            parts.append(_codes(members[:, i].reshape(-1), members[:, j].reshape(-1), n))
        del order, sk, same, edges, run_starts, run_ends, sizes, two
        if len(parts) > 1 and sum(len(p) for p in parts[1:]) > max(len(parts[0]), _MERGE_CODES):
            parts[:] = [_distinct_codes(parts)]  # a pair met in several bands: held once, not once a band
    return _unique_codes(parts, n)


_MERGE_CODES = 1 << 18  # new pair codes (2 MB) gathered over bands before they are merged into the distinct ones


_BLOCK_ROWS = 1 << 15  # rows of a band-key table read at a time (5 MB at b = 21)


def _band(keys: np.ndarray, k: int, rows: np.ndarray | None) -> np.ndarray:
    """``keys[:, k]`` (``keys[rows, k]`` with ``rows``) as an array of its own, read a
    block of rows at a time; a block mapped from a spill's file (``StateSpill``) gives
    its pages back once read (``release_pages``), so bucketing band after band holds one
    band, never the whole table (its pages are read again for the next band)."""
    n = keys.shape[0] if rows is None else len(rows)
    out = np.empty(n, dtype=keys.dtype)
    for i0 in range(0, n, _BLOCK_ROWS):
        if rows is None:
            block = keys[i0 : i0 + _BLOCK_ROWS]
            out[i0 : i0 + _BLOCK_ROWS] = block[:, k]
        else:
            sel = rows[i0 : i0 + _BLOCK_ROWS]
            out[i0 : i0 + _BLOCK_ROWS] = keys[sel, k]
            block = keys[int(sel.min()) : int(sel.max()) + 1]  # (the rows read lie in it, in any order)
        release_pages(block)
    return out


@lru_cache(maxsize=MAX_BUCKET_PAIRS + 1)
def _pairs_of(size: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.triu_indices(size, 1)``: every pair of positions in a bucket of ``size``."""
    return np.triu_indices(size, 1)


def _unique_pairs(parts: list[np.ndarray], n: int) -> np.ndarray:
    """Unique pairs (i < j, sorted) of the (m, 2) arrays ``parts`` of items < ``n``."""
    return _unique_codes([_codes(p[:, 0], p[:, 1], n) for p in parts], n)


def _codes(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """int64 codes ``min * n + max`` of the pairs ``(a[k], b[k])`` of items < ``n``, a
    pair of an item with itself dropped."""
    lo = np.minimum(a, b).astype(np.int64, copy=False)
    hi = np.maximum(a, b).astype(np.int64, copy=False)
    keep = lo != hi
    lo *= n
    lo += hi
    return lo[keep]


def _unique_codes(parts: list[np.ndarray], n: int) -> np.ndarray:
    """The pairs (i, j) of the unique codes in ``parts`` (``_codes``), as an (m, 2) int64
    array sorted by i then j."""
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    code = _distinct_codes(parts)
    out = np.empty((len(code), 2), dtype=np.int64)  # (filled in place: no quotient and remainder copies)
    np.floor_divide(code, n, out=out[:, 0])
    np.remainder(code, n, out=out[:, 1])
    return out


def _distinct_codes(parts: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of the int64 arrays ``parts`` (the list is emptied: each
    array freed as soon as it is copied, when the list held the last reference)."""
    code = np.concatenate(parts) if len(parts) > 1 else parts[0].copy()
    parts.clear()  # (the caller's list: each band's codes freed now)
    code.sort()
    keep = np.empty(len(code), dtype=bool)
    if len(code):
        keep[0] = True
        np.not_equal(code[1:], code[:-1], out=keep[1:])
    return code[keep]


def verify(pairs: np.ndarray, sets: np.ndarray, offsets: np.ndarray, threshold: float,
           rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Keep pairs whose exact Jaccard >= threshold; returns (pairs, jaccards). Item i's
    set is ``sets[offsets[r]:offsets[r + 1]]`` (sorted, unique, unsigned integers) with
    r = ``rows[i]`` (i when None)."""
    if len(pairs) == 0:
        return pairs, np.zeros(0)
    at = pairs if rows is None else rows[pairs]
    sa = offsets[at[:, 0] + 1] - offsets[at[:, 0]]  # (the pairs' set sizes: not every item's, 2.7 MB at D104's peak)
    sb = offsets[at[:, 1] + 1] - offsets[at[:, 1]]
    ok = np.minimum(sa, sb) >= threshold * np.maximum(sa, sb)  # length filter: J <= min/max
    pairs, at, sa, sb = pairs[ok], at[ok], sa[ok], sb[ok]
    if not len(pairs):
        return pairs, np.zeros(0)
    if int(sa.sum() + sb.sum()) >= 2 * SLOT_MIN_SIZE * len(pairs):
        common = _common_by_slots(at, sets, offsets)  # large sets (whole documents): one Python step a pair
    else:
        common = _common_by_merge(at, sets, offsets)  # small sets (paragraphs): whole tiles of pairs at once
    union = sa + sb - common
    sims = np.ones(len(pairs))
    np.divide(common, union, out=sims, where=union > 0)  # (both sets empty: 1.0)
    keep = sims >= threshold
    return pairs[keep], sims[keep]


VERIFY_CHUNK = 1 << 16  # candidate pairs verified at a time by ``verify_in_chunks``


def verify_in_chunks(pairs: np.ndarray, sets: np.ndarray, offsets: np.ndarray, threshold: float,
                     rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``verify`` of ``pairs`` ``VERIFY_CHUNK`` pairs at a time: the same pairs and
    similarities (each pair's Jaccard is exact, whichever way its intersection is
    counted), in the same order, with the temporaries of one chunk at a time (D104's
    505 k candidate pairs at 100 MB of text, verified at once: ~34 MB of index arrays,
    sizes and gathered copies of the pairs)."""
    if len(pairs) <= VERIFY_CHUNK:
        return verify(pairs, sets, offsets, threshold, rows)
    kept, sims = [], []
    for c0 in range(0, len(pairs), VERIFY_CHUNK):
        p, s = verify(pairs[c0 : c0 + VERIFY_CHUNK], sets, offsets, threshold, rows)
        kept.append(p)
        sims.append(s)
    return np.concatenate(kept), np.concatenate(sims)


# Mean set size from which ``verify`` counts intersections pair by pair in a slot table
# (``_common_by_slots``: 3-5 us of Python a pair, then ~2 ns a value) rather than by
# sorting the tagged values of whole steps of pairs (``_common_by_merge``: ~9 ns a value);
# the two cost the same at ~256 values a set (five partners a set) to ~512 (one).
SLOT_MIN_SIZE = 384
_SEARCH_BLOCK = 1 << 18  # set values (1 MB of uint32) per tile of ``_common_by_merge``
_SEARCH_STEP = 64  # pairs counted between two releases of the pages read (``_common_by_merge``)


def _common_by_merge(at: np.ndarray, sets: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """|A & B| (int64) for each item pair in ``at`` ((m, 2) set indices): ``_SEARCH_STEP``
    pairs at a time, the values of both sets of each pair tagged with the pair's place
    and sorted together; a value in both sets is a tagged value met twice (each set's
    values are unique). Pairs are taken tile by tile (by the blocks of ``_SEARCH_BLOCK``
    values their two sets lie in), and after each step the pages of ``sets`` outside the
    current first block are given back when ``sets`` is mapped from a spill's file
    (``release_pages``): D104's 500 k candidate pairs at 100 MB of text touch nearly
    every page of the paragraphs' sets (68 MB), of which this holds a few blocks. A page
    fault maps the whole cached folio of the file around it (up to 2 MB here): 1,024
    pairs a step and 4 MB blocks held ~11 MB of them at D104's peak, 64 pairs and 1 MB
    blocks hold a few MB. (A binary search of the smaller set's values in the larger,
    pair by pair, took ~2.7x the CPU on D104's pairs at 100 MB.)"""
    common = np.zeros(len(at), dtype=np.int64)
    if not len(at):
        return common
    block = offsets[at] // _SEARCH_BLOCK  # (m, 2): the block of each pair's two sets
    tiles = np.lexsort((block.max(axis=1), block.min(axis=1)))
    first = block.min(axis=1)[tiles]
    del block
    packed = sets.dtype.kind == "u" and sets.dtype.itemsize <= 4  # a value and its pair's place in one uint64
    step = _SEARCH_STEP  # pairs at a time: their sets' pages read, then given back
    for c0 in range(0, len(at), step):
        sel = tiles[c0 : c0 + step]
        lo = offsets[at[sel]]  # (k, 2): where each pair's two sets start...
        size = offsets[at[sel] + 1] - lo  # ...and their sizes
        values = sets[_spans_index(lo.reshape(-1), size.reshape(-1))[0]]
        tag = np.repeat(np.arange(len(sel), dtype=_U64), size.sum(axis=1))
        if packed:
            key = values.astype(_U64)
            key |= tag << _U64(32)
            key.sort()
            twice = key[1:] == key[:-1]
            owner = key[1:][twice] >> _U64(32)
        else:
            order = np.lexsort((values, tag))
            values, tag = values[order], tag[order]
            twice = (values[1:] == values[:-1]) & (tag[1:] == tag[:-1])
            owner = tag[1:][twice]
        common[sel] = np.bincount(owner.astype(np.intp), minlength=len(sel))
        keep = int(first[min(c0 + step, len(at) - 1)]) * _SEARCH_BLOCK  # the next step's first block
        release_pages(sets[:keep])
        release_pages(sets[keep + _SEARCH_BLOCK :])
    return common


def _spans_index(first: np.ndarray, lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index, bounds): the positions ``first[k]:first[k] + lens[k]`` of every span k
    concatenated (int64), span k at ``index[bounds[k]:bounds[k+1]]``."""
    bounds = np.zeros(len(lens) + 1, dtype=np.int64)
    np.cumsum(lens, out=bounds[1:])
    return np.repeat(first - bounds[:-1], lens) + np.arange(int(bounds[-1]), dtype=np.int64), bounds


_SLOT_BITS = (16, 22)  # slot table of ``_common_by_slots``: 2**bits values, bits in this range
_SLOT_RELEASE = 1 << 18  # set values read by ``_common_by_slots`` between two releases of the pages read


def _common_by_slots(at: np.ndarray, sets: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """|A & B| (int64) for each item pair in ``at`` ((m, 2) set indices), the pairs grouped
    by their first set A: A's values are written into a table of 2**bits slots, value v at
    slot ``v & (2**bits - 1)`` (an empty slot s holds ``s ^ 1``, which no value of that
    slot equals), and each partner B counts its values found at their slots; the few
    values of A that lost their slot to another (``A.size ** 2 / 2**(bits + 1)`` expected)
    are looked up in B apart. For large sets (whole documents): a D105 pair of ~1,400
    values each costs ~4 us, 2.6x less than marking dense ids of the sets' values (whose
    ids took a sort and a binary search of every value of every set involved).
    Memory: the table (4 MB at 20 bits, uint32 values); ``sets`` is read in place, its
    pages given back every ``_SLOT_RELEASE`` values read when it is mapped from a spill's
    file (``release_pages``)."""
    common = np.zeros(len(at), dtype=np.int64)
    if not len(at):
        return common
    sizes = offsets[1:] - offsets[:-1]
    lo, hi = _SLOT_BITS
    bits = min(hi, max(lo, int(sizes[at[:, 0]].max()).bit_length() + 8))
    mask = sets.dtype.type((1 << bits) - 1)
    table = np.arange(1 << bits, dtype=sets.dtype)
    table ^= sets.dtype.type(1)
    order = np.argsort(at[:, 0], kind="stable")
    first = at[order, 0]
    group = np.flatnonzero(np.concatenate(([True], first[1:] != first[:-1], [True])))
    off = offsets.tolist()
    partners = at[order, 1].tolist()
    places = order.tolist()
    count = np.count_nonzero
    read = 0
    for g0, g1 in zip(group[:-1].tolist(), group[1:].tolist()):
        a = int(first[g0])
        mine = sets[off[a] : off[a + 1]]
        slot = mine & mask
        table[slot] = mine
        lost = mine[table.take(slot) != mine]  # values whose slot another value of A took
        for k, b in zip(places[g0:g1], partners[g0:g1]):
            theirs = sets[off[b] : off[b + 1]]
            c = count(table.take(theirs & mask) == theirs)
            if len(lost) and len(theirs):
                pos = theirs.searchsorted(lost)
                np.minimum(pos, len(theirs) - 1, out=pos)
                c += count(theirs.take(pos) == lost)
            common[k] = c
            read += len(theirs)
        table[slot] = slot ^ sets.dtype.type(1)
        read += len(mine)
        if read >= _SLOT_RELEASE:
            release_pages(sets)
            read = 0
    return common


def near_duplicate_pairs(
    sigs: np.ndarray, sets: np.ndarray, offsets: np.ndarray, threshold: float, backend: str = "numpy",
    brute_force_below: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Verified pairs (i < j, Jaccard >= threshold) with their exact similarity.

    With fewer than ``brute_force_below`` items every pair is a candidate (no banding),
    pre-filtered by the signature estimate with a wide margin (``threshold - 0.2``: more
    than 5 standard deviations at 128 permutations), then verified exactly.
    """
    n = len(offsets) - 1
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    if n < brute_force_below:
        found = _sharing_pairs(sigs, sets, offsets, threshold)
        if found is not None:
            return found
        i, j = np.triu_indices(n, 1)
        if sigs is not None and len(i):
            m = sigs.shape[1]
            # agreeing positions of every pair in the first ``h`` columns (enough that the
            # other m - h cannot lift a pair without many agreements there to the bar),
            # then in the rest for the pairs that may still reach it: the same counts
            h = min(m, max(1, int(m - (threshold - 0.2) * m) + m // 16 + 1))
            agree = _agreements(sigs[:, :h])[i, j]
            if h < m:
                may = (agree + (m - h)) / m >= threshold - 0.2  # (each count / m, as below: exact)
                i, j, agree = i[may], j[may], agree[may]
                agree += (sigs[i, h:] == sigs[j, h:]).sum(axis=1)
            keep = agree / m >= threshold - 0.2  # the estimated Jaccard, exactly as a mean
            i, j = i[keep], j[keep]
        pairs = np.stack((i, j), axis=1).astype(np.int64)
    else:
        pairs = candidate_pairs(sigs, threshold, backend)
    return verify(pairs, sets, offsets, threshold)


# Pairs of sets sharing a value listed at most (``_sharing_pairs``; beyond, every pair's
# signature agreements are counted instead: a value in nearly every set of a document).
SHARING_MAX_PAIRS = 1 << 18


def _sharing_pairs(sigs: np.ndarray | None, sets: np.ndarray, offsets: np.ndarray,
                   threshold: float) -> tuple[np.ndarray, np.ndarray] | None:
    """``near_duplicate_pairs``' brute-force answer (every pair a candidate, kept when its
    signature estimate is at least ``threshold - 0.2`` and its exact Jaccard at least
    ``threshold``) from an inverted index: only pairs sharing a set value can reach a
    positive threshold, so their intersections are counted by value (a sort, then each
    value's sets paired), the exact Jaccard taken as ``verify`` takes it (the same length
    filter and division), and the estimate asked only of the pairs that pass (few), not
    of all n(n-1)/2 (the same test: a pair passes the estimate's bar whether its
    agreements are counted in one go or in two parts). The same pairs, in the same (i, j)
    order, and the same similarities. None when this does not apply (a threshold of 0 or
    less, an empty set: those pairs share nothing; values wider than 32 bits) or when more than ``SHARING_MAX_PAIRS``
    (value, pair) rows would be listed (a value held by most sets)."""
    n = len(offsets) - 1
    sizes = np.diff(offsets)
    if threshold <= 0 or not sizes.all() or sets.dtype.itemsize > 4 or n >= 1 << 32:
        return None
    # (value, set) rows sorted by value, then set: distinct rows (a set's values are unique),
    # so one unstable sort of the packed rows orders them (a stable argsort is ~4x slower)
    rows = (sets.astype(_U64) << _U64(32)) | np.repeat(np.arange(n, dtype=_U64), sizes)
    rows.sort()
    value, item = rows >> _U64(32), (rows & _U64(0xFFFFFFFF)).view(np.int64)
    new = np.empty(len(value), dtype=bool)
    new[0] = True
    np.not_equal(value[1:], value[:-1], out=new[1:])
    group = np.cumsum(new) - 1  # each row's value group
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(value))
    after = ends[group] - np.arange(len(value)) - 1  # rows of the same value after each row
    total = int(after.sum())
    if total > SHARING_MAX_PAIRS:
        return None
    if not total:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    # each row paired with every later row of its value: (left, left + 1 + k), k < after
    left = np.repeat(np.arange(len(value), dtype=np.int64), after)
    first = np.cumsum(after) - after
    right = left + 1 + (np.arange(total, dtype=np.int64) - np.repeat(first, after))
    code = np.sort(item[left] * n + item[right])  # (a value's sets ascending: i < j)
    cut = np.flatnonzero(np.concatenate(([True], code[1:] != code[:-1], [True])))
    pair, common = code[cut[:-1]], np.diff(cut).astype(np.int64)
    i, j = pair // n, pair % n
    sa, sb = sizes[i], sizes[j]
    ok = np.minimum(sa, sb) >= threshold * np.maximum(sa, sb)  # (``verify``'s length filter)
    union = sa + sb - common
    sims = np.ones(len(pair))
    np.divide(common, union, out=sims, where=union > 0)
    ok &= sims >= threshold
    i, j, sims = i[ok], j[ok], sims[ok]
    if sigs is not None and len(i):
        m = sigs.shape[1]
        agree = (sigs[i] == sigs[j]).sum(axis=1)
        keep = agree / m >= threshold - 0.2  # (the estimated Jaccard, as in ``near_duplicate_pairs``)
        i, j, sims = i[keep], j[keep], sims[keep]
    return np.stack((i, j), axis=1).astype(np.int64), sims


def _agreements(sigs: np.ndarray) -> np.ndarray:
    """(n, n) int64: positions where rows a and b of ``sigs`` agree, a block of rows at a
    time (at most 16 M booleans), not two gathered copies of the pairs' rows."""
    n, m = sigs.shape
    block = max(1, (1 << 24) // max(1, n * m))
    table = np.empty((n, n), dtype=np.int64)
    for r0 in range(0, n, block):
        table[r0 : r0 + block] = (sigs[r0 : r0 + block, None, :] == sigs[None, :, :]).sum(axis=2)
    return table


def group_by_key(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(representative index per item, indices of representatives): items with equal
    keys share the representative with the smallest index. int32 arrays below 2**31
    items (int64 above)."""
    n = len(keys)
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    small = np.int32 if n < 1 << 31 else np.int64  # (indices: D104's 333 k items at 100 MB of text)
    order = np.argsort(keys, kind="stable")
    sk = keys[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(sk[1:], sk[:-1], out=new[1:])
    del sk
    group = np.cumsum(new, dtype=small)
    group -= 1  # (in place, as below)
    first = order[new].astype(small)  # stable sort: first of each run is the smallest index
    del new
    np.take(first, group, out=group)
    rep = np.empty(n, dtype=small)
    rep[order] = group
    return rep, np.sort(first)
