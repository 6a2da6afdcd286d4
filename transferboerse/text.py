"""One form of stored text, whatever sent it.

Browsers send form text with CRLF line breaks, demo data and imports have LF, Excel may add spaces at
the end of a line. Compared as they come, an unchanged text looks changed (a phantom change for
review), so every text is normalised before it is compared or saved.
"""

import re

_TRAILING_SPACE = re.compile(r"[ \t\xa0]+$", re.MULTILINE)


def normalise_text(value):
    """``value`` with LF line breaks, without spaces at the end of a line or of the text; other values
    (numbers, None, lists) unchanged."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return _TRAILING_SPACE.sub("", text).strip()
