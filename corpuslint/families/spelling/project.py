"""Project word lists for the spelling family: the ``[tool.corpuslint.spelling]`` section.

::

    [tool.corpuslint.spelling]
    languages = ["ar", "fa", "ur"]  # back-ends to run ("ar", "fa", "ur", "en", or a plugin's);
                                    # ar/fa/ur each get the paragraphs written in their language
    accept = ["شويغو", "خاركيف"]     # never reported by any spelling rule
    reject = ["هاذا"]               # always reported (by S105 known-misspelling)
    allowlist-file = "words.txt"    # one accepted word per line, '#' comments
    corrections-file = ""           # extra codespell-format corrections (wrong->right)

Dictionaries: the Arabic, Persian and Urdu back-ends use the ar, fa_IR and ur_PK
files shipped in corpuslint/dictionaries, English the en_US files chunspell ships; set CORPUSLINT_HUNSPELL_DIR to a folder
holding other .aff/.dic files (e.g. Debian's hunspell-ar). Without a dictionary, the
dictionary rules of that language are skipped with one message on stderr.

Words are compared after the language's normalisation (diacritics, ى/ي, ة/ه, alef
seats and clitic prefixes ignored), so listing "شويغو" also accepts "وشويغو".
Other plugins (e.g. issue 6's config-defined accept/reject lists) feed the same
lists by calling ``corpuslint.families.spelling.add_project_words(source, accept=...,
reject=...)`` from their ``corpuslint_configure`` hook.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .backends import available_languages, get_backend

SECTION = "spelling"
DEFAULTS: dict[str, Any] = {
    "languages": ["ar", "fa", "ur"],
    "accept": [],
    "reject": [],
    "allowlist-file": "",
    "corrections-file": "",
}

# Set by the corpuslint_configure hook from [tool.corpuslint.spelling]; rules copy it
# into each instance at construction so pickled rules carry it to worker processes.
_section: dict[str, Any] = dict(DEFAULTS)
_extra: dict[str, tuple[list[str], list[str]]] = {}  # source -> (accept, reject)


def configure(section: Mapping[str, Any] | None) -> None:
    global _section
    merged = dict(DEFAULTS)
    merged.update(section or {})
    for name in ("languages", "accept", "reject"):
        value = merged[name]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            config_error(f"[tool.corpuslint.spelling] {name} must be a list of strings")
        merged[name] = list(value)
    unknown = [lang for lang in merged["languages"] if lang not in available_languages()]
    if unknown:
        config_error(
            f"[tool.corpuslint.spelling] languages: no back-end for {', '.join(unknown)} "
            f"(available: {', '.join(available_languages())})"
        )
    for name in ("allowlist-file", "corrections-file"):
        if not isinstance(merged[name], str):
            config_error(f"[tool.corpuslint.spelling] {name} must be a path string")
    _section = merged


def add_project_words(source: str, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> None:
    """Let another plugin feed the accept/reject lists (call from its corpuslint_configure).

    ``source`` names the contribution (e.g. "custom-rules"); calling again with the same
    source replaces it, so repeated runs in one process do not pile up, and the order in
    which plugins are configured does not matter.
    """
    _extra[source] = (list(accept), list(reject))


def current_section() -> dict[str, Any]:
    section = dict(_section)
    section["accept"] = list(section["accept"]) + [w for a, _ in _extra.values() for w in a]
    section["reject"] = list(section["reject"]) + [w for _, r in _extra.values() for w in r]
    return section


def config_error(message: str):
    try:
        from ...config import ConfigError
    except Exception:  # the config module is optional while testing rules directly
        raise ValueError(message) from None
    raise ConfigError(message)


def resolve(root: str, path: str) -> str:
    """A path from the config, relative to the project root."""
    return path if os.path.isabs(path) else os.path.join(root, path)


def read_word_file(path: str) -> list[str]:
    words = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.extend(line.split())
    return words


@dataclass
class ProjectWords:
    """Accept / reject sets, as language keys, for one rule instance."""

    section: dict[str, Any]
    root: str = "."
    _accept: dict[str, set[str]] = field(default_factory=dict)
    _reject: dict[str, set[str]] = field(default_factory=dict)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.section.get("languages") or DEFAULTS["languages"])

    def _words(self, name: str) -> list[str]:
        words = list(self.section.get(name) or [])
        if name == "accept" and self.section.get("allowlist-file"):
            words += read_word_file(resolve(self.root, self.section["allowlist-file"]))
        return words

    def _keys(self, name: str, lang: str, cache: dict[str, set[str]]) -> set[str]:
        keys = cache.get(lang)
        if keys is None:
            backend = get_backend(lang)
            keys = set()
            for w in self._words(name):
                for m in backend.token_re.finditer(w):
                    keys.add(backend.key(backend.clean(m.group())))
            cache[lang] = keys
        return keys

    def accepted(self, lang: str, key: str) -> bool:
        return key in self._keys("accept", lang, self._accept)

    def rejected(self, lang: str, key: str) -> bool:
        return key in self._keys("reject", lang, self._reject)

    def reject_keys(self, lang: str) -> set[str]:
        return self._keys("reject", lang, self._reject)


class SpellingRuleMixin:
    """Gives a rule ``self.project`` (the spelling section) and folds it into the fingerprint."""

    def _init_project(self) -> None:
        self.spelling_section = current_section()
        self.project = ProjectWords(self.spelling_section, getattr(self, "root", "."))
        path = self.spelling_section.get("allowlist-file")
        if path and not os.path.isfile(resolve(self.project.root, path)):
            config_error(f"[tool.corpuslint.spelling] allowlist-file: no such file: {path}")

    def word_files(self) -> list[str]:
        """The project files this rule reads (allowlist, corrections), resolved."""
        root = getattr(self, "root", ".")
        return [
            resolve(root, p)
            for p in (self.spelling_section.get("allowlist-file"), self.spelling_section.get("corrections-file"))
            if p
        ]

    def fingerprint(self) -> str:  # type: ignore[override]
        base = super().fingerprint()  # type: ignore[misc]
        extra = sorted((k, repr(v)) for k, v in self.spelling_section.items())
        # By content, not mtime: an edit within the same second, or a checkout that keeps
        # mtimes, must still invalidate the cached findings.
        for full in self.word_files():
            extra.append((os.path.basename(full), file_digest(full)))
        return f"{base}:spelling={extra}"


def file_digest(path: str) -> str:
    """sha256 of a small project file's bytes ("" when it cannot be read)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return ""


# -- what the dictionary rules did not check -----------------------------------------
# The rules that ask a language's dictionary (S104 repeated words and S105's corrections
# read any language): a document in a language no configured back-end spells gets no
# word checked by them, and a run that selected them must not say only "All checks passed".
DICTIONARY_RULES = ("S101", "S102", "S103")
# The script whose words each built-in back-end spells (undeclared text goes to a back-end
# by its letters: ``Backend.token_re``); a plugin's back-end is taken to spell any script.
BACKEND_SCRIPTS = {"ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "en": "Latin"}
SAMPLE_CHARS = 1 << 16  # characters of an undeclared file read to tell its script
MIN_SAMPLE_LETTERS = 50  # fewer letters than this: no script told


def dominant_script(text: str) -> str | None:
    """The script of at least half the letters of ``text`` ("Cyrillic", "Hebrew", "Latin"...:
    ``artifact._common.SCRIPTS``), or None (fewer than MIN_SAMPLE_LETTERS letters, no such script)."""
    from ..artifact._common import dominant_script as script_of

    return script_of(text, min_letters=MIN_SAMPLE_LETTERS, min_share=0.5)


def unchecked_languages(declared: Mapping[str, int], scripts: Mapping[str, int],
                        languages: Iterable[str] | None = None) -> list[tuple[str, int]]:
    """What the dictionary rules (DICTIONARY_RULES) skip: ``declared`` (a language tag ->
    how many checked files are declared in it) and ``scripts`` (the dominant script of
    files with no declared language -> count), kept when no back-end in ``languages``
    (default: the configured ``[tool.corpuslint.spelling] languages``) spells them. A list
    of (label, files), most files first: the tag ("ru") or "Cyrillic-script text"."""
    run = tuple(languages if languages is not None else current_section().get("languages") or DEFAULTS["languages"])
    spelled = {BACKEND_SCRIPTS.get(lang) for lang in run}
    out = [(lang, n) for lang, n in declared.items() if lang and lang not in run]
    if None not in spelled:  # (a plugin's back-end: its script is unknown, so undeclared text is not named)
        out += [(f"{script}-script text", n) for script, n in scripts.items() if script not in spelled]
    return sorted(out, key=lambda x: (-x[1], x[0]))


def unchecked_note(skipped: list[tuple[str, int]], codes: Iterable[str]) -> str:
    """The one note a run prints about ``unchecked_languages``: which rules, which
    languages (with their file counts), and how to have them checked."""
    run = tuple(current_section().get("languages") or DEFAULTS["languages"])
    listed = ", ".join(f"{label} ({n} file{'s' if n > 1 else ''})" for label, n in skipped[:6])
    if len(skipped) > 6:
        listed += f" and {len(skipped) - 6} more"
    idle = [lang for lang in available_languages() if lang not in run]
    # (the built-in back-ends not run named as such: "built in: ar, en, fa, ur" beside "run are ar, fa, ur"
    # left a new user asking why en was not run)
    off = f"; also built in, not run: {', '.join(idle)}" if idle else ""
    return (f"spelling ({', '.join(codes)}) checked no word of {listed}: the spelling back-ends run are "
            f"{', '.join(run)} (set by [tool.corpuslint.spelling] languages{off}); "
            "another language needs a back-end plugin (register_backend) with its hunspell .aff/.dic "
            "(CORPUSLINT_HUNSPELL_DIR, or the corpuslint[dictionaries] extra)")
