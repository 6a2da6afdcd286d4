import re

import pytest
from django import forms

from transferboerse.widgets import LightSelect

CHOICES = [("", "alle"), ("a&b", 'A <b> "x"'), ("c", "C")]


@pytest.mark.parametrize("value", ["", "a&b", "c", "unbekannt", None])
def test_light_select_renders_what_django_select_renders(value):
    attrs = {"class": "form-select", "id": "id_gp", "aria-describedby": "hilfe", "required": True, "disabled": False}

    light = LightSelect(choices=CHOICES).render("gp", value, attrs)
    django = forms.Select(choices=CHOICES).render("gp", value, attrs)

    assert light == re.sub(r">\s+<", "><", django)
