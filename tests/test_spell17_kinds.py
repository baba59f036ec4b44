"""S101 on what the corpus and the catalogue know (spell17): a broken plural أفعال whose
singular is a word is exempt from the article-on-a-verb signal unless the corpus writes a
word one letter away far more often; a .po translation's word that writes a Latin word of
its msgid in Arabic letters is that name or term, not a slip. Real excerpts:
samples/news-ar/001 line 7; LibreOffice 7.4.7 ar catalogues (MPL-2.0), GNOME and iso-codes
ar catalogues (fresh16's po-ar set). Sources: tests/data/realtext/SOURCE.md."""

from __future__ import annotations

from corpuslint import lint_paths
from corpuslint.families.spelling.base import PLURAL_SLIP_RATIO

NO_CACHE = {"cache": False}

# samples/news-ar/001 line 7
NEWS = ("قالت وكالة الأنباء المركزية الكورية الشمالية إن الزعيم الكوري الشمالي كيم جونغ أون "
        "ناقش قضايا عملية لتحسين التعاون العسكري مع وزير الدفاع الروسي.")
# the same sentence with the slip the 100 MB benchmark corpus planted (doc000865 line 71)
SLIP = NEWS.replace("الأنباء", "الأنباع")
# LibreOffice 7.4.7 ar sw.po line 7341: "the available formats" (plural of نسق)
FORMATS = "حدد نَسَق الحجم الذي تريد استخدامه. الأنساق المتاحة تعتمد على العلامة التجارية"


def _corpus(tmp_path, copies: int) -> list[str]:
    """``copies`` occurrences of the news sentence spread over ten files, in all of which
    its neighbours occur (so no neighbour is evidence, as at 100 MB: the context signal
    has nothing to go on), a file with the slip and a file with the real plural; the
    spans S101 reports."""
    per_file = copies // 10
    for i in range(10):
        (tmp_path / f"news{i}.txt").write_text("\n\n".join([NEWS] * per_file) + "\n", encoding="utf-8")
    (tmp_path / "slip.txt").write_text(SLIP + "\n", encoding="utf-8")
    (tmp_path / "formats.txt").write_text(FORMATS + "\n", encoding="utf-8")
    findings = lint_paths([str(tmp_path)], config={"select": ["S101"], **NO_CACHE})
    return [(f.path.rsplit("/", 1)[-1], f.message) for f in findings]


def test_s101_broken_plural_shape_beside_a_far_more_frequent_word_is_a_slip(tmp_path):
    found = _corpus(tmp_path, PLURAL_SLIP_RATIO + 10)
    assert [path for path, _ in found] == ["slip.txt"]
    assert "'الأنباء' (60×) is one letter away; did you mean 'الأنباء'?" in found[0][1]
    assert "only a verb form" in found[0][1]


def test_s101_broken_plural_shape_without_a_far_more_frequent_word_stays_a_word(tmp_path):
    # الأنباء written fewer than PLURAL_SLIP_RATIO times: the corpus does not tell the
    # two apart, and the plural's exemption holds (as for الأنساق, which nothing is near)
    assert _corpus(tmp_path, PLURAL_SLIP_RATIO - 10) == []


# -- a .po translation that writes its msgid's name or term in Arabic letters ----------------

# (msgid, msgstr word S101 reported on lead) from fresh16's po-ar set: gnome-control-center
# timezones (Kashgar, Bayan, Easter), iso-codes iso_15924 and iso_639-2, LibreOffice svt, svx,
# cui, vcl and GTK 3 gtk30-properties
SOURCE_NAMES = [
    ("Asia/Kashgar", "كاشغر"), ("Bayan-Olgiy, Govi-Altai, Hovd, Uvs, Zavkhan", "بايان"),
    ("Pacific/Easter", "إيستر"), ("Braille", "البرايل"), ("Maori", "الموري"),
    ("Sorbian languages", "الصوربية"), ("Assamese", "الأسامية"), ("Cornish", "الكورنية"),
    ("Dogri", "الدغرية"), ("Norwegian, Bokmål", "بوكمال"), ("Tok Pisin", "بيسين"),
    ("Inscriptional Pahlavi", "بهلوي"), ("SmartArt to %PRODUCTNAME shapes or reverse", "سمارت"),
    ("PostScript Level 3", "بوستسكريبت"),
    ("The stock icon displayed in widgets representing this action.", "ودجات"),
]
# real slips of the same catalogues, each beside its msgid: not a transliteration of it
SLIPS = [
    ("Open door", "مفنوح"), ("A widget to display in place of the usual frame label", "الاظار"),
    ("Button spacing", "الأزار"), ("Enable Event Sounds", "الأحدات"), ("Toolbar Style", "منط"),
    ("Oracle JDBC ~driver class", "صتف"), ("Footer $(ARG1)", "التذيل"), ("Server Addresses", "الخوادوم"),
    ("Maple Leaves", "القبقب"), ("Start Date", "البدأ"), ("Kabyle Latin", "الاتينية"),
    ("Terminal Pager", "متصحف"), ("Please enter a binding expression.", "تعببير"),
    ("Array or procedure $(ARG1) not found.", "المصفوصة"), ("The user interface language cannot be determined.", "المتسخدم"),
    ("MS Access file", "ماكروسوفت"),  # (a variant of ميكروسوفت; the msgid says MS, not Microsoft)
]


def test_a_word_writing_its_msgids_name_in_arabic_letters():
    from corpuslint.families.spelling.source_names import latin_skeletons, transliterates

    assert [w for m, w in SOURCE_NAMES if not transliterates(w, latin_skeletons([m]))] == []
    assert [w for m, w in SLIPS if transliterates(w, latin_skeletons([m]))] == []
    assert not transliterates("الكورنية", latin_skeletons([None, ""]))  # no source: nothing to read


# LibreOffice 7.4.7 ar svt.po lines 704-1996 (language names), svx.po lines 1077-1253 and
# 5055-5071, sw.po line 16644; iso-codes iso_639-2 ar line 339: every string of the
# catalogues with كورية in it, and svt's Latin-script language names
LANGUAGES = [
    ("Korean", "الكورية"), ("Assamese", "الأسامية"), ("Azerbaijani Latin", "اللاتينية الأذربيجانية"),
    ("Cornish", "الكورنية"), ("Interslavic Latin", "اللاتينية بين السلافية"), ("Kabyle Latin", "القابلية اﻻتينية"),
    ("Korean (RoK)", "الكورية (جمهورية كوريا)"), ("Latin", "اللاتينية"), ("Pali Latin", "البالية اللاتينية"),
    ("Serbian Latin", "الصربية اللاتينية"), ("Serbian Latin (Montenegro)", "اللاتينية الصربية (مونتنغرو)"),
    ("Serbian Latin (Serbia and Montenegro)", "اللاتينية الصربية (صربيا ومونتنغرو)"),
    ("Serbian Latin (Serbia)", "اللاتينية الصربية (صربيا)"), ("Tok Pisin", "توك بيسين"),
    ("Uzbek Latin", "اللاتينية الأوزبكية"), ("CJK Compatibility", "توافق الصينية واليابانية والكورية"),
    ("CJK Compatibility Forms", "نماذج توافق الصينية واليابانية والكورية"),
    ("CJK Compatibility Ideographs", "توافق إيديوغرام الصينية واليابانية والكورية"),
    ("CJK Miscellaneous", "متفرقات صينية ويابانية وكورية"),
    ("CJK Radical Supplement", "تحميل العلامات الجذرية الصينية واليابانية والكورية"),
    ("CJK Symbols And Punctuation", "رموز وعلامات تنقيط صينية ويابانية وكورية"),
    ("Enclosed CJK Letters And Months", "أحرف وأشهر صينية ويابانية وكورية في دائرة"),
    ("Korean (Apple Macintosh)", "الكورية (آبل ماكنتوش)"), ("Korean (EUC-KR)", "الكورية (EUC-KR)"),
    ("Korean (ISO-2022-KR)", "الكورية (ISO-2022-KR)"), ("Korean (Windows-949)", "الكورية (Windows-949)"),
    ("Korean (Windows-Johab-1361)", "الكورية (Windows-Johab-1361)"),
    ("Asian characters and Korean syllables", "محارف آسيوية ومقاطع كورية"),
]


def test_s101_leaves_a_language_name_its_msgid_gives_and_keeps_the_slip_beside_it(tmp_path):
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n'
    path = tmp_path / "svt.po"
    path.write_text(head + "".join(f'\nmsgid "{a}"\nmsgstr "{b}"\n' for a, b in LANGUAGES), encoding="utf-8")
    findings = lint_paths([str(path)], config={"select": ["S101"], **NO_CACHE})
    # lead reported الكورنية (Cornish) as a slip of الكورية; the lam dropped from
    # اللاتينية in "القابلية اﻻتينية" (Kabyle Latin) is a real slip and stays
    assert [f.message.split("'")[1] for f in findings] == ["الاتينية"]


# -- a word its translator vocalised -------------------------------------------------------

# Every string of fresh16's po-ar set with الحركة / حركة or متصفح in it (msgctxt, msgid,
# msgstr): GTK 3 gtk30-properties.po lines 2465, 2681, 4382 and gtk30.po line 2217,
# nautilus 43 lines 1105 and 2582, gnome-control-center line 3659, LibreOffice 7.4.7 cui,
# dkt, pcr, sc and sd strings
UI_STRINGS = [
    (None, 'Type the URL into your browser to download and install the profile.', 'اكتب المسار في المتصفح و\xa0نزّل الإعداد.'),
    (None, 'Skip pager', 'تخطي المتصفح'),
    (None, 'TRUE if the window should not be in the pager.', 'يضبط لـ TRUE إذا وجب أن لا تكون النافذة في المتصفح.'),
    (None, 'Whether to enable toolkit-wide animations.', 'فيما أذا يتم تفعيل الحرَاكة '),
    (None, 'Terminal Pager', 'متصحّف الطرفية'),
    ('optctlpage|label3', 'Movement:', 'الحركة:'),
    ('textanimtabpage|FT_COUNT', 'Animation cycles:', 'دوائر الحركة:'),
    ('textdialog|RID_SVXPAGE_TEXTANIMATION', 'Text Animation', 'حركة النص'),
    ('RID_DLG_UPDATE_BROWSERBASED', 'browser based update', 'تحديث مستند إلى المتصفح'),
    ('datasourcepage|extended_tip|DataSourcePage', 'Specifies a location for the address book file and a name under which the data source will be listed in the data source explorer.', 'يعيّن موضعاً لملف دفتر العناوين وإسماً سيُعرَض به مصدر البيانات في متصفح مصدر البيانات.'),
    ('dropmenu|extended_tip|copy', 'Generates a copy when you drag-and-drop an object from the Navigator into a document.', 'يُنشأ نسخة عندما تقوم بسحب و إفلات شيء من المتصفح للمستند'),
    ('dropmenu|extended_tip|hyperlink', 'Inserts a hyperlink when you drag-and-drop an object from the Navigator into a document.', 'يُدخل ارتباطا تشعبيا عندما تقوم بسحب و إفلات شيء من المتصفح للمستند.'),
    ('navigatorpanel|extended_tip|copy', 'Generates a copy when you drag-and-drop an object from the Navigator into a document.', 'يُنشأ نسخة عندما تقوم بسحب و إفلات شيء من المتصفح للمستند'),
    ('navigatorpanel|extended_tip|dragmode', 'Opens a submenu for selecting the drag mode. You decide which action is performed when dragging and dropping an object from the Navigator into a document. Depending on the mode you select, the icon indicates whether a hyperlink, link or a copy is created.', 'يفتح قائمة ثانوية لاختيار وضع السحب. يمكنك أن تقرر أي حركة يتم تنفيذها عند سحب و افلات شيء من المتصفح للمستند. اعتماداً على الوضع الذي تحتاره، تشير الأيقونة إذا كان رابطاً أو ارتباطا تشعبيا.'),
    ('navigatorpanel|extended_tip|hyperlink', 'Inserts a hyperlink when you drag-and-drop an object from the Navigator into a document.', 'يُدخل ارتباطا تشعبيا عندما تقوم بسحب و إفلات شيء من المتصفح للمستند.'),
    ('STR_CUSTOMANIMATION_MOTION_PATHS', 'Motion Paths: %1', 'مسارات حركة: %1'),
    ('STR_HTMLEXP_NOFRAMES', 'Unfortunately your browser does not support floating frames.', 'لسوء الحظ، متصفحك لا يدعم الإطارات العائمة.'),
    ('STR_UNDO_ANIMATION', 'Animation parameters', 'معلمات الحركة'),
    ('customanimationeffecttab|aeffect_label', 'A_fter animation:', 'ب_عد الحركة:'),
    ('customanimationeffecttab|aeffect_list', 'Hide after animation', 'أخفِ بعد الحركة'),
    ('customanimationeffecttab|aeffect_list', 'Hide on next animation', 'أخفِ عند الحركة التالية'),
    ('customanimationeffecttab|text_animation_label', '_Text animation:', 'حركة ال_نص:'),
    ('customanimationproperties|textanim', 'Text Animation', 'حركة النص'),
    ('customanimationspanel|categorylb', 'Motion Paths', 'مسارات الحركة'),
    ('customanimationspanel|extended_tip|categorylb', 'Select an animation effect category.', 'حدد صنف تأثيرات الحركة.'),
    ('customanimationspanel|extended_tip|effect_list', 'Select an animation effect.', 'حدد تأثير حركة.'),
    ('customanimationspanel|extended_tip|start_effect_list', 'Displays when the selected animation effect should be started.', 'يَعرض متى ينبغي بدء تأثير الحركة المحدد.'),
    ('customanimationtimingtab|anim_duration|tooltip_text', 'Select the speed of the Animation.', 'اختر سرعة الحركة.'),
    ('dockinganimation|extended_tip|stop', 'Stops playing the animation.', 'أوقف تشغيل الحركة.'),
    ('templatedialog|animation', 'Text Animation', 'حركة النص'),
    (None, 'If set to true, then Nautilus browser windows will always use a textual input entry for the location toolbar, instead of the pathbar.', 'إذا ضبط كصحيح، فستستخدم دائما نوافذ متصفح نوتلس عنصر دَخِْل نصي لشريط أدوات الموقع بدلا من شريط المسار.'),
    (None, 'Where to position newly open tabs in browser windows', 'أين ستوضع الألسنة المفتوحة حديثا في نوافذ المتصفح'),
]


def test_s101_leaves_a_word_its_translator_vocalised_and_keeps_a_slip_with_a_shadda(tmp_path):
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n'
    body = "".join((f'\nmsgctxt "{c}"' if c else "\n") + f'\nmsgid "{a}"\nmsgstr "{b}"\n' for c, a, b in UI_STRINGS)
    path = tmp_path / "ui.po"
    path.write_text(head + body, encoding="utf-8")
    findings = lint_paths([str(path)], config={"select": ["S101"], **NO_CACHE})
    # lead reported "الحرَاكة" (GTK's word for animations, a fatha on its ra) as a slip of
    # الحركة; "متصحّف" (Terminal Pager) for متصفّح carries only a shadda and stays
    assert [f.message.split("'")[1] for f in findings] == ["متصحف"]
