"""A currency, as the portal keeps it with an amount: three capital letters (ISO 4217), typed in any case."""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

THREE_LETTERS = RegexValidator(r"^[A-Z]{3}$", _("Three capital letters, as in USD or KRW."))


class CurrencyFormField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).strip().upper()


class CurrencyField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("validators", [THREE_LETTERS])
        kwargs.setdefault("help_text", _("Three capital letters, as in USD, EUR or KRW."))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CurrencyFormField, **kwargs})
