"""False alarms that a new user (fresh13) found on text nobody here had tuned on: Turkish and
Japanese man pages (Debian manpages-tr 2.0.6, manpages-ja; GPL pages), LibreOffice 7.4 help
(MPL-2.0) and Song ci (npm chinese-poetry 2.0.1, MIT), each kind with the real defect next
to it still reported. Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslint import lint_text
from corpuslint.findings import Applicability

NO_CACHE = {"cache": False}


def found(code: str, text: str, path: str = "page.txt") -> list:
    return lint_text(text, path=path, config={"select": [code], **NO_CACHE})


def spans(code: str, text: str, path: str = "page.txt") -> list[str]:
    return [text[f.start : f.end] for f in found(code, text, path)]


# -- W115: a quoted value's spaces are the value's ----------------------------------------

# LibreOffice 7.4 help (scalc/01/04060110, MPL-2.0), manpages-ja bash(1) and bc(1),
# manpages-tr bc(1), sh(1), dash(1), ps(1), chsh(1) (GPL): every space inside these quotes
# is what the string holds; removing it changes what the formula returns, what the
# program prints or the prompt shows.
QUOTED_VALUES = [
    '=TRIM(" hello world ") returns hello world without leading and trailing spaces and with single space between words.',
    '=LEFTB("中国";3) returns "中 " (3 bytes constitute one DBCS character and a half; the last character returned is therefore a space character).',
    'RIGHTB("中国";3) returns " 国" (3 bytes constitute one half DBCS character and one whole DBCS character; a space is returned for the first half).',
    'The more complex formula =CONCATENATE("Life is really simple, "; "but we insist on making it complicated "; "(Confucius).") concatenates three individual strings',
    'a =UNICHAR(34) & "The Catcher in the Rye" & UNICHAR(34) & " is a famous book by J. D. Salinger." displays the string',
    'ऑपरेटर गुम है, उदाहरण के लिए, "=2(3+4) * ", जहाँ "2" तथा "(" के बीच का ऑपरेटर गुम है.',
    "              (後述の プロンプト を参照)、 デフォルト値は “\\s-\\v\\$ ” です。",
    '           print "  Hatırlatma: Depozitolar negatif miktarlardır.\\n"',
    '              print "Initial balance? "; bal = read()',
    '               echo "Seçenek olmayan girdiler: " "$@"',
    '           { printf " hello " ; printf " world\\n" ; } > greeting',
    '       " SS:DD", aksi takdirde "Aaa:ss" olur (burada "Aaa" 3 harfli ay',
]


def test_w115_a_quoted_value_is_not_reported():
    for line in QUOTED_VALUES:
        assert found("W115", line + "\n") == [], line


def test_w115_a_prompt_in_technical_text_is_a_value():
    # manpages-tr bc(1): the prompts of an example program, in a page that quotes code
    text = ("       scale=2\n           print \"\\nBakiye hesabı!\\n\"\n"
            "           print \"Başlangıçtaki bakiye? \"; bal = read()\n"
            "           \"şu anki bakiye = \"; bal\n")
    assert found("W115", text, "bc.1.txt") == []


def fix_kinds(text: str, path: str = "page.txt") -> list[tuple[str, Applicability]]:
    return [(text[f.start - 1 : f.end + 1], f.fix.applicability) for f in found("W115", text, path)]


def test_w115_fix_is_safe_only_for_a_quotation_of_words_in_prose():
    safe, unsafe = Applicability.SAFE, Applicability.UNSAFE
    # Quran translations (Saheeh International, Diyanet Turkish), as labelled tp: prose quotes
    assert fix_kinds('they would surely say " Allah." Say, "Praise to Allah "; but most of them do not reason.\n') == [
        ('" A', safe), ('h "', safe)]
    assert fix_kinds('…elecekte de suç işlemek ister de: "Kıyamet günü ne zamanmış! " der.\n') == [('! "', safe)]
    assert fix_kinds("“GNU通用公共许可证 ”, “BSD”, 和 “艺术” 许可证是一些我们认为“自由”的例子。\n") == [("证 ”", safe)]
    # debian-reference zh-cn (labelled tp): paths quoted with spaces, a padded word: the
    # space may be the string's, so the fix is left to the user
    assert {a for _, a in fix_kinds('      * " /sbin " 和 " /bin "\n')} == {unsafe}
    assert fix_kinds('    你可能需要按照下面的命令来安装标题为 " mc " 的Midnight Commander。\n') == [('" m', unsafe), ('c "', unsafe)]
    # manpages-tr chsh(1) read alone (no code around): a prompt, its space the program's; since fx45a
    # (fresh32's record of it, labelled fp) not reported at all (``punctuation._prompt_string``)
    assert fix_kinds('           "Password: " veya bu dizgenin çevirileri öntanımlıdır. Bu değişkene\n') == []
    # a Django msgstr (labelled tp): a placeholder's spacing is the program's concern
    assert [a for _, a in fix_kinds('%r में कोई "%s " मान नहीं है\n')] == [unsafe]


_WORD = st.text(alphabet=st.sampled_from("abcdefğışçöüABCÇ中国語ابتपलя"), min_size=1, max_size=7)
_CONTENT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_PADS = st.sampled_from([(" ", ""), ("", " "), (" ", " "), ("  ", ""), ("", "  ")])
# Where a quotation is a value a formula or a program reads (LibreOffice help, bc, sh).
_VALUE_CONTEXTS = [
    '=TRIM("{q}") returns the text without leading and trailing spaces.',
    '=LEFTB("中国";3) returns "{q}" (the last character returned is a space).',
    '=CONCATENATE("{q}"; "and more") joins the strings.',
    'a =UNICHAR(34) & "{q}" displays the string',
    '           print "{q}"; bal = read()',
    '           {{ printf "{q}" ; printf "x" ; }} > greeting',
    '               echo "{q}" "$@"',
    '       PS1="{q}" sets the prompt of the shell for the session.',
]
# Where the quotation is in prose but holds a path, an option or a placeholder.
_CODE_SIGNS = st.sampled_from(["/", "-", "%s", "$", "=", "\\", "<", "{", "|", "&", "*", "#", "@", "_", "~"])


@settings(max_examples=60, deadline=None)
@given(content=_CONTENT, pads=_PADS, context=st.sampled_from(_VALUE_CONTEXTS))
def test_w115_never_offers_a_safe_fix_inside_a_quoted_value(content, pads, context):
    text = context.format(q=pads[0] + content + pads[1]) + "\n"
    for f in found("W115", text):
        assert f.fix.applicability is not Applicability.SAFE, (text, f)


@settings(max_examples=60, deadline=None)
@given(content=_CONTENT, pads=_PADS, sign=_CODE_SIGNS, at_end=st.booleans())
def test_w115_never_offers_a_safe_fix_for_quoted_code_in_prose(content, pads, sign, at_end):
    inner = content + sign if at_end and sign != "-" else sign + content  # (an option: "-name"; "re-" is a word)
    text = f'The manual says that "{pads[0]}{inner}{pads[1]}" is what you should type here today.\n'
    for f in found("W115", text):
        assert f.fix.applicability is not Applicability.SAFE, (text, f)


@settings(max_examples=40, deadline=None)
@given(content=_CONTENT, pads=_PADS)
def test_w115_a_safe_fix_only_deletes_spaces(content, pads):
    text = f'He said, "{pads[0]}{content}{pads[1]}" and left the room without a word.\n'
    for f in found("W115", text):
        if f.fix.applicability is Applicability.SAFE:
            for edit in f.fix.edits:
                assert edit.replacement == "" and not text[edit.start : edit.end].strip()


# -- A111: lost characters of a poem -------------------------------------------------------

def test_a111_lacuna_marks_between_punctuation_are_a_line_of_the_poem():
    # chinese-poetry ci.song.0 (MIT): 杜安世《凤衔杯》, whose lost characters are marked □
    text = "凤衔杯\n杜安世\n人生不似月初圆。\n叹分飞、容易经年。\n凄惨断云片雨、□□□。\n□□□、□□□。\n金钵小，玉槽悭。\n"
    assert found("A111", text, "ci.song.0.txt") == []
    # a separator between paragraphs stays debris, a lone box too
    assert spans("A111", "凤衔杯\n\n* * *\n\n金钵小，玉槽悭。\n", "ci.txt") == ["* * *"]
    assert spans("A111", "text\n\n□\n\nmore\n", "ci.txt") == ["□"]


# -- W114: a mark named in technical text ------------------------------------------------

LS_EXCERPT = ("       -p, --indicator-style=slash\n           Dizinlere / göstergesini ekler.\n\n"
              "       -q, --hide-control-chars\n           Basılamayan denetim karakterlerini ? ile gösterir.\n")


def test_w114_a_mark_named_in_technical_text_is_not_punctuation():
    # manpages-tr ls(1) ("shows non-printable control characters as ?") and rsync(1)
    # ("except the ! modifier, which would be useless")
    assert found("W114", LS_EXCERPT, "ls.1.txt") == []
    rsync = ("           merge /etc/rsync/default.rules\n           . /etc/rsync/default.rules\n\n"
             '        ○  Dosya öntanımlısından okunan kuralları zorlarken "+" veya "-"\n'
             "           kuralları için yukarıdaki değiştiricilerden herhangi biri\n"
             "           belirtilebilir (kullanışsız olacağından ! değiştiricisi hariç).\n")
    assert found("W114", rsync, "rsync.1.txt") == []
    # a spaced question mark in a sentence of prose (no code around) is still reported
    assert spans("W114", "Bunu nasıl yaparım ? dedi.\n", "a.txt") == [" "]


# -- A106: a tag named in prose ----------------------------------------------------------

AB_EXCERPT = ("           <table> etiketinde kullanılacak öznitelikler belirtilir. Belirtilen\n")


def test_a106_a_tag_named_in_a_man_page_is_not_a_leftover():
    # manpages-tr ab(1): "the attributes to use in the <table> tag"
    assert found("A106", AB_EXCERPT, "ab.1.txt") == []
    # the option's argument "<table>-öznitelikleri" ("<table> attributes"), in a page that
    # quotes code (its option lines), is named too; read alone too, since fx45a (fresh32's
    # records of ab(1) flattened, no code line left): the option before it says so; a tag
    # wrapping a word of the option's description stays
    options = "       -B yerel-adres\n           Uzak bağlantılar yaparken dinlenecek adres.\n\n"
    assert found("A106", options + AB_EXCERPT, "ab.1.txt") == []
    assert found("A106", "       -x <table>-öznitelikleri\n", "ab.1.txt") == []
    assert spans("A106", "       -x <table>-öznitelikleri <b>tablo</b>\n", "ab.1.txt") == ["<b>", "</b>"]
    # a tag against the words it formatted stays a leftover
    assert spans("A106", "قال المتحدث<br>إن الزيارة\n", "a.txt") == ["<br>"]


# -- A108: a POSIX character class --------------------------------------------------------

def test_a108_a_posix_bracket_expression_is_no_wiki_link():
    # manpages-tr rsync(1): "a character class such as [a-z] or [[:alpha:]]"
    line = '        ○  Köşeli ayraç ("[") [a-z] veya [[:alpha:]] gibi bir karakter sınıfı\n'
    assert found("A108", line, "rsync.1.txt") == []
    assert found("A108", "grep '[[=e=]]' and [[.space.]] match\n", "a.txt") == []
    assert spans("A108", "See [[Main Page|the main page]] and [[Foo]].\n", "a.txt") == [
        "[[Main Page|the main page]]", "[[Foo]]"]


# -- A103: a help text's See also ---------------------------------------------------------

def test_a103_a_help_texts_references_to_functions_are_not_boilerplate():
    # LibreOffice 7.4 help (MPL-2.0): scalc/01/func_roundsig, 04060110, 04060109, 04060182
    for line in ["See also ROUND, MROUND, ROUNDUP, ROUNDDOWN.", "See also the UNICHAR() function.",
                 "See also CURRENT() for another example.", "See also the Wiki page."]:
        text = f"This function ignores any text or empty cell within a data range.\n\n{line}\n"
        assert found("A103", text, "help.txt") == [], line
    assert [f.code for f in found("A103", "Article text.\n\nSee also\n", "a.txt")] == ["A103"]
    assert [f.code for f in found("A103", "Article text.\n\nSee also: Our newsletter\n", "a.txt")] == ["A103"]


# -- A101: option clusters and example data ----------------------------------------------

def test_a101_option_clusters_and_a_formulas_data_are_not_ids():
    # manpages-tr ssh(1) synopsis; LibreOffice 7.4 help scalc/01/func_regex (MPL-2.0)
    assert found("A101", "       ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bağlantı_arabirimi] [-b\n", "ssh.1.txt") == []
    line = '=REGEX("123456ABCDEF";"[126]";"";"g") returns "345ABCDEF", where any occurrence of "1", "2" or "6" is replaced by the empty string, thus deleted.\n'
    assert found("A101", line, "func_regex.txt") == []
    assert found("A101", "=SUBSTITUTE(\"123123123\";\"3\";\"abc\") returns 12abc12abc12abc.\n", "help.txt") == []
    # scraped ids stay reported, a dashed token that repeats a character too
    assert spans("A101", "word 2a02-4780-11–4f here\n", "a.txt") == ["2a02-4780-11–4f"]
    assert spans("A101", "word -aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU here\n", "a.txt") == ["-aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU"]
