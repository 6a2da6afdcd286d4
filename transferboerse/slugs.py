from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slugify(text: str) -> str:
    """``slugify`` that writes umlauts the German way ("Lünen" → "luenen", not "lunen")."""
    return slugify(text.translate(GERMAN_TRANSLITERATION))


def unique_slug(instance, text: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for ``text`` that no other row of the instance's model uses yet."""
    base = german_slugify(text)[:max_length].strip("-") or "eintrag"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    candidate, number = base, 2
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{number}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate
