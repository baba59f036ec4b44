"""fresh34's kinds (CJK and Thai documentation, partly as records): S104 on a line of code
and on an East Asian reduplication; D103 on parallel reference entries. Real text:
tests/data/realtext/SOURCE.md."""

from __future__ import annotations

import json

from corpuslint import lint_records

from .test_fresh33_kinds import _codes, _read  # (the same helpers)


# -- 1. S104: a line of code, a reduplication ---------------------------------------------------------

def test_s104_spares_an_argument_named_twice_in_a_line_of_scheme():
    """GIMP's Script-Fu tutorial (ko help, English text): ``(+ theImageHeight theBuffer theBuffer)``
    adds the buffer twice, as the prose after it says; three lines were reported."""
    text = _read("gimp-ko-script-fu-text-box-code.txt")
    assert text.count("theBuffer theBuffer") == 3
    assert _codes(text, "text-box.txt", "S104") == []


def test_s104_spares_a_table_named_twice_in_an_sql_example():
    """select(7) zh: the example of an unconstrained join ``FROM distributors d, distributors
    distributors;`` names the table and its alias."""
    text = _read("manpages-zh-select7-sql-example.txt")
    assert "distributors distributors;" in text
    assert _codes(text, "select.7.txt", "S104") == []


def test_s104_spares_korean_reduplication_and_keeps_a_doubled_word_with_its_particle():
    """GNOME help ko: "이 값은 그때 그때 다르기 때문에" (it differs each time) is a reduplication;
    "카메라의 카메라의" (the camera's, twice) in another page is a slip and stays reported."""
    records = [json.loads(line) for line in _read("gnome-help-ko-records-reduplication.jsonl").splitlines()]
    found = [f for f in lint_records(records, id_field="id") if f.code == "S104"]
    assert [(f.record, f.message) for f in found] == [("gnome-help/files-autorun.page", "'카메라의' is repeated")]


def test_s104_keeps_slips_beside_code():
    """The slips fresh34 found stay: "native native" in perlfunc(7) zh's pack() table, "and and"
    in GNOME help, "gdb gdb" in a sentence quoting a command (debian-reference ja)."""
    perl = _read("manpages-zh-perlfunc7-native-native.txt")
    assert [f.message for f in _codes(perl, "perlfunc.7.txt", "S104")] == ["'native' is repeated"]
    gnome = ("Right-click and and select Paste to finish moving the file, or press CtrlV. The file will be"
             " taken out of its original folder and moved to the other folder.\n")
    assert [f.message for f in _codes(gnome, "files-copy.txt", "S104")] == ["'and' is repeated"]
    gdb = 'Load the core dump file to GDB as "gdb gdb ./program_binary core" .\n'
    assert [f.message for f in _codes(gdb, "gdb.txt", "S104")] == ["'gdb' is repeated"]
    for slip in ("책을 책을 읽습니다.\n", "카메라 카메라 설정\n", "ファイルの ファイルの 名前\n"):
        assert len(_codes(slip, "ko.txt", "S104")) == 1, slip


# -- 2. D103: parallel reference entries -------------------------------------------------------------

def _d103(name: str, text: str | None = None) -> list:
    return _codes(_read(name) if text is None else text, name, "D103")


def test_d103_spares_a_sentence_each_environment_variable_carries():
    """smbmount(8) (zh page, English text): "This information is used only if the protocol level is
    high enough to support session-level passwords." under USER and again under PASSWD, whose
    paragraphs open in one frame ("The variable USER / PASSWD may contain the ...")."""
    assert _d103("manpages-zh-smbmount8-environment.txt") == []


def test_d103_spares_a_sentence_under_two_labels_of_a_flattened_definition_list():
    """GIMP ko help: crop's "Position" and "크기" entries both say "It is stated in pixels, but you
    can change the unit ..."; two docks options both say "이 옵션은 여러 개의 이미지를 띄워놓고
    작업할 경우에만 유용합니다."; two figures of the alpha channel both end "하지만 이미지에
    불투명한 레이어가 있기 때문에 알파 채널은 여전히 흰색입니다."."""
    assert _d103("gimp-ko-crop-position-size.txt") == []
    assert _d103("gimp-ko-docks-two-options.txt") == []
    assert _d103("gimp-ko-layers-alpha-figures.txt") == []


def test_d103_a_label_the_text_repeats_names_no_entry():
    """The docks page with its second option's label made the first one's (a scrape repeating its
    title): no entry is named, and the repeated sentence is reported again."""
    text = _read("gimp-ko-docks-two-options.txt")
    assert text.count("자동으로 활성화된 이미지 표시하기\n") == 1
    same = text.replace("자동으로 활성화된 이미지 표시하기\n", "이미지 선택 표시\n")
    assert [f.code for f in _d103("docks.txt", same)] == ["D103"]


def test_d103_spares_a_statement_made_of_each_paragraphs_own_subject():
    """Sample Colorize: "... you can select another sample-image among the names of images present on
    your screen ..." in the paragraph on the sample, "... allow you to select another destination
    image" in the one on the destination."""
    assert _d103("gimp-ko-sample-colorize-two-lists.txt") == []


def test_d103_spares_an_on_off_minimal_pair():
    """QuickMask: "Activate QuickMask mode using the left-bottom button ..." then, steps later,
    "Toggle QuickMask mode off using the left-bottom button ...": the step that ends what the first
    began."""
    assert _d103("gimp-ko-quickmask-steps.txt") == []
