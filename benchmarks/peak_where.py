"""Where a run's resident memory climbs: the code running at each new RSS high.

    cd CORPUS && python benchmarks/peak_where.py [--step MB] -- [corpuslint check args]

Runs ``corpuslint check --format json --exit-zero -o /dev/null ARGS`` in this process
while a thread reads VmRSS and RssFile (/proc/self/status) every 2 ms; each time RSS
passes the last high by ``--step`` MB it records the main thread's innermost
corpuslint/numpy frames. Unlike tracemalloc (profile_run.py --top) it sees every
allocation (hunspell, SQLite, mapped spill pages: the "file" column) and barely slows
the run, so it names the step that sets a peak of a 100 MB run. Linux only.

Example (issue 14, target 1): on the 100 MB corpus of bench_scale the lines show D104's
template-frame count (arrays.frequent) and candidate verification, then S101 loading
qalsadi on top of the merged corpus.

``--stages`` prints, after those lines, one row per stage of the run: start-up and the
map (to the end of the map step), each corpus rule's reduce, and the rest (superseded
findings dropped, the report written): RSS when it starts, its peak, and RSS when it
ends, and the MB of pymalloc's arenas (small Python objects) at its start and end. A
stage's peak less the level it starts from is what it adds; the run's peak is
the largest of the peaks, so the row holding it names where to cut next. On the 100 MB
corpus at c1e4479 (MB of RSS: start -> peak -> end): map 27 -> 167 -> 160; D104 160 ->
222 -> 160; D105 161 -> 205 -> 157; D106 -> 175 -> 157; S101 157 -> 241 -> 226 (the
merged corpus kept for S103, qalsadi's arenas not returned); S103 226 -> 257 -> 255;
the report 255 -> 263 (a 4 M-character in-memory spool, now 256 k).

mem18 (105.4 MB text, ``--jobs 1``, load ~35): lead 1e0f3de: S101 157 -> 235 -> 213, S103
-> 246 -> 239, report -> 244; with the dictionary dropped after S101 and the key/form
memos bounded in the spelling reduces: S101 193 -> 249 -> 176 (+56, was +78), S103 ->
208 -> 204, report -> 209. The run's peak is now S101's, and S101 starts from what D104
and D105 leave: D104's end level varied between runs of the same D104 code (160 at
lead, 174 and 208 here: C heap that ``trim_heap`` did not give back), which moves the
peak by as much as the spelling cuts. Next: what D104 keeps past its reduce.

mem19 (load ~30): that variation was this script's: its sampling thread held the
main thread's last frame (and the arrays of its locals) until the next high. Without
it, lead 68eb06b: D104 156 -> 226 -> 165, D105 -> 210 -> 163, S101 162 -> 222 -> 175,
S103 176 -> 230 -> 230 (the run's peak): S103 read the Arabic dictionary S101 had
dropped again (~33 MB of C heap, for an alef-folded spelling that is no corpus word),
now asked before the drop (``SpellingCorpusRule.ask_dictionary``). The peak is then
D104's (verification, with the dictionary the map read still held) and S101's.

mem20 (load 15-20; lead e72f440 -> mem20): D104 158.8 -> 198.5 (+39.8, was 156.9 -> 230.3,
+73.4), D105 -> 204.1 (was 207.1), S101 165.2 -> 224.9 (unchanged, now the run's peak),
S103 179.7 -> 192.2 (+12.5, was +24.4), the rest -> 196.0 (was 205.6). What bought it:
glibc's mmap threshold fixed after the map (``arrays.fix_mmap_threshold``; alone,
D104 230 -> 218, D105 207 -> 201); spill pages given back more often (each fault maps
a 2 MB folio of the cached file: ``frequent`` held ~20 MB of the frames column,
verification ~11 MB of the sets); D104's arrays of one entry per paragraph held fewer
at once (unique-key counts freed early, offsets filled in place, int32 indices,
``group_by_key`` and band sorts in place); findings shared as a reduce makes them
(``findings.sharing``: S103's +24 -> +12). Whole runs (/usr/bin/time, 3 each, started
together): lead 232,160 / 231,976 / 229,788 KB, mem20 224,164 / 223,876 / 223,680 KB.

mem21 (int20 7796335 -> mem21, load 4-10): S101 158.6 -> 224.1 (+65.5) -> 158.0 ->
218.9 (+60.9), S103 -> 188.2 (was 192.2), the rest -> 191.1 (was 196.0). qalsadi is
imported without pickledb (``UNUSED_BY_ANALEX``: its import brought asyncio, aiofiles
and orjson for an on-disk cache an ``Analex()`` without a cache path never opens) and
tashaphyne's stemmers read a dict of its stop-word stems, not its table of eight fields
a form (``_slim``): an ``Analex`` costs 26.2 MB of RSS, was 37. Whole runs (pairs
started together): int20 224,052 / 223,924 KB, mem21 218,436 / 218,212 KB. One run
under peak_where (5 processes on 2 cores) had S101 -> 232.1 with pymalloc's arenas
77 -> 111 MB (100 in the others): what S101's memos and qalsadi's cycles hold varies
from run to run. Still held at S101's peak: the merged corpus, the Arabic dictionary
(read by the map, asked in S101's evidence between qalsadi's questions, dropped after
it) and qalsadi together.

mem22 (lead 7a1effb -> mem22, load 10-18): S101's reduce asks them in turns
(``SpellingCorpusRule.in_turns``): the dictionary's turn with the morphology guessed and
the evidence past a guess waiting (``Pending``), then qalsadi with the dictionary gone.
S101 159.0 -> 215.2 (peak_where; its peak now in the dictionary's turn, which holds the
waiting evidence, the verdict table and the deletion index: not yet cut), S103 -> 195.2,
the rest -> 195.1. Whole runs (pairs started together, /usr/bin/time): lead 219,264 /
219,172 KB, mem22 215,372 (S103's verdicts asked after the turn) / 212,244 KB (asked
before it); CPU +1.6% / +2.0% (the dictionary's turn asks ~3,000 more verdicts at 10 MB:
the hamza seats of ``flagged_classes``, for every article word whose part of speech is
guessed). Findings byte-identical.

mem23 (lead feb611b -> mem23, load 6-12): what the dictionary's turn kept of the waiting
evidence (tracemalloc, cleared at the turn's end: 17.6 MB for 11,966 occurrences, ~1.5 KB
each) is one ``slip.Waiting`` a target (places in int arrays, the corpus's word string, the
evidence or None for a word whose only evidence is its morphology, 58% of them), and a
waiting ``_suggest`` keeps only the candidates sharing a vkey with a scored one
(``_suggest_needs``); a target's vocabulary is the merged corpus's strings
(``share_vocab``: S101's 34 k memoised ``pattern_slip`` verdicts were keyed by copies), S103's
vkey and form names the keys' strings where equal. S101 159.7 -> 203.7 (+44.1, was +52.9),
D105 -> 198.0 now close behind. Whole runs (pairs started together, /usr/bin/time): lead
211,920 / 210,684 / 211,156 KB, mem23 204,208 / 202,608 / 202,252 KB (2.04x -> 1.96x of the
text); user CPU 77.17 / 74.68 / 74.52 -> 78.12 / 74.58 / 74.46 s. stage_cpu.py (--select
S101,S103, together): reduce S101 15.32 -> 15.25 s, run 35.43 -> 35.45 s. Findings identical.

rec25 (paragraph records, fresh24's dump: the first N shards of /tmp/fresh24/data, 18.6 k
records and ~3 MB of text a shard; ``--no-cache --jobs 1``, load 6-20). Lead ae2fcfa, 4 shards
(74,288 records, 12.2 MB of text): map 28.6 -> 417.6 -> 383.5 (pymalloc 10 -> 185), D104
399.9 -> 495.7 (+95.7, the run's peak); 8 shards: map -> 551.9 -> 526.7 (pymalloc 289),
D104 561.1 -> 753.2 (+192.1): the map's small objects grow ~1.4 KB a record (held to the
end: the store's record ~580 B with its text, ``Collected`` ~500 B until the reduces, the
findings ~300 B, the findings kept for a fix pass ~140 B) and D104's reduce ~1.3 KB a
record: records' keys do not sort in file order (ids, or numbers as strings), so
``_concat`` copied every field and gave each ``ColumnState`` a dict of views of the copy.
rec25, 4 shards: map -> 410.1 -> 376.5 (pymalloc 174), D104 392.7 -> 452.0 (+59.3); peak
495.6 -> 451.8 MB; with ``_gather`` too (553420a) map -> 409.5, D104 390.0 -> 449.5 (+59.5),
peak 449.4 MB (/usr/bin/time 507,492 -> 460,140 KB; CPU 108.0 -> 113.5 s at load 6-9 vs
10-22). Reports byte-identical (81.6 MB of JSON). Still per record at D104's peak: the
store's record (~490 B with its text), the findings (~300 B), every other rule's ``Spilled``
reference and dict entry ({code: {key: ref}}, ~450 B): next, one key index shared by the
rules and the references in two uint64 columns a rule.

rec40 (lead bd029f1 -> rec40, fresh24's first 1, 4, 8 shards in /tmp/fresh24/data with its
corpuslint.toml, ``/usr/bin/time -f "%U %S %e %M" python -m corpuslint check --no-cache --jobs 1
--format json --exit-zero -o OUT SHARDS``, load 9-24, so CPU only): the map's references by
columns over one key index (``engine.MappedTable``, ``store.KeyIndex``/``RefColumns``, each
rule given a ``store.StateRefs``: no ``Collected``, dict entry or ``Spilled`` a record and
rule) and the store's held records by columns (``store.HeldRecords``: one UTF-8 buffer, no
tuple, text, number or name object a record). Peak RSS: 1 shard (18,572 records, 2.9 MiB
of text) 212,584 -> 203,984 KB; 4 shards (74,288, 11.6 MiB) 459,852 -> 428,008 KB (38.6x ->
35.9x the text); 8 shards (148,576, 23.5 MiB) 663,864 -> 590,132 KB (27.6x -> 24.6x); ~430-500
bytes a record less; 4 -> 8 shards adds 2.75 KB a record on lead, 2.18 KB here. CPU 134.2 ->
137.1 s (4 shards), 284.6 -> 276.2 s (8). Reports byte-identical (and ``--jobs 2``: 1 and 4
shards). Still per record at D104's start (holders at 3,000 records, sys.getsizeof): the
findings (~260-310 B), D104's decoded states (a ``ColumnState`` and dict entry, ~290 B), the
store's key string, dict entry and UTF-8 text (~330 B), the key index and columns (~170 B
for 6 rules); the rest of the growth is D104's reduce arrays and pymalloc arenas the map's
temporaries leave among long-lived objects: not measured apart here.

rec41 (generated records: ``bench_records.py --shape pretrain --records N --keep DIR``, 18,572
one-paragraph records a shard, ~172 bytes of text each; ``cd DIR && /usr/bin/time -f "%U %S %e
%M" python benchmarks/peak_where.py --step 10 --stages -- --no-cache --jobs 1 -o OUT .``).
100 k records (17.25 MB of text): lead ae2aeee 336,588 KB peak (3,447 bytes a record, 20.0x the
text), stages (MB, start -> peak): map 31.1 -> 200.1 -> 189.7, D104 190.3 -> 329.0 (+138.6, the
run's peak), D105 +9.4, D106 +28.1, D107 +32.2, S101 230.7 -> 262.1, S103 +19.9. At D104's
peak (the main thread's frames at each new high): the unspilled states (``_Unspill.states``:
a ``ColumnState``, its 29 header numbers and a dict entry a record, ~+50 MB), ``_gather``'s
copies in key order (+20 MB: records' keys do not sort in file order), the frames count
deleting each ``ColumnState``'s frames (a dict of its own a record, ~200 bytes, held to the
end of the reduce) and ``_PageRelease`` listing four views a record (+20 MB, the peak).
rec41 (2f98804): each cut, the in-place concatenation (``_concat_in_place``: views of the
mapped columns in the map's order, unit i in key order at ``rows[i]``), header numbers as
int32 (``store._extended``) and no content hash kept for a record's (impossible) inline
directives (``baseline.directives`` gives ``()``): 257,560 KB (2,637 bytes a record, 15.3x),
map -> 192.0 -> 180.8, D104 181.3 -> 237.1 (+55.8), D106 +35.9, D107 205.1 -> 245.9, S101
222.0 -> 251.8 (now the run's peak: the spelling merge's ``_distinct_pairs`` sort), S103 +18.9;
with the first two cuts only (1316549, half done) 284,572 KB, D104 +87.5. Reports
byte-identical (65.5 MB of JSON; ``--jobs 2`` identical on 2 k records). The load was 12 for
lead's run and 25-35 for rec41's, so CPU (156.0 s lead, 216.8 s rec41) is not compared there;
a pair started together on 20 k records (3.45 MB of text, ``python -m corpuslint check`` as
above, load ~27): lead 34.9 s CPU, 145,240 KB; rec41 34.4 s, 140,092 KB; reports byte-identical,
and rec41's ``--jobs 2`` (38.1 s, 160,724 KB) too. 300 k records (51.8 MB of text), lead only
(rec41's run could not end before the session's deadline at load ~30): 784,260 KB (2,677
bytes a record, 15.5x), 650.1 s CPU; map 31.4 -> 371.5 -> 355.2 (pymalloc 167), D104 355.7 ->
766.0 (+410.3, the run's peak), D105 +19.3, D106 +68.3, D107 +90.5, S101 +72.7, S103 497.1 ->
576.6: D104's reduce grows ~1.37 KB a record (100 k: ~1.39), what rec41 cut at 100 k.
Next at the peak: S101's merge and D107's reduce (+41 MB, ~400 bytes a record), and the map's
end level, mostly fixed cost (dictionaries, imports): what tracemalloc holds per record there
(profile_run.py --top at 20 k records, lead): a ``Finding`` ~148 bytes (1.06 a record, Q108's
"word count below min" on nearly all), the key string ~75, the record id string ~56 (held by
the findings), the UTF-8 text ~172, two key -> position dicts with their ints (the store's
``HeldRecords`` and the ``KeyIndex``: ~70 bytes each, one would do) and 96 bytes of references.

rec42 (the same 100 k generated records, 17.25 MB of text, the command above; lead af3b570
and rec42 one after the other, load 9-27, reports byte-identical, 65.5 MB of JSON): lead
257,060 KB peak (2,632 bytes a record, 15.3x the text; 159.0 s CPU; 258,060 KB and 140.5 s in
a lead run 15 min before), stages (MB): map 31.4 -> 192.6 -> 180.8, D104 181.3 -> 238.5
(+57.2), D105 +10.1, D106 +29.8, D107 207.8 -> 245.7 (+37.9), S101 222.1 -> 251.3 -> 217.5
(the run's peak), S103 217.5 -> 239.0. rec42 (4eaa59d): S101's merge keeps every document's
word ids in one array (``analysis.PackedIds``, found by bisection in the merged corpus's
sorted paths: no array and dict entry a document) and keys the merged corpus by 16-byte
digests (``store.ContentDigest``: merge's (path, content hash) tuples and ``SpilledStates.
content_key``'s (key, offset, group) tuples, one a document each, were held to the end of the
run); D107 reads its states once, lazily, straight into its table (``lazy_states``: no dict
of decoded tuples) and names a record's file without decoding its text
(``HeldRecords.name_of``); the ``KeyIndex`` finds a key by bisection in a sorted array of
hashes (16 bytes a key, was a ~70-byte dict entry): 240,012 KB (2,458 bytes a record,
14.2x), 150.3 s CPU; map -> 187.8 -> 175.8, D104 176.3 -> 234.6 (+58.3, now the run's
peak), D106 -> 230.3, D107 204.8 -> 226.7 (+21.9), S101 206.2 -> 224.4 -> 177.8 (+18.2;
ends 40 MB lower), S103 -> 190.0. With D106's common-key counts only (f78133c): 240,176 KB,
149.2 s, D106 +30.4: that dict was not at D106's peak (no change). ``--jobs 2`` identical
to ``--jobs 1`` and to lead on 2 k records. 300 k not run (a pair at this load is >1 h).
Next at the peak: D104's reduce (+58 MB: its decoded ``ColumnState`` a record and the reduce's
arrays), D106's (+30 MB: a ``ColumnState`` a record decoded for the whole reduce; a lazy read
would decode each 3-4 times), and the map's end level (the findings, ~200 bytes a record with
their record id strings; ``HeldRecords``' key dict, ~70 bytes a record: its pop-and-hold-again
order is a dict's, which a ``KeyIndex`` does not keep).

rec43 (the same 100 k generated records, the command above; lead 309b1c9 then rec43, one after
the other, load 2-27; reports byte-identical, 65.5 MB of JSON; ``--jobs 2`` on 5 k records =
lead's ``--jobs 1``): lead 239,420 KB peak (2,452 bytes a record, 14.2x the text; 142.4 s CPU),
stages (MB, start -> peak): map 31.9 -> 186.4 -> 176.1, D104 176.7 -> 233.6 (+57.0, the run's
peak, at ``frequent``: a list of a view and of two search bounds a record), D105 +8.7, D106
+32.5, D107 +21.9, S101 +17.1, S103 +27.6; a high of 222.9 MB (+13 over the last) was sampled
as D104 began at engine.py's ``targets=set(documents)`` (a set of every key, each reduce). rec43 (cbce830): ``frequent``
joins its parts 4,096 at a time into a view (``adjacent``) or a copy and counts a range of
values by masks, D104 gives it the frames one at a time, D106 gathers keys and lines 4,096
views at a time (``_gather``), ``targets`` is the documents' keys view, ``_names_lookup``'s
starts an ``array('q')``: 234,844 KB (2,405 bytes a record, 13.9x; 140.5 s), D104 176.4 ->
229.5 (+53.2, now at ``_clusters``' band sort), D105 +4.9, D106 +26.9, D107 +18.0; with
``get_many``'s three numbers a state in arrays, not a tuple of them a state (2b: the next run,
load ~22): 231,224 KB (2,368 bytes a record, 13.7x; 138.4 s), D104 177.4 -> 225.8 (+48.5,
pymalloc 64 -> 76 MB, was 63 -> 80), D106 +22.5; the map's peak moved by 1.4 MB between the
two runs of the same map code, so the second cut's -3.6 MB is near that noise. 300 k not
run (a pair at load 22-27 is > 1 h: lead's run was stopped after 5.6 min of CPU). Still held
at D104's peak: a ``ColumnState``, its int32 header numbers and a dict entry a record
(``get_many``: 176 -> 209 MB before the reduce's own arrays), what D106 holds the same way
(+27 MB), and the map's findings (Q108 on nearly every record) to the end.

rec45 (the same 100 k generated records, 17.25 MB = 16.45 MiB of text, with the corpus index:
``cd DIR && /usr/bin/time -f "%U %S %e %M" python benchmarks/peak_where.py --step 10 --stages --
--jobs 1 -o OUT .`` twice, cold then warm, and once with ``--no-cache``; lead 47f4499 then rec45,
one after the other, load 11-24, so CPU is not compared closely). Lead: no index 234,544 KB
(13.9x the text, 154.7 s CPU); cold 930,512 KB (55x; 173.3 s), map 32.2 -> 796.3 MB (pymalloc 11
-> 462): with the index the map's states were not spilled, every record's decoded states (dicts
of arrays, spelling states) held until the reduces; then collect_corpus_states -> 908.9 (each
data file's rows decoded and encoded whole); warm 1,011,236 KB (60x; 71.5 s), map -> 752.9, collect
-> 986.0 (every stored records row of every rule read whole, beside the states). rec45: records'
states spilled with the index too (``engine._holds_records``; the index encodes what a
reference names, ``MappedTable.decoded``); a checked data file's row encoded from its states
read back 1,024 at a time (``index._records_blob``, ``codec.iter_items``); the rows of checked
data files read for their hash only (``CorpusIndex.states`` hashes_only); a warm run's stored
records states read a record at a time (``index._RecordsCursor``, ``codec.load_items`` over a
``sqlite3.Blob``). No index 232,268 KB (13.8x; 165.0 s; unchanged path), cold 308,052 KB (18.3x;
193.1 s): map -> 204.7, collect 189.7 -> 301.0 (+111, the run's peak: the largest file's D104
row, 18 MB, as its encoded pieces and their join, and SQLite's write of it), D104 +16.7; warm
213,144 KB (12.7x; 94.4 s): map -> 169.9, collect -> 208.4 (the run's peak, with S103's 206.1).
Reports byte-identical to lead's (65.5 MB of JSON each), and the index's 36 state rows too.
CPU: the states' spill and read back cost what they cost without the index (20 k records, a
pair started together: cold 37.6 -> 42.7 s, 313,472 -> 222,976 KB; warm 13.5 -> 18.1 s,
262,828 -> 125,280 KB). Not done: the row written in pieces (``zeroblob`` and an incremental
``sqlite3.Blob`` write: no join, ~-36 MB at the cold peak); a data file read as a
``engine._RecordStream`` (every file here, > the stream size) is not planned by
``StateReader.plan_records``, so a warm run collects its records' states again (its
document findings come from the index).

s51 (the 100 MB corpus of bench_scale, 103.2 MB; ``bench_scale.py --keep DIR --jobs 1``, lead
1e219c5 then s51 one after the other, load 2-4): a first cached run's peak was the map's
states held in memory (the spill was for ``--no-cache`` and records only: map 28 -> 459 MB),
then every state's encoded copy for the index, then the aggregates' sorted posting runs
and key lists. Now the states are spilled with the index too, encoded as their rows are
written (``index._Unencoded``), decoded back a chunk at a time for the aggregates, the
runs and key lists wait in a temporary file (``index._RunFile``), a full reduce over an
aggregate's ``LazyStates`` reads the stored states through the spill. Cache fill
1,022 -> 466 MB (299.6 -> 286.8 s CPU), warm 420 -> 423 MB (56.0 -> 60.8 s), no cache 208 ->
206 MB; findings and the index's tables identical. In-process (this script, default
--jobs): fill 995.5 -> 268.5 MB, warm 392.7 -> 208.4 MB (D104's reduce +291.8 -> +33.4).
With --jobs 1 (the map's memos in this process) the peak of both is now the spelling
reduces': with the index's table, ``SpellingCorpusRule.merged_corpus`` decodes every
target's state into one dict (a full run: every document's; fill S101 225 -> 364, S103
-> 469 MB; warm S101 120 -> 303, S103 -> 425). Then: those states read through the index's
``LazyStates`` on access (``spelling.base._Subset``) and a ``lazy_states`` rule's stored
state not kept once read, as the spill's ``SpilledStates`` does: 100 MB, --jobs 1, fill
466 -> 326 MB (233.6 s CPU), warm 423 -> 196 MB (1.9x the text; 48.1 s CPU), reports
byte-identical to a --no-cache run's (50.9 MB of JSON).

s52 (the same corpus, ``--stages -- --jobs 1 .``, fill): the sampled stages peaked at 313 MB
but VmHWM said 324 MB. The file-backed part (RssFile, /proc/self/smaps: the unnamed
postings file) climbed to ~113 MB in the merge of D104's ~10 M postings, though each key
range reads ~5 MB: the kernel maps the cached pages ~64 KB around each page a read of the
mapping touches (fault-around), so every range mapped a piece of every run's every column,
and the merge's strided sample of the runs mapped ~all of the kind and key columns (+100
MB for less than the 2 ms between samples: the lines now log VmHWM rising between
samples, and a stage's peak counts it). The runs are now read with ``os.pread`` only
(``index._PostingRun.read``; the cuts found from each run's sample, narrowed to ``step``
postings: ``_PostingRun.cut``), and D106's full reduce counts its 333 k line keys into an
array (``AggregateView.counts``: its dict and lists of ints were +57 MB). Stages (MB,
start -> peak): map 30 -> 209, the index filled 186 -> 261 (the spelling table's build,
``_sync_table``), D104 -> 259, D106 -> 241 (+17, was +57), S103 -> 248; VmHWM 324 -> 261.
``/usr/bin/time``, --jobs 1, fill 327 -> 285 MB with the pread change alone; reports
byte-identical; the 10 MB corpus's index tables hash-identical to 1e219c5's.

s56 (the same corpus, first cached run, ``--stages -- --jobs 1 .``, the index removed
first; MB start -> peak): at f1331ed the map ended at 168 holding the Arabic dictionary
(34 MB of C heap, read 4 s into the map, held to S101's reduce), pymalloc's arenas at 83
MB with 33 MB in use (the map's memos, emptied there, left their blocks free for the later
stages: not returned); the index filled -> 227, D104 -> 227, D105 -> 218, S101 191 -> 221,
S103 200 -> 224. The map of >= 30 k distinct words now lets the dictionary go with its
memos (``backends.RELEASE_DICTIONARY_WORDS``): the map ends at 131, the index filled -> 193,
D104 -> 198, D105 -> 187, S101 155 -> 218 (the dictionary read again, for S103's
questions too, then qalsadi, +34 MB, in its morphology turn), S103 196 -> 226 (qalsadi
made again for ``rooted``, its 54.6 k findings ~13 MB, S101's 20.8 k ~15 MB held). The
peak is now S101's and S103's alone. ``/usr/bin/time`` (two trees started together, CI
beside them): 230,796 -> 223,176 KB; reports byte-identical.

s57 (the same corpus and command): S101 154 -> 217, S103 195 -> 223 (the run's peak),
the rest 217 -> 220. The findings now wait in a temporary file (``store.FindingSpill``),
written as each reduce makes them: S101 -> 207, S103 184 -> 203, and the rest, which reads
them back, -> 214 (the merged corpus still held: S101 kept it as an attribute past
``release`` to the run's end, ~25 MB; now passed to the taa check, never kept). A probe at the stages' ends
(VmRSS / VmHWM, MB) then: reduces done 184, findings read back 188 (+4: the merged
corpus's freed blocks reused; +13 with it held), report 190; the run's peak is S101's
dictionary read (``prefetch_verdicts``, the first whole read of its reduce) on the merged
corpus: 154 -> 208 under this script with CI beside it, S103 -> 200, D104 -> 197.
``/usr/bin/time`` of the fill: 214,304 KB with the findings spilled after each reduce,
214,324 written as made, 207,080 with the related locations shared per path (not over the
whole spill: their keys held ~9 MB while it was read back), 205,940 KB (1.95x the text)
with the merged corpus let go; warm 195,464 -> 171,244, no-cache 211,684 -> 200,260;
reports byte-identical.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import traceback


def _status() -> tuple[float, float, float]:
    """(VmRSS, RssFile, VmHWM) of this process in MB."""
    got = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(("VmRSS:", "RssFile:", "VmHWM:")):
                got[line.split(":")[0]] = int(line.split()[1]) / 1024
    return got.get("VmRSS", 0.0), got.get("RssFile", 0.0), got.get("VmHWM", 0.0)


def _arenas() -> float:
    """MB in pymalloc's arenas (``sys._debugmallocstats``, which writes to fd 2): the
    small Python objects' memory, in use or free in arenas not empty enough to return."""
    import tempfile

    with tempfile.TemporaryFile() as tmp:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        for line in tmp.read().decode("ascii", "replace").splitlines():
            if line.startswith("# arenas allocated current"):
                return int(line.split("=")[1].replace(",", "")) * (1 << 20) / 2**20
    return 0.0


def _hwm() -> float:
    """VmHWM (the process's peak RSS so far) in MB."""
    return _status()[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--step", type=float, default=2.0, help="MB above the last high that records a line")
    ap.add_argument("--frames", type=int, default=6, help="innermost frames shown per line")
    ap.add_argument("--stages", action="store_true", help="also a table: RSS at start, peak and end of each stage")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the corpuslint check arguments")
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    main_id = threading.main_thread().ident
    log: list[tuple[float, float, float, list[str]]] = []
    done = threading.Event()
    t0 = time.perf_counter()
    stages: list[list] = []  # [name, RSS at start, peak, RSS at end, pymalloc MB at start, at end]
    top = [0.0]  # the highest RSS seen since the current stage began
    # VmHWM when the current stage began: a peak shorter than the 2 ms between samples (a
    # large temporary array) still raises VmHWM, and the stage it rose in then shows it
    hwm_before = [0.0]

    def stage(name: str) -> None:
        rss, _mapped, hwm = _status()
        top[0] = max(top[0], rss, hwm if hwm > hwm_before[0] else 0.0)
        hwm_before[0] = hwm
        if stages:
            stages[-1][2:4] = [top[0], rss]
            stages[-1][5] = _arenas()
        top[0] = rss
        stages.append([name, rss, rss, rss, _arenas(), 0.0])

    def sample() -> None:
        high = 0.0
        while not done.is_set():
            rss, mapped, hwm = _status()
            top[0] = max(top[0], rss)
            unseen = hwm >= high + opts.step and hwm > rss + opts.step  # (risen and fallen between samples)
            if rss >= high + opts.step or unseen:
                high = max(rss, hwm)
                frame = sys._current_frames().get(main_id)
                stack = traceback.extract_stack(frame) if frame is not None else []
                names = [f"{os.path.basename(f.filename)}:{f.lineno} {f.name}" for f in stack
                         if "corpuslint" in f.filename or "numpy" in f.filename]
                log.append((time.perf_counter() - t0, hwm if unseen else rss, mapped,
                            names[-opts.frames :] + (["(VmHWM, passed between samples; now at)"] if unseen else [])))
                # (the frame keeps the main thread's locals alive, its arrays too, after
                # that code has returned, until the next high: a stage's end level was
                # then the sampler's, D104's +10 to +52 MB)
                del frame, stack
            time.sleep(0.002)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    from corpuslint import engine
    from corpuslint.cli import main as cli_main

    if opts.stages:
        stage("start-up and map")
        mapped, reduce_rule = engine._mapped, engine.Linter._reduce_rule

        def end_of_map(linter) -> None:
            mapped(linter)
            stage("map memos emptied (_mapped) to the first reduce")

        def one_reduce(self, rule, *a, **k):
            stage(f"reduce {rule.code}")
            try:
                return reduce_rule(self, rule, *a, **k)
            finally:
                stage("the rest (superseded findings dropped, report)")

        engine._mapped, engine.Linter._reduce_rule = end_of_map, one_reduce

    sys.argv = ["corpuslint", "check", "--format", "json", "--exit-zero", "-o", os.devnull, *args]
    try:
        code = cli_main()
    except SystemExit as exc:
        code = exc.code
    done.set()
    thread.join()
    for at, rss, mapped, names in log:
        print(f"{at:8.1f} s {rss:7.1f} MB (file {mapped:5.1f}) " + " <- ".join(reversed(names)))
    if opts.stages:
        stage("exit")
        print(f"\n{'stage':50s} {'start':>8s} {'peak':>8s} {'end':>8s} {'added':>8s} {'pymalloc':>17s}  (MB)")
        for k, (name, start, peak, end, py0, py1) in enumerate(stages[:-1]):
            if name.startswith("the rest") and k < len(stages) - 2:
                continue  # (between two reduces: nothing happens there)
            print(f"{name:50s} {start:8.1f} {peak:8.1f} {end:8.1f} {peak - start:+8.1f} {py0:8.0f} {py1:8.0f}")
        print(f"{'peak of the run (VmHWM)':50s} {'':8s} {_hwm():8.1f}")
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
