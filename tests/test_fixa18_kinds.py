"""False-alarm kinds a new user (fresh18) met linting Debian's installation guide and Debian
Reference in many languages, GNOME help and npm READMEs: W114's safe fix glued a mark the
sentence names (the key typed: "type ! at the prompt"; a list of marks "(jako ; . ,)"; shell
syntax quoted with translated placeholders); S104 called a correct doubled word an error
(Portuguese "Se se", "da da"; a flattened table's "swap swap"); W103 squeezed Markdown
definition-list markers; A107 reported CommonMark entity references; declaring a language
added W114 findings. Each kind with the real excerpt, and a true finding of the same rule
beside it still reported. Sources: tests/data/realtext/SOURCE.md (fixa18)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from .test_fresh14_kinds import SAFE, apply_safe
from corpuslint import lint_paths

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


# -- 2. S104: a doubled word that is correct in its language, or two cells of a table ---------

# installation-guide pt ch05s01 line 23, ch06s03 line 261, apds03 line 77 (shortened to the sentence)
SE_SE_PT = ("Alguns controladores precisam de firmware especial e por isso serem inacessíveis nas fases "
            "iniciais da instalação. Se se verificar que a forma comum de iniciar a partir do disco óptico não "
            "funciona para o seu hardware, então visite novamente este capítulo.\n\n"
            "Se se esquecer de montar o sistema de ficheiros root, o partman não lhe permitirá continuar até "
            "que corrija esta situação.\n")
DA_DA_PT = ("Se a arquitetura do alvo for diferente da da máquina do anfitrião, tem de terminar o arranque "
            "das várias etapas. A instalação não é possível sem isso.\n")
# the same guide, apcs05 line 37: a slip beside them
PARA_PARA_PT = ("Poderá necessitar de redimensionar a sua partição de modo a libertar espaço para para a "
                "instalação de Debian. O instalador também suporta o redimensionamento.\n")
# installation-guide cs ch03s01 line 49 (genitive, then nominative); ch06s03 line 385 (a slip)
INSTALACE_CS = ("Pro začínajícího uživatele je jedním z důležitých rozhodnutí během instalace instalace "
                "desktopového grafického prostředí, se skládá ze systému X Window a jednoho z populárních "
                "desktopových prostředí.\n")
NA_NA_CS = ("Základní nastavení RAID10 je stejné jako u RAID1. V expertním režimu debian-installeru budete "
            "navíc dotázáni na na rozložení pole. Rozložení se skládá ze dvou částí.\n")
# installation-guide ch06s03 line 245 (pt, cs; sv "växl växl"): the partition table, flattened
SWAP_TABLE = ("SCSI1 (0,0,0) (sda) - 6.4 GB WDC AC36400L #1 primary 16.4 MB B f ext2 /boot #2 primary "
              "551.0 MB swap swap #3 primary 5.8 GB ntfs pri/log 8.2 MB FREE SPACE\n")


def test_s104_portuguese_se_se_and_da_da_are_grammar():
    assert found("S104", SE_SE_PT) == []
    assert found("S104", DA_DA_PT) == []
    assert spans("S104", PARA_PARA_PT) == ["para para"]
    # declared Portuguese says the same, and Spanish, which writes "si se", keeps "se se" a slip
    assert found("S104", SE_SE_PT, path="pt/a.txt", **{"per-file-language": {"pt/*.txt": "pt"}}) == []
    assert spans("S104", "Pulse la tecla y se se muestra la ayuda en la pantalla.\n") == ["se se"]


def test_s104_a_slavic_noun_closing_a_phrase_then_opening_the_next():
    assert found("S104", INSTALACE_CS) == []
    assert spans("S104", NA_NA_CS) == ["na na"]
    assert spans("S104", "nechat netcfg, aby automaticky automaticky odhadl adresu brány.\n") == [
        "automaticky automaticky"]


def test_s104_two_cells_of_a_flattened_table():
    assert found("S104", SWAP_TABLE) == []
    # "it it" and "the the" stay slips, numbers or not
    assert spans("S104", "Create these as as needed, for example the the 3 links.\n") == ["as as", "the the"]
    assert spans("S104", "If it it fails, run it again.\n") == ["it it"]


# -- 3. W103: a Markdown definition list's marker is syntax ---------------------------------

# installation-guide es apcs05 lines 11-15, as markdownify writes a <dl> (Pandoc / PHP Markdown
# Extra definition list); line 12 holds two true slips ("ficheros  (", "Windows)  y")
DEFLIST_ES = '**partman**\n:   La herramienta recomendada en Debian para particionar discos. Esta navaja suiza también puede ajustar el tamaño de las particiones, crear sistemas de ficheros  (“formatear” como se dice en Windows)  y asignarlos a sus respectivos puntos de montaje.\n\n**fdisk**\n:   Es la herramienta original de Linux para particionar discos, buena para expertos.\n'


def test_w103_definition_list_markers_keep_their_padding():
    got = spans("W103", DEFLIST_ES, path="apcs05.md")
    assert got == ["  ", "  "]
    fixed = apply_safe(found("W103", DEFLIST_ES, path="apcs05.md"), DEFLIST_ES)
    assert ":   La herramienta" in fixed and ":   Es la herramienta" in fixed
    assert "ficheros (“formatear” como se dice en Windows) y" in fixed
    # in plain text a colon opening a line is no marker: the run is reported there
    assert spans("W103", "Nota:   ver abajo.\n:   La herramienta recomendada en Debian para particionar discos.\n") == [
        "   ", "   "]


# -- 4. A107: CommonMark's entity references are Markdown source, not leftovers ----------------

# npm es-hangul 2.4.0 README.md line 4 (shortened to the first badge), hexo-theme-keep 4.3.0
# CHANGELOG.md line 287 (MIT)
HANGUL_MD = ("# es-hangul &middot; [![MIT License](https://img.shields.io/badge/license-MIT-blue.svg)]"
             "(https://github.com/toss/slash/blob/main/LICENSE)\n\n한국어 | [English](README-en_us.md)\n")
KEEP_MD = ("### 🚦 Chore\n\n* rename `--components-spacing` -&gt; `--component-gap` "
           "([a8d2d96](https://github.com/XPoet/hexo-theme-keep/commit/a8d2d96))\n")


def test_a107_markdown_entity_references_are_source():
    assert found("A107", HANGUL_MD, path="README.md") == []
    assert found("A107", KEEP_MD, path="CHANGELOG.md") == []
    # the same line stored as plain text is a reference left undecoded
    assert spans("A107", KEEP_MD, path="CHANGELOG.txt") == ["&gt;"]
    # and in Markdown a reference escaped twice shows the reader "&quot;": reported
    assert spans("A107", 'Use &amp;quot;-&amp;gt;&amp;quot; for the arrow.\n', path="a.md") == ["&amp;", "&amp;", "&amp;"]


# -- 5. Declaring a language replaces the French guess of W114 (README says so) ---------------

# installation-guide ca ch05s02 lines 33 and 57 (Catalan, which the French guess reads as French)
CA_PROMPT = ("Per deixar una resposta en blanc a una pregunta, escriviu ! a l'indicador. Per tirar enrere a "
             "la pregunta anterior, escriviu < a l'indicador.\n\n"
             "Si feu servir un sistema BIOS (el menú d'arrencada haurà emès un so només una vegada), caldrà "
             "continuar amb Intro ; per a sistemes UEFI (el menú d'arrencada haurà emès un so dues vegades) "
             "això no s'ha de fer.\n")
# the same line 57 as sv ships it (English, untranslated): a true finding, declared or not
EN_ENTER = ("When using a BIOS system (the boot menu will have beeped only once), this has to be followed "
            "by Enter ; for UEFI systems (the boot menu will have beeped twice) that must not be done.\n")
_CASES = itertools.count()


def _declared(root, codes, text: str, lang: str | None) -> list:
    """Findings of ``codes`` in ``text`` as the file ``root/<lang>/a.txt``, declared ``lang`` (or none)."""
    root = root / f"case-{next(_CASES)}"
    (root / str(lang)).mkdir(parents=True)
    (root / str(lang) / "a.txt").write_text(text, encoding="utf-8")
    cfg = {"select": codes, "cache": False, "per-file-language": {f"{lang}/*.txt": lang} if lang else {}}
    return sorted((f.code, f.line, f.column) for f in lint_paths([root], config=cfg))


def test_declaring_catalan_checks_it_as_catalan_not_french(tmp_path):
    # undeclared, the text reads French: spaces before ! and ; are French typography
    assert _declared(tmp_path, ["W114"], CA_PROMPT, None) == []
    # declared Catalan (the README's exception): the slip every translation shares is reported,
    # the key typed ("escriviu ! a l'indicador") is still not (kind 1)
    assert _declared(tmp_path, ["W114"], CA_PROMPT, "ca") == [("W114", 3, 114)]
    # English keeps its finding, declared another language or not; declared French removes it
    assert spans("W114", EN_ENTER) == [" "]
    assert len(_declared(tmp_path, ["W114"], EN_ENTER, "sv")) == 1
    assert _declared(tmp_path, ["W114"], EN_ENTER, "fr") == []


# -- 6. A102: a definition list's term is a program's name, not widget residue ----------------

# installation-guide ko apcs05.md lines 9-22 (markdownify's <dl>: "**fdisk**" over ":   ...")
FDISK_KO = '여러가지 종류의 파티션 도구가 내장된 다양한 형식의 하드디스크나 시스템에서 작동하도록 데비안 개발자가 준비해 놓았습니다. 아래에 시스템에서 사용할 수 있는 프로그램의 목록을 나타냅니다.\n\n**partman**\n:   데비안 권장 파티션 도구입니다. 이 만능 프로그램은 파티션 크기를 변경하거나 파일 시스템을 만들(Windows에서 말하는“형식”)거나 마운트 지점을 지정하거나 할 수 있습니다.\n\n**fdisk**\n:   처음부터 있던 리눅스 파티션 프로그램. 전문가용.\n\n    FreeBSD용 파티션이 디스크에 있으면 주의해야 합니다. 설치용 커널은 이 형식의 파티션을 지원하지만, **fdisk** 프로그램에서 이 파티션을 화면에 표시하는 형식이 다릅니다. [리눅스+FreeBSD 하우투](http://www.tldp.org/HOWTO/Linux+FreeBSD-2.html)를 참고하십시오.\n\n**cfdisk**\n:   간단하고 널리 사용하는 전체 화면 파티션 프로그램.\n\n    **cfdisk**는 FreeBSD 파티션을 전혀 인식하지 못하기 때문에(다시 말하지만) 장치의 이름이 다를 수도 있으니 주의하십시오.\n'


def test_a102_definition_terms_are_not_widget_residue():
    assert found("A102", FDISK_KO, path="apcs05.md") == []
    # a lone interface label at the end of the same page (the rule's "search") is still residue
    assert spans("A102", FDISK_KO + "\nsearch\n", path="apcs05.md") == ["search"]
    # and without the description's marker the terms are short Latin lines again (each in its
    # own block, no column: fresh33's flattened tables are cells one a line within a block)
    assert len(found("A102", FDISK_KO.replace(":   ", ""), path="apcs05.md")) == 3


# -- 7. A101: device IDs shown as lspci prints them; a user name after "@" ------------------------

# installation-guide sv ch03s03 line 85, ca line 89 (shortened); hexo-theme-stellar 1.44.0
# CHANGELOG.md line 528 (MIT)
LSUSB_SV = ("På Linux system, så kan dessa IDn läsas med lsusb kommandot för USB enheter och med lspci -nn "
            "kommandot för PCI/PCI-Express/ExpressCard enheter. Dessa leverantörs och produkt IDn är oftast "
            "angivna i form av två hexadecimala tal, separerade med ett kolon, som t.ex ”1d6b:0001”.\n")
LSPCI_CA = ("Un exemple de resultat de l'ordre lspci -nn per a una targeta ethernet: «03:00.0 Ethernet "
            "controller [0200]: Realtek Semiconductor Co., Ltd. RTL8111/8168B PCI Express Gigabit Ethernet "
            "controller [10ec:8168] (rev 06)».\n")
HANDLE = ("* fix: youtube iframe by @abc1763613206 in https://github.com/xaoxuu/hexo-theme-stellar/pull/517\n")


def test_a101_device_ids_and_user_names_are_not_debris():
    for text in (LSUSB_SV, LSPCI_CA):
        assert found("A101", text) == [], text
    assert found("A101", HANDLE, path="CHANGELOG.md") == []
    # the same ID glued into a sentence that names no device, and a hash without "@", stay reported
    assert spans("A101", "Die Seite wurde gespeichert und 10ec:8168 dann gelöscht.\n") == ["10ec:8168"]
    assert spans("A101", "* fix: youtube iframe by abc1763613206 in the player\n", path="CHANGELOG.md") == [
        "abc1763613206"]


def test_w114_a_doubled_mark_and_a_records_entity_stay_reported(tmp_path):
    # LLaMA-Factory's dpo_zh_demo.jsonl record 112 (a template's doubled label, labelled tp)
    assert spans("W114", '"process paragraph : : Get the ice tray. Remove any ice cubes."\n') == [" "]
    # a data set's record read as Markdown holds stored text: its references are leftovers
    (tmp_path / "chat.jsonl").write_text('{"text": "# Answer\\n\\nSpecial characters such as \\"&gt;\\" or \\"?\\"."}\n',
                                         encoding="utf-8")
    got = lint_paths([tmp_path], config={"select": ["A107"], "cache": False, "readers": {"text-format": "markdown"}})
    assert [f.code for f in got] == ["A107"]
