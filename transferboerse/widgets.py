"""Form widgets shared by the apps."""

from html import escape

from django import forms
from django.utils.safestring import mark_safe


class LightSelect(forms.Select):
    """A ``<select>`` built in Python instead of one template per option.

    Same markup as Django's ``Select`` without option groups; used by the filter forms of the project
    list, which is rendered on every search, where Django's per-option templates cost a measurable part
    of the response time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'<option value="{escape(str(option["value"]))}"{" selected" if option["selected"] else ""}>'
            f"{escape(str(option['label']))}</option>"
            for _group, group_options, _index in widget["optgroups"]
            for option in group_options
        )
        attrs = "".join(
            f" {escape(key)}" if value is True else f' {escape(key)}="{escape(str(value))}"'
            for key, value in widget["attrs"].items()
            if value is not False
        )
        return mark_safe(f'<select name="{escape(widget["name"])}"{attrs}>{options}</select>')


class DecimalInput(forms.TextInput):
    """A number with decimals, typed the German way ("1,5"): a text input, because a browser's number
    input reads the comma by the browser's own language, not the page's, and may drop it (1,5 → 15).
    The form field is localised, so "1,5" and "1.5" are read as 1.5 and the value is shown as "1,5"."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
