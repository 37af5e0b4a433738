"""What every admin of a portal model does to the forms it builds. Staff type text too, and what they
type is shown on the site and in mail: every text field refuses control characters, as the site's
forms do (wego.forms). Every ModelAdmin and inline of the portal's apps is built on these (a test
walks admin.site's registry to hold it so)."""

from django.contrib import admin

from .forms import refuse_control_characters


class RefusesControlCharacters:
    """For any ModelAdmin or inline: each form field it makes from a model field, whatever the form."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            refuse_control_characters({db_field.name: field})
        return field


class PortalModelAdmin(RefusesControlCharacters, admin.ModelAdmin):
    pass


class PortalTabularInline(RefusesControlCharacters, admin.TabularInline):
    pass
