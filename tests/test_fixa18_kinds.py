"""False-alarm kinds a new user (fresh18) met linting Debian's installation guide and Debian
Reference in many languages, GNOME help and npm READMEs: W114's safe fix glued a mark the
sentence names (the key typed: "type ! at the prompt"; a list of marks "(jako ; . ,)"; shell
syntax quoted with translated placeholders); S104 called a correct doubled word an error
(Portuguese "Se se", "da da"; a flattened table's "swap swap"); W103 squeezed Markdown
definition-list markers; A107 reported CommonMark entity references; declaring a language
added W114 findings. Each kind with the real excerpt, and a true finding of the same rule
beside it still reported. Sources: tests/data/realtext/SOURCE.md (fixa18)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from .test_fresh14_kinds import SAFE, apply_safe
from .test_fixa16_kinds import found, spans


# -- 1. W114: a lone mark the sentence names is never joined by a safe fix ---------------------

# installation-guide 20230508+deb12u1 ch05s02.html as text, line 33 (sv ships it untranslated)
TYPE_BANG_EN = ("To just accept the default answer for a question, simply press Enter at the prompt. "
                "To provide an empty answer for a question, type ! at the prompt. To get back to the "
                "previous question, type < at the prompt.\n")
TYPE_BANG_PT = ("Para uma resposta vazia a essa questão, escreva ! na linha de comandos. Para voltar à "
                "questão anterior, escreva < na linha de comandos.\n")
TYPE_BANG_RO = ("Pentru a oferi un răspuns gol la o întrebare, tastați ! în prompt. Pentru a reveni la "
                "întrebarea anterioară, tastați < în prompt.\n")
TYPE_BANG_CS = ("Pro zadání prázdné odpovědi napište do promptu vykřičník ! a pro návrat k předchozí "
                "otázce do promptu zadejte znak <.\n")
# debian-reference-es 2.100 ch02 line 1119; ch12 lines 373-377 (shell syntax in «», placeholders translated)
PULSANDO = "Pulsando ? se muestra al final de la pantalla de Ayuda una relación completa de las banderas.\n"
SHELL_ES = ("«for x in foo1 foo2 … ; do comand0 ; done» asigna secuencialmente elementos de la lista.\n\n"
            "«while condición ; do comando ; done» repite «comando» mientras «condición» sea verdadero.\n\n"
            "«until condición ; do comando ; done» repite «comando» mientras «condición» no sea verdadero.\n")
# installation-guide cs ch06s03 line 105 (a list of marks)
MARKS_CS = ("Uživatelská hesla by měla být sestavena z alespoň 6 písmen, obsahovat malá a velká písmena "
            "včetně dalších znaků (jako ; . ,). Speciální pozornost věnujte výběru hesla pro roota.\n")
# true findings beside them: debian-reference-es ch01 line 141, installation-guide vi ch06s03 line 315
UNIX_ES = ("Utilice únicamente documentos de GNU/Linux y utilice también documentos de Unix , ya que esto "
           "le permitirá acceder a mucha información.\n")
QUESTION_VI = "Vẫn còn hoạt động sau khi đĩa thất bại ?\n"


def test_w114_a_key_typed_or_a_list_of_marks_is_not_joined():
    for text in (TYPE_BANG_EN, TYPE_BANG_PT, TYPE_BANG_RO, TYPE_BANG_CS, PULSANDO, SHELL_ES, MARKS_CS):
        assert found("W114", text) == [], text
        assert apply_safe(found("W114", text), text) == text
    # beside them, the stray spaces stay reported with their safe fix
    for text, mark in ((UNIX_ES, ","), (QUESTION_VI, "?")):
        (f,) = found("W114", text)
        assert f.fix.applicability == SAFE and text[f.end] == mark
    assert "Unix, ya" in apply_safe(found("W114", UNIX_ES), UNIX_ES)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzçãéíóúșț", min_size=2, max_size=9)


@settings(max_examples=60, deadline=None)
@given(WORD, st.sampled_from("?!"), WORD, WORD)
def test_w114_a_lone_question_or_bang_before_a_lower_case_word_gets_no_safe_fix(before, mark, after, more):
    """Property: a lone ? or ! followed by a word in lower case may be the key named; joining it
    to the word before changes what is typed, so the safe fix never does it."""
    text = f"Depois {before} {mark} {after} {more} final.\n"
    fixed = apply_safe(found("W114", text), text)
    assert f" {mark} " in fixed
