"""The artifact family (A1xx): scraping debris reported precisely and removable on request.

One module per rule group; this package is the pluggy plugin registering them.

=====  ========================  ========  =====================================
code   name                      severity  fix
=====  ========================  ========  =====================================
A101   hex-id-fragment           warning   unsafe: fragment (or its line) removed
A102   script-mismatch-residue   warning   unsafe: line removed
A103   boilerplate-phrase        warning   unsafe: line removed
A104   replacement-character     error     none
A105   mojibake                  error     unsafe: ftfy repair
A106   html-tag                  warning   unsafe: tag removed
A107   html-entity               warning   safe: entity decoded
A108   lightweight-markup        warning   unsafe: markup stripped (.txt only)
A109   control-character         warning   safe: characters removed
A110   link-or-address           info      none
A111   symbol-only-line          warning   unsafe: line removed
A120   presentation-form         warning   safe: NFKC letters
A121   middle-dot-space          warning   unsafe: dots become spaces
A122   non-nfc-text              warning   safe/unsafe: NFC (off by default)
=====  ========================  ========  =====================================
"""

from __future__ import annotations

from ...hookspecs import hookimpl
from .boilerplate import BoilerplatePhrase
from .encoding import Mojibake, ReplacementCharacter
from .hexid import HexIdFragment
from .links import LinkOrAddress
from .markup import ControlCharacter, HtmlEntity, HtmlTag, LightweightMarkup
from .middot import MiddleDotSpace
from .normalization import NonNfcText
from .presentation import PresentationForm
from .residue import ScriptMismatchResidue
from .symbols import SymbolOnlyLine

RULES = [
    HexIdFragment,
    ScriptMismatchResidue,
    BoilerplatePhrase,
    ReplacementCharacter,
    Mojibake,
    HtmlTag,
    HtmlEntity,
    LightweightMarkup,
    ControlCharacter,
    LinkOrAddress,
    SymbolOnlyLine,
    PresentationForm,
    MiddleDotSpace,
    NonNfcText,
]

__all__ = ["RULES", "corpuslint_register_rules"] + [cls.__name__ for cls in RULES]


@hookimpl
def corpuslint_register_rules():
    return list(RULES)
