"""Is the text around a position program code flattened into prose?"""

from __future__ import annotations

from .lazy_regex import lazy

# Help pages and web pages whose code examples lost their line breaks when the page became
# text (LibreOffice help in German and Italian: "Dim rc As Object : rc = com.sun.star…",
# "& retStr retStr = Partition(-5, 0, 99, 5)", "Function getControlView( oContainer ,
# oController as Object"): an assignment, a call, a keyword of BASIC, Python, JavaScript or
# the shell. A manual's "ls(1)" is a reference, not a call.
_CODE_SIGN_RE = lazy(
    r"\b[A-Za-z_][\w.]*(?:\([^()\n]{0,40}\))?[ \t]*:?=[ \t]*(?![= \t])"  # rc = …, x(1) = …, Hidden := True
    r"|\b[A-Za-z_][\w.]*\((?![ \t]*\d+[a-z]*\))"  # Partition(, CreateUnoListener(
    r"|\b(?:Dim|ReDim|End Sub|End Function|End If|Sub|Function|MsgBox|ElseIf|Then|Wend|Loop|def|elif)\b"
    # (case-sensitive, and no English word: "Then", not "then"; not "function", "return", "let")
    r"|\b(?:As|as) (?:Object|String|Integer|Long|Double|Boolean|Variant|Single|Date|Currency|New)\b"
)
_RADIUS = 80  # characters either side, on the line


def code_near(text: str, pos: int, signs: int = 2) -> bool:
    """True when the line around ``text[pos]`` (80 characters either side) shows ``signs``
    or more signs of code (an assignment, a call, a keyword: above)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - _RADIUS)
    end = text.find("\n", pos)
    end = min(len(text) if end < 0 else end, pos + _RADIUS)
    n = 0
    for _ in _CODE_SIGN_RE.finditer(text, start, end):
        n += 1
        if n >= signs:
            return True
    return False
