"""What every admin of a portal model does to the forms it builds. Staff type text too, and what they
type is shown on the site and in mail: every text field refuses control characters, as the site's
forms do (wego.forms); and adding something is one submission, made once however often Save is
clicked (wego.submissions). Every ModelAdmin and inline of the portal's apps is built on these (a test
walks admin.site's registry to hold it so)."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .forms import refuse_control_characters
from .submissions.once import already_sent, sent


class RefusesControlCharacters:
    """For any ModelAdmin or inline: each form field it makes from a model field, whatever the form,
    refuses control characters, and is named for assistive technology by its field's name (a tabular
    inline's inputs have only the column heading above them, which names nothing)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            refuse_control_characters({db_field.name: field})
            widget = getattr(field.widget, "widget", field.widget)  # inside the related-object wrapper
            # A box per choice is named by its own label; one name for all would hide which is which.
            if not isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
                widget.attrs.setdefault("aria-label", capfirst(db_field.verbose_name))
        return field


class NamedDeleteBoxes(BaseInlineFormSet):
    """A tabular inline's "Delete" boxes, named like its fields."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs.setdefault("aria-label", _("Delete"))


class AddsOnce:
    """Adding in the admin carries a submission token: the same Save sent twice adds one thing, and the
    second answer goes where the first went, saying so."""

    add_form_template = "admin/portal/add_form.html"

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and (answer := already_sent(request)):
            return answer
        response = super().add_view(request, form_url, extra_context)
        if request.method == "POST" and response.status_code == 302:
            sent(request, response)
        return response


class PortalModelAdmin(AddsOnce, RefusesControlCharacters, admin.ModelAdmin):
    # A filtered queue says how many match, not also how many there are in all: a second COUNT over
    # the whole table at every page of every queue (profiled, issue 11).
    show_full_result_count = False


class PortalTabularInline(RefusesControlCharacters, admin.TabularInline):
    formset = NamedDeleteBoxes
