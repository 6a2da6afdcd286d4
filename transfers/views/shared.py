"""Helpers the pages of the Transferbörse share."""

from django.core.exceptions import ValidationError

from projects.models import Municipality

from ..models import Follow


def _coordinated_municipalities(user):
    if not user.is_authenticated:
        return Municipality.objects.none()
    return Municipality.objects.filter(pk__in=user.coordinated_municipality_ids())


def _follow_ids(user, field: str) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Follow.objects.filter(user=user, **{f"{field}__isnull": False}).values_list(field, flat=True))


def _apply_validation_error(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
