"""What every public list (members, partners, solutions, Exchange projects) does with a visitor's
query string: filter with what is valid and say what was ignored, page through, answer htmx live."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _


def filter_with_notices(filter_class, data, **kwargs):
    """(filterset, notices): a bad value is dropped and the rest still applies; the notices say
    what was ignored."""
    found = filter_class(data, **kwargs)
    notices = []
    if not found.is_valid():
        for field, errors in found.form.errors.items():
            label = found.form.fields[field].label if field in found.form.fields else field
            notices += [
                _("%(field)s: %(error)s This filter was ignored.") % {"field": label, "error": error}
                for error in errors
            ]
    return found, notices + getattr(found.form, "notices", [])


def page_of(request, queryset, per_page, notices):
    """(page, elided page range) for ?page=; a page that does not exist shows the nearest, with a notice."""
    paginator = Paginator(queryset, per_page)
    asked_for = request.GET.get("page")
    page = paginator.get_page(asked_for)
    if asked_for and asked_for != str(page.number):
        notices.append(
            _("That page does not exist; showing page %(number)d of %(total)d.")
            % {"number": page.number, "total": paginator.num_pages}
        )
    return page, paginator.get_elided_page_range(page.number)


def is_live_update(request):
    """An htmx request for the list's fragment (not a history restore, which needs the whole page)."""
    return bool(request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"))
