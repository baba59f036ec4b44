"""Rules written in config: [tool.corpuslint.custom-rules.NAME] (existence / substitution / consistency).

In-process tests go through corpuslint.lint_text / lint_paths with a dict config (the
shape of the [tool.corpuslint] table); the end-to-end tests run the CLI with
``--config FILE`` on a copy of samples/ and check what ``--fix`` writes.
"""

from __future__ import annotations

import textwrap

import pytest

from .conftest import ROOT, SAMPLES, run_cli, run_json, seed
from corpuslint import lint_paths, lint_text
from corpuslint.config import ConfigError
from corpuslint.engine import apply_fixes, build_registry, run
from corpuslint.families import custom
from corpuslint.findings import Applicability

# One rule of each kind, written for the Arabic seed articles.
HOUSE_RULES = textwrap.dedent(
    """\
    [custom-rules.comment-boilerplate]
    kind = "existence"
    tokens = ["اترك تعليقاً"]
    patterns = ['لن يتم نشر عنوان بريدك\\S*']
    message = "comment-form boilerplate: '{match}'"
    severity = "error"

    [custom-rules.alef-maqsura-nisba]
    kind = "substitution"
    description = "Write the nisba ending with ya, not alef maqsura (كوري, not كورى)."
    swap = { '(ال)?كورى' = "$1كوري", "الروسى" = "الروسي|روسيا" }

    [custom-rules.seoul-spelling]
    kind = "consistency"
    either = [["سيول", "سيئول"]]
    """
)


def custom_findings(findings):
    return [f for f in findings if f.family == "custom"]


def lint(text, rules):
    # No "select" here: config-file selection of custom codes is validated before the
    # rules exist (see the report to the lead); the CLI's --select C works and is tested below.
    return custom_findings(lint_text(text, path="doc.txt", config={"custom-rules": rules}))


def config_error(rules) -> str:
    with pytest.raises(ConfigError) as info:
        build_registry(table={"custom-rules": rules})
    message = str(info.value)
    assert "\n" not in message
    return message


# -- existence ------------------------------------------------------------------------


def test_existence_tokens_are_whole_words():
    rules = {"no-kim": {"kind": "existence", "tokens": ["كيم"], "message": "name: {match}"}}
    text = "زار كيم موسكو، ودرس الكيمياء في كيمبردج. كيم\n"
    found = lint(text, rules)
    assert [(f.line, f.column, f.message) for f in found] == [(1, 5, "name: كيم"), (1, 42, "name: كيم")]
    assert all(f.code == "C825" and f.rule == "no-kim" and f.family == "custom" for f in found)
    assert all(f.fix is None for f in found)


def test_existence_nonword_matches_inside_words_and_ignorecase():
    rules = {"chem": {"kind": "existence", "tokens": ["KIM"], "nonword": True, "ignorecase": True}}
    found = lint("Kimchi and kim.\n", rules)
    assert [text for text in ("Kimchi and kim.\n"[f.start : f.end] for f in found)] == ["Kim", "kim"]
    assert lint("Kimchi\n", {"chem": {"kind": "existence", "tokens": ["KIM"], "nonword": True}}) == []


def test_existence_patterns_and_exceptions():
    rules = {
        "kim-misspelled": {
            "kind": "existence",
            "patterns": [r"كيم جو\p{L}* أون"],
            "exceptions": ["كيم جونغ أون", "كيم جونج أون"],
            "message": "check the spelling of '{match}'",
        }
    }
    text = "قال كيم جونغ أون إن... وأضاف كيم جوج أون، ثم كيم جونج أون.\n"
    found = lint(text, rules)
    assert [f.message for f in found] == ["check the spelling of 'كيم جوج أون'"]


def test_existence_on_the_seed_with_comment_boilerplate():
    findings = custom_findings(lint_paths([str(seed("004"))], config={"custom-rules": {
        "comment-box": {"kind": "existence", "tokens": ["اترك تعليقاً"], "severity": "error"}}}))
    (f,) = findings
    assert (f.line, f.column, f.severity.value, f.message) == (23, 1, "error", "avoid 'اترك تعليقاً'")


# -- substitution ---------------------------------------------------------------------


def test_substitution_group_reference_gives_a_safe_fix():
    rules = {"nisba": {"kind": "substitution", "swap": {"(ال)?كورى": "$1كوري"}}}
    text = "الجيش الكورى والنظام كورى الطابع، والكوري صحيح.\n"
    found = lint(text, rules)
    assert [f.message for f in found] == ["use 'الكوري' instead of 'الكورى'", "use 'كوري' instead of 'كورى'"]
    assert all(f.fix.applicability is Applicability.SAFE for f in found)
    fixed, applied = apply_fixes(text, found, unsafe=False)
    assert applied == 2
    assert fixed == "الجيش الكوري والنظام كوري الطابع، والكوري صحيح.\n"


def test_substitution_several_suggestions_have_no_fix():
    rules = {"russian": {"kind": "substitution", "swap": {"الروسى": "الروسي|روسيا"}}}
    (f,) = lint("الرئيس الروسى.\n", rules)
    assert f.fix is None
    assert f.message == "use 'الروسي' or 'روسيا' instead of 'الروسى'"


def test_substitution_named_groups_and_no_finding_when_already_right():
    rules = {
        "fi": {
            "kind": "substitution",
            "swap": {"(?P<w>و)?فى": "${w}في", "بيونج ?يانج|بيونغ ?يانغ": "بيونغ يانغ"},
            "message": "{match} -> {suggestion}",
        }
    }
    text = "وفى بيونغ يانغ، وفى بيونج يانج.\n"
    found = lint(text, rules)
    assert [f.message for f in found] == ["وفى -> وفي", "وفى -> وفي", "بيونج يانج -> بيونغ يانغ"]


def test_substitution_dollar_escape():
    rules = {"price": {"kind": "substitution", "swap": {"USD ?(\\d+)": "$$$1"}, "nonword": True}}
    (f,) = lint("السعر USD 20 فقط.\n", rules)
    assert f.fix.edits[0].replacement == "$20"


# -- consistency ----------------------------------------------------------------------


def test_consistency_reports_the_minority_form_with_the_majority_as_related():
    rules = {"pyongyang": {"kind": "consistency", "either": {"بيونغ يانغ": "بيونج يانج"}}}
    text = "زار بيونغ يانغ.\nثم بيونج يانج.\nوعاد إلى بيونغ يانغ.\n"
    (f,) = lint(text, rules)
    assert (f.line, f.message) == (2, "'بيونج يانج' is inconsistent with 'بيونغ يانغ' (2× in this document)")
    assert f.fix.applicability is Applicability.UNSAFE and f.fix.edits[0].replacement == "بيونغ يانغ"
    assert [(r.line, r.column) for r in f.related] == [(1, 5)]
    # one form only: consistent
    assert lint("زار بيونغ يانغ.\nوعاد إلى بيونغ يانغ.\n", rules) == []


def test_consistency_tie_reports_the_later_form_on_the_seed():
    # 002 writes سيئول once (line 15) and سيول once (line 37): the later one is reported
    findings = custom_findings(
        lint_paths([str(seed("002"))], config={"custom-rules": {
            "seoul": {"kind": "consistency", "either": [["سيول", "سيئول"]]}}})
    )
    (f,) = findings
    assert (f.line, f.column) == (37, 35)
    assert f.message.startswith("'سيول' is inconsistent with 'سيئول'")


def test_consistency_groups_with_three_forms():
    rules = {"tehran": {"kind": "consistency", "either": [["طهران", "تهران", "طهرن"]]}}
    found = lint("طهران، طهران، تهران، طهرن.\n", rules)
    assert [f.message.split("'")[1] for f in found] == ["تهران", "طهرن"]


# -- codes, docs, files ---------------------------------------------------------------


def test_codes_are_derived_from_names_and_adding_a_rule_renumbers_nothing():
    rules = {
        "zeta": {"kind": "existence", "tokens": ["search"]},
        "alpha": {"kind": "existence", "tokens": ["A A"]},
        "mid": {"kind": "existence", "tokens": ["م"], "code": "C902"},
    }

    def codes(table):
        _, registry = build_registry(table={"custom-rules": table, "ignore": ["C977"]})
        return {code: cls.name for code, cls in registry.rules.items() if cls.family == "custom"}

    before = codes(rules)
    assert before == {"C202": "alpha", "C902": "mid", "C977": "zeta"}  # blake2b of the name, into C100-C999
    # a new rule whose name sorts first changes no other code, so `ignore = ["C977"]` still means zeta
    after = codes({"aardvark": {"kind": "existence", "tokens": ["ع"]}, "beta": {"kind": "existence", "tokens": ["ب"]},
                   **rules})
    assert after == {**before, custom.derived_code("aardvark"): "aardvark", "C742": "beta"}
    grown = {"aardvark": {"kind": "existence", "tokens": ["ع"]}, **rules}
    for table in (rules, grown):
        found = custom_findings(lint_paths([str(seed("002"))], config={"custom-rules": table, "ignore": ["c977"]}))
        assert {(f.rule, f.line) for f in found if f.rule != "aardvark"} == {("alpha", 13)}  # zeta stays ignored


def test_a_derived_code_clash_is_an_error_not_a_renumbering():
    message = config_error({"taken": {"kind": "existence", "tokens": ["x"], "code": "C977"},
                            "zeta": {"kind": "existence", "tokens": ["y"]}})
    assert "custom-rules.zeta: its code derived from the name, C977, is also the code of custom rule 'taken'" in message
    assert 'code = "C999"' in message


def test_generated_docs_have_the_four_sections():
    classes = custom.rules_from_section(
        {name: spec for name, spec in __import__("tomllib").loads(HOUSE_RULES)["custom-rules"].items()}
    )
    assert len(classes) == 3
    for cls in classes:
        cls.validate_class()
        doc = cls.doc()
        for section in ("What:", "Why:", "Example:", "Fix safety:"):
            assert any(line.startswith(section) for line in doc.splitlines()), (cls.name, section)
    nisba = next(c for c in classes if c.name == "alef-maqsura-nisba")
    assert "Write the nisba ending with ya" in nisba.doc()
    assert "'(ال)?كورى' -> '$1كوري'" in nisba.doc()


def test_changing_a_rule_changes_its_cache_fingerprint():
    a = custom.rules_from_section({"r": {"kind": "existence", "tokens": ["x"]}})[0]
    b = custom.rules_from_section({"r": {"kind": "existence", "tokens": ["y"]}})[0]
    assert a.code == b.code and a().fingerprint() != b().fingerprint()


def test_rules_file(tmp_path):
    (tmp_path / "house-rules.toml").write_text(
        '[no-search]\nkind = "existence"\ntokens = ["search"]\nseverity = "info"\n', encoding="utf-8"
    )
    (tmp_path / "corpuslint.toml").write_text(
        '[custom-rules]\ncustom-rules-file = "house-rules.toml"\n\n'
        '[custom-rules.inline-rule]\nkind = "existence"\ntokens = ["A A"]\n',
        encoding="utf-8",
    )
    findings = custom_findings(lint_paths([str(seed("002"))], config=str(tmp_path / "corpuslint.toml")))
    assert sorted((f.rule, f.line, f.severity.value) for f in findings) == [
        ("inline-rule", 13, "warning"),
        ("no-search", 47, "info"),
    ]


def test_disabled_custom_rule_needs_explicit_selection():
    rules = {"quiet": {"kind": "existence", "tokens": ["search"], "enabled": False}}
    assert custom_findings(lint_paths([str(seed("002"))], config={"custom-rules": rules})) == []
    config, registry = build_registry(table={"custom-rules": rules})
    config.select = ["C157"]
    assert [f.code for f in run([str(seed("002"))], config, registry).findings] == ["C157"]


# -- validation: one clear line naming the rule and key --------------------------------


@pytest.mark.parametrize(
    "rules, expected",
    [
        ({"r": {"kind": "existence", "patterns": ["(unclosed"]}},
         "custom-rules.r.patterns: bad regex '(unclosed': missing ) at position 9"),
        ({"r": {"kind": "substitution", "swap": {"[a-": "b"}}}, "custom-rules.r.swap.'[a-': bad regex"),
        ({"r": {"kind": "existence", "token": ["x"]}}, "custom-rules.r.token: unknown key for existence rules"),
        ({"r": {"kind": "existence", "tokens": ["x"], "swap": {"a": "b"}}}, "custom-rules.r.swap: unknown key"),
        ({"r": {"kind": "spelling"}}, "custom-rules.r.kind: must be one of existence, substitution, consistency"),
        ({"r": {"tokens": ["x"]}}, "custom-rules.r.kind: must be one of"),
        ({"Bad_Name": {"kind": "existence", "tokens": ["x"]}}, "custom-rules.Bad_Name: the rule name must be kebab-case"),
        ({"r": {"kind": "existence"}}, "custom-rules.r.tokens: an existence rule needs"),
        ({"r": {"kind": "existence", "tokens": "x", "severity": "fatal"}}, "custom-rules.r.severity: unknown severity 'fatal'"),
        ({"r": {"kind": "existence", "tokens": ["x"], "code": "X1"}}, "custom-rules.r.code: must be 1-3 capital letters"),
        ({"r": {"kind": "substitution", "swap": {"(a)b": "$2"}}}, "refers to group $2 but the pattern has 1"),
        ({"r": {"kind": "substitution", "swap": {"ab": "${x}"}}}, "refers to unknown group ${x}"),
        ({"r": {"kind": "existence", "patterns": ["x*"]}}, "custom-rules.r.patterns: regex 'x*' matches the empty string"),
        ({"r": {"kind": "consistency", "either": [["only-one"]]}}, "custom-rules.r.either[0]: a consistency group needs"),
        ({"r": {"kind": "consistency", "either": "a|b"}}, "custom-rules.r.either: must be a table"),
        ({"r": {"kind": "existence", "tokens": ["x"], "ignorecase": "yes"}}, "custom-rules.r.ignorecase: must be true or false"),
        ({"r": "existence"}, "custom-rules.r: must be a table"),
        ({"a": {"kind": "existence", "tokens": ["x"], "code": "C950"},
          "b": {"kind": "existence", "tokens": ["y"], "code": "C950"}}, "C950 is also used by custom rule 'a'"),
        ({"custom-rules-file": "missing.toml"}, "custom-rules.custom-rules-file: cannot read 'missing.toml'"),
    ],
)
def test_invalid_rules_are_config_errors(rules, expected):
    assert expected in config_error(rules)


def test_a_custom_code_clashing_with_a_builtin_is_an_error():
    from corpuslint.plugins import PluginError

    with pytest.raises(PluginError, match="W101 is already registered"):
        build_registry(table={"custom-rules": {"r": {"kind": "existence", "tokens": ["x"], "code": "W101"}}})


# -- end to end through the CLI --------------------------------------------------------


@pytest.fixture
def house_config(tmp_path):
    path = tmp_path / "corpuslint.toml"
    path.write_text(HOUSE_RULES, encoding="utf-8")
    return path


def test_cli_one_rule_of_each_kind_on_samples(house_config):
    code, report = run_json("--config", str(house_config), "--select", "C", str(SAMPLES), cwd=ROOT)
    assert code == 1
    got = sorted((d["rule"], d["path"].rsplit("/", 1)[-1][:3], d["line"]) for d in report["diagnostics"])
    assert got == [
        ("alef-maqsura-nisba", "003", 3),
        ("alef-maqsura-nisba", "003", 7),
        ("alef-maqsura-nisba", "003", 34),
        ("alef-maqsura-nisba", "003", 39),
        ("alef-maqsura-nisba", "003", 41),
        ("alef-maqsura-nisba", "003", 43),
        ("alef-maqsura-nisba", "003", 49),
        ("comment-boilerplate", "004", 23),
        ("comment-boilerplate", "004", 25),
        ("seoul-spelling", "002", 37),
    ]
    codes = {d["rule"]: d["code"] for d in report["diagnostics"]}
    assert codes == {"alef-maqsura-nisba": "C506", "comment-boilerplate": "C480", "seoul-spelling": "C812"}


def test_cli_fix_applies_only_the_single_suggestion_substitution(house_config, samples_copy):
    before = {p.name: p.read_text(encoding="utf-8") for p in samples_copy.iterdir()}
    proc = run_cli("check", "--no-cache", "--config", str(house_config), "--select", "C", str(samples_copy), "--fix",
                   cwd=ROOT)
    assert proc.returncode == 1, proc.stderr  # existence + consistency + multi-suggestion findings remain
    assert "4 fixed" in proc.stdout
    after = {p.name: p.read_text(encoding="utf-8") for p in samples_copy.iterdir()}
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 1 and changed[0].startswith("003")
    old, new = before[changed[0]], after[changed[0]]
    assert old.count("الكورى") == 3 and new.count("الكورى") == 0 and new.count("الكوري") == old.count("الكوري") + 3
    assert "روسى - كوري شمالى" in new  # the bare form, through the optional group
    assert new.count("الروسى") == old.count("الروسى") == 3  # several suggestions: not fixed
    assert len(new) == len(old)  # ى -> ي only, nothing else touched
    # a second run finds nothing left to fix
    again = run_cli("check", "--no-cache", "--config", str(house_config), "--select", "C506", str(samples_copy),
                    cwd=ROOT)
    assert again.stdout.count("[*]") == 0


def test_cli_bad_regex_is_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "corpuslint.toml"
    bad.write_text('[custom-rules.broken-rule]\nkind = "existence"\npatterns = ["(unclosed"]\n', encoding="utf-8")
    proc = run_cli("check", "--config", str(bad), str(SAMPLES), cwd=ROOT)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "custom-rules.broken-rule.patterns: bad regex '(unclosed'" in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_an_exception_must_contain_the_whole_match():
    rules = {"r": {"kind": "existence", "tokens": ["بيونغ يانغ"], "exceptions": ["بيونغ"]}}
    assert len(lint("زار بيونغ يانغ.\n", rules)) == 1
    rules["r"]["exceptions"] = ["زار بيونغ يانغ"]
    assert lint("زار بيونغ يانغ.\n", rules) == []


def test_empty_matches_are_never_reported():
    # a lookaround-only pattern passes the "matches the empty string" check but finds nothing to flag
    rules = {"r": {"kind": "existence", "patterns": ["(?<=كيم)(?= )"]}}
    assert lint("زار كيم موسكو.\n", rules) == []
