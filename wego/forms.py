"""What every form of the portal does to its fields: refuse invisible control characters in text,
and wear Bootstrap's classes so that templates render fields as they are."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .input import CONTROL_CHARACTERS_IN_TEXT


def no_control_characters(value):
    if CONTROL_CHARACTERS_IN_TEXT.search(value):
        raise ValidationError(_("Remove the invisible control characters from this text."))


def style_for_bootstrap(fields):
    """Give every widget Bootstrap's class: a box of checkboxes, a select, or a text control."""
    for field in fields.values():
        if isinstance(field.widget, forms.CheckboxSelectMultiple):
            css = "form-check-input"
        elif isinstance(field.widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        field.widget.attrs.setdefault("class", css)


class QuickSelect(forms.Select):
    """A select written in Python rather than through a template per option. A public list's country
    box has some two hundred options, and Django's option templates were most of the directory's
    time on a page not in the page cache (profiled with cProfile, issue 11). Same markup, same
    attributes (the id, aria-describedby and required the bound field passes)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        final = self.build_attrs(self.attrs, attrs)
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            attributes(final),
            self.options_markup(self.choices, chosen),
        )

    def options_markup(self, choices, chosen):
        parts = []
        for choice_value, label in choices:
            if isinstance(label, (list, tuple)):
                parts.append(
                    format_html(
                        '<optgroup label="{}">{}</optgroup>', choice_value, self.options_markup(label, chosen)
                    )
                )
                continue
            value = "" if choice_value is None else str(choice_value)
            # Escaped as format_html would, without its cost per call (a box of 200 countries).
            selected = " selected" if value in chosen else ""
            parts.append(
                f'<option value="{conditional_escape(value)}"{selected}>{conditional_escape(label)}</option>'
            )
        return mark_safe("".join(parts))


class QuickInput(forms.TextInput):
    """A text input written in Python, for the same reason and with the same markup as QuickSelect."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            format_html(' value="{}"', value) if value is not None else "",
            attributes(self.build_attrs(self.attrs, attrs)),
        )


def attributes(attrs):
    """A widget's attributes as Django's attrs.html writes them, in their order: True alone, False not."""
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


QUICK_VERSIONS = {forms.Select: QuickSelect, forms.TextInput: QuickInput}


def quick_widgets(fields, quick_class_for=lambda widget: QUICK_VERSIONS.get(type(widget))):
    """Each widget of a form that has a quick version rendered by it: the same widget (choices,
    attributes, input type, required), only its render() written in Python."""
    for field in fields.values():
        if quick_class := quick_class_for(field.widget):
            quick = copy.copy(field.widget)
            quick.__class__ = quick_class
            field.widget = quick


def is_free_text(field):
    """A field a person types text in that someone else reads later: not an address (its own
    validator refuses what is not one) and not a password (never shown, and any character makes it
    stronger)."""
    return (
        isinstance(field, forms.CharField)
        and not isinstance(field, forms.URLField)
        and not isinstance(field.widget, forms.PasswordInput)
    )


def refuse_control_characters(fields):
    """Every free-text field of a form refuses control characters, with a message. Every form of the
    portal does this: PortalForm and PortalModelForm here, the public lists' ListForm, and every
    admin of a portal model (wego.admin); a test walks them all."""
    for field in fields.values():
        if is_free_text(field) and no_control_characters not in field.validators:
            field.validators.append(no_control_characters)


def prepare(form):
    """Control characters refused in every free-text field; Bootstrap's look on all."""
    refuse_control_characters(form.fields)
    style_for_bootstrap(form.fields)


def with_prompt(field, prompt):
    """A choice field whose empty choice says what to choose, rather than a row of dashes."""
    field.choices = [("", prompt), *list(field.choices)[1:]]


class PortalForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare(self)


class PortalModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prepare(self)


class PortalAdminForm(forms.ModelForm):
    """The base of an admin's own form: text refused as everywhere, in the admin's look, not
    Bootstrap's. (The fields an admin makes from the model refuse it anyway: wego.admin.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_control_characters(self.fields)


def no_markup(value):
    """Names are plain text: angle brackets are markup someone typed, not part of a name."""
    if "<" in value or ">" in value:
        raise ValidationError(_("Write this as plain text, without < or >."))


class WebAddressField(forms.URLField):
    """An http or https address; anything else (javascript:, ftp:, a file) is refused."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"invalid": _("Enter a web address starting with http:// or https://.")}
