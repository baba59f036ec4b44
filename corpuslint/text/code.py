"""Is the text around a position program code flattened into prose?"""

from __future__ import annotations

from .lazy_regex import lazy

# Help pages and web pages whose code examples lost their line breaks when the page became
# text (LibreOffice help in German and Italian: "Dim rc As Object : rc = com.sun.star…",
# "& retStr retStr = Partition(-5, 0, 99, 5)", "Function getControlView( oContainer ,
# oController as Object"): an assignment, a call, a keyword of BASIC, Python, JavaScript or
# the shell. A manual's "ls(1)" is a reference, not a call.
_CODE_SIGN_RE = lazy(
    r"(?P<op>\b[A-Za-z_][\w.]*(?:\([^()\n]{0,40}\))?[ \t]*:?=[ \t]*(?![= \t])"  # rc = …, x(1) = …, Hidden := True
    r"|\b[A-Za-z_][\w.]*\((?![ \t]*\d+[a-z]*\)))"  # Partition(, CreateUnoListener(
    r"|\b(?:Dim|ReDim|End Sub|End Function|End If|Sub|Function|MsgBox|ElseIf|Then|Wend|Loop|def|elif)\b"
    # (case-sensitive, and no English word: "Then", not "then"; not "function", "return", "let")
    r"|\b(?:As|as) (?:Object|String|Integer|Long|Double|Boolean|Variant|Single|Date|Currency|New)\b"
)
_RADIUS = 80  # characters either side, on the line
_RUN_RADIUS = 250  # for a run of code (``in_code_run``)
_RUN_SIGNS = 4


def _line_window(text: str, pos: int, radius: int) -> tuple[int, int]:
    """The offsets ``(start, end)`` of the part of ``pos``'s line within ``radius``
    characters either side of ``pos``. The line breaks are looked for in the window only,
    never back to the line's start or on to its end: a one-line file of 16 MB has
    thousands of marks on its line, each asking."""
    lo = max(0, pos - radius)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, pos + radius)
    return start, min(len(text), pos + radius) if end < 0 else end


def code_near(text: str, pos: int, signs: int = 2) -> bool:
    """True when the line around ``text[pos]`` (80 characters either side) shows ``signs``
    or more signs of code (an assignment, a call, a keyword: above)."""
    start, end = _line_window(text, pos, _RADIUS)
    n = 0
    for _ in _CODE_SIGN_RE.finditer(text, start, end):
        n += 1
        if n >= signs:
            return True
    return False


def in_code_run(text: str, pos: int) -> bool:
    """True when ``text[pos]`` lies in a run of code flattened into one line: 250
    characters either side (on the line) show four or more signs of code, one of them an
    assignment or a call, not keywords alone. A BASIC routine that lost its line breaks
    spaces its operands and string literals as the programmer did (LibreOffice help:
    ``Exit Sub ErrorHandler: MsgBox "Fehler " & err & ": " & Error$ + chr(13) + "In Line : "
    + Erl + chr(13) + Now , 16 ,"Fehler aufgetreten" End Sub``, a comma 120 characters from
    the nearest assignment), while a paragraph about ``ElseIf`` that names the keyword three
    times is prose, and so are the attributes of HTML tags in a string."""
    start, end = _line_window(text, pos, _RUN_RADIUS)
    n, operation = 0, False
    for m in _CODE_SIGN_RE.finditer(text, start, end):
        if text.rfind("<", start, m.start()) > text.rfind(">", start, m.start()):
            continue  # an HTML tag's attribute (a Django string's <a href="…" target="_blank">), no code
        n += 1
        operation = operation or m.group("op") is not None
        if n >= _RUN_SIGNS and operation:
            return True
    return False


# A line of program code shown in a plain-text page (a Script-Fu tutorial's ``(set!
# theImageHeight (+ theImageHeight theBuffer theBuffer) )``, a man page's SQL example ``SELECT
# distributors.* FROM distributors d, distributors distributors;``): what code writes and prose
# does not, each kind counted once.
_CODE_LINE_SIGNS = (
    lazy(r"^[ \t]*\([!*+/<>=\w-]|(?<=[ \t(])\([!*+/<>=-][ \t]|\w\((?![ \t]*\d+[a-z]*\))"),  # a form or call opening on its name: "(set!", "(+ ", "(gimp-layer", "f(x"
    lazy(r"(?:^|(?<=[\s(]))(?:[+*/%<>]|[=!<>:]?=|==|&&|\|\|)(?=\s)"),  # an operator standing alone (not "-": a dash)
    lazy(r"[;{][ \t]*$"),  # a statement's end or a block's start closing the line (not "}": a JSON record's line)
    lazy(r"\b[a-z]{2,}[A-Z][a-z]\w*|\b[A-Za-z]+_\w+"),  # an identifier in camelCase or snake_case: theBuffer, n_items (not iPhone)
    lazy(r"\b[A-Za-z_]\w+\.(?:[A-Za-z_]\w*|\*)"),  # a member or a qualified name: distributors.*, os.path (not e.g.)
    lazy(r"\b[a-z]+(?:-[a-z]+){2,}\b|\b\w+!(?=\s)"),  # a Lisp name: gimp-layer-set-offsets, set!
    lazy(r"\b(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\b.*\b(?:FROM|INTO|SET|TABLE|WHERE|VALUES)\b"),  # SQL
)
# Prose: a sentence's end (a full stop, a question or exclamation mark, then the line's end or
# a space and what is not a lower-case letter: Scheme's "(set! theNum" goes on; closing quotes
# and brackets between, a JSON record's ``."}`` too), a CJK full stop or comma.
_PROSE_STOP_RE = lazy(r"[.!?][\"'”’»)\]}]*(?:[ \t]+[^\sa-z]|[ \t]*$)|[。！？，、]")


def code_line(text: str, start: int, end: int, signs: int = 2) -> bool:
    """True when the line ``text[start:end]`` reads as code, not prose: no sentence ends on it
    (``_PROSE_STOP_RE``), and it shows ``signs`` or more kinds of what code writes
    (``_CODE_LINE_SIGNS``: a form opening on its name, an operator standing alone, a statement
    closing the line with ";", an identifier in camelCase or snake_case, a qualified name, a
    Lisp name, an SQL statement). Its words are identifiers and operands: the same name
    twice is an argument list (``(+ theImageHeight theBuffer theBuffer)``), not a slip. A
    sentence that quotes a command ("Load the core dump file to GDB as "gdb gdb
    ./program_binary core" .") is prose."""
    line = text[start:end]
    if len(line) > 400 or _PROSE_STOP_RE.search(line):
        return False
    n = 0
    for sign in _CODE_LINE_SIGNS:
        if sign.search(line):
            n += 1
            if n >= signs:
                return True
    return False
