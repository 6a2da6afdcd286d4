"""Shared hypothesis settings and strategies for the fuzz tests."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
# Arbitrary text, any unicode, control characters (NUL, which PostgreSQL rejects in text, bidi overrides,
# BOM) with markup characters, and very long strings.
TEXT = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.text(alphabet=st.sampled_from("\x00\x01\x1f\x7f\u202e\ufeff<>\"'%&;"), max_size=20),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1000, 20_000)),
)
# Numbers and dates at and beyond the limits of the database columns.
EDGE_VALUES = st.sampled_from(
    [
        "0",
        "-1",
        "1.5",
        "1,5",
        "32767",
        "32768",
        "2147483648",
        "9223372036854775808",
        "1" * 40,
        "9999999999.99",
        "99999999999999",
        "1e400",
        "NaN",
        "Infinity",
        "0001-01-01",
        "9999-12-31",
        "10000-01-01",
        "2024-02-30",
        "31.12.2025",
    ]
)
# Now and then a value a form accepts, so that saving is exercised too.
PLAUSIBLE = st.sampled_from(["2024", "3", "Elterncafé", "https://example.org/", "info@example.org", "2025-06-30"])
VALUE = st.one_of(TEXT, EDGE_VALUES, PLAUSIBLE, st.integers().map(str))
