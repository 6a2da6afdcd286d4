"""German text analysis shared by indexing and querying.

Documents and queries go through the same Tantivy analyzer: words of letters and digits, lower case,
compounds split into the parts listed in ``COMPOUND_PARTS`` (``Familienzentren`` → familien + zentren),
then the German Snowball stemmer (which also folds umlauts). No stop words are removed from documents,
so a title such as "WEITER" stays findable; the query drops only the few words in ``QUERY_STOP_WORDS``.
A second, unstemmed analyzer feeds the ``spell`` field: typo tolerance and "Meinten Sie …?" work on
real words, never on stems.
"""

import re
import unicodedata

import tantivy

STEMMED = "de_stem"
SPELL = "de_spell"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8

# Parts that German compounds of this domain are built from. A word is split only if it consists of
# these parts entirely (Tantivy's SplitCompoundWords), so listing a part is always safe.
COMPOUND_PARTS = sorted(
    """
    alltags arbeit arbeits ausbildung ausbildungs baby babys begleit begleitung beratung beratungs beruf berufe
    berufs besuch besuche besuchs betreuung betreuungs bildung bildungs brücke brücken café dienst dienste eltern
    elternarbeit entwicklung entwicklungs familie familien förder förderung frühe früh früherkennung geburt geburts
    gesundheit gesundheits grund gruppe gruppen haus hilfe hilfen jugend jugendliche jugendlichen kinder kind kindes
    kita kitas kurs kurse lotse lotsen mütter mutter netz netzwerk netzwerke paten patenschaft praxis prävention
    präventions programm projekt quartier quartiers raum räume schul schule schulen sozial sozialraum sport sprach
    sprache sprachförderung stadt stadtteil stelle stellen teil treff treffpunkt übergang übergänge übergangs väter
    vater werk willkommen willkommens zentrum zentren zuwanderung
    """.split()  # noqa: SIM905
)
# Pairs the stemmer leaves apart (Latin plurals): a query for one form also asks for the other.
STEM_VARIANTS = {
    "zentrum": ("zentr",),
    "zentr": ("zentrum",),
    "kitas": ("kita",),
    "kita": ("kitas",),
    "praxis": ("praxen",),
    "praxen": ("praxis",),
}
_STOP_WORDS = """
    aber als am an auf aus bei bis da das dem den der des die ein eine einem einen einer eines für fuer
    im in ins ist mit nach oder sich so über ueber um und vom von vor wie zu zum zur
"""
QUERY_STOP_WORDS = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[^\W_]+")


def stemming_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.split_compound(COMPOUND_PARTS))
        .filter(tantivy.Filter.stemmer("german"))
        .build()
    )


def spelling_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(60))
        .filter(tantivy.Filter.lowercase())
        .build()
    )


_stemmer = stemming_analyzer()


def stems(word: str) -> list[str]:
    """The index terms of one word (several for a compound)."""
    return [token for token in _stemmer.analyze(word)]


def stem_variants(stem: str) -> list[str]:
    return [stem, *STEM_VARIANTS.get(stem, ())]


def query_words(text: str) -> list[str]:
    """The words of a query, lower-cased, without stop words (unless only stop words), at most ``MAX_WORDS``."""
    words: list[str] = []
    for word in _WORD.findall(text[:MAX_QUERY_LENGTH].lower()):
        if word not in words:
            words.append(word)
    kept = [word for word in words if word not in QUERY_STOP_WORDS] or words
    return kept[:MAX_WORDS]


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def collation_key(text: str) -> str:
    """A sort key in German dictionary order (DIN 5007-1): umlauts sort as their base letter, ß as ss."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(char for char in folded if not unicodedata.combining(char))


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count one), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)
