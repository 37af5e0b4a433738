"""Calendars and feeds: an event's `.ics`, a calendar of all events or of a filtered view (the list's
own filters) to subscribe to, and an Atom feed of the upcoming events."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from wego.listing import filter_with_notices
from wego.pagecache.pages import public_page

from .. import calendars
from ..filters import EventFilter
from ..models import Event
from .public import SHOWS, published_event

# A calendar application asks again every few hours: the whole feed at once, but never unbounded.
FEED_LIMIT = 500


def ics_response(content, filename, *, download=True):
    """An event's calendar file downloads; a feed to subscribe to is shown as it is (`download=False`)."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"attachment" if download else "inline"}; filename="{filename}"'
    return response


@public_page(*SHOWS)
@login_not_required
@require_safe
def event_ics(request, slug):
    event = published_event(slug)
    if not event.when.has_days:
        raise Http404(_("This event's days are not known yet, so it cannot go into a calendar."))
    return ics_response(calendars.calendar([event], name=event.title), f"{event.slug}.ics")


@public_page(*SHOWS)
@login_not_required
@require_safe
def calendar_feed(request):
    """Every published event whose days are known, or those the list's filters choose."""
    found, _notices = filter_with_notices(EventFilter, request.GET)
    events = found.qs.filter(precision__in=calendars.WITH_DAYS)[:FEED_LIMIT]
    return ics_response(calendars.calendar(events, name=_("WeGO events")), "wego-events.ics", download=False)


class UpcomingEvents(Feed):
    feed_type = Atom1Feed
    author_name = "WeGO"
    title = gettext_lazy("WeGO events: upcoming")
    subtitle = gettext_lazy("Gatherings of the World Smart Sustainable Cities Organization and its partners.")

    def link(self):
        from django.urls import reverse

        return reverse("events:upcoming")

    def items(self):
        return (
            Event.objects.published()
            .upcoming(timezone.localdate())
            .order_by("period_start", "title_folded", "pk")[:50]
        )

    def item_title(self, item):
        return f"{item.title} ({item.date_label})"

    def item_description(self, item):
        return item.theme or item.description[:500]

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.created_at


atom_feed = public_page(*SHOWS)(login_not_required(require_safe(UpcomingEvents())))
