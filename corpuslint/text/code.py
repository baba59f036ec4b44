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
