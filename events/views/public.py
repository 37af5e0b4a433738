"""The events in public: upcoming and past, the archive by year and quarter, an event's page, and the
regional networks."""

import json

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from organisations.profiles import with_profiles
from wego.listing import filtered_page, is_live_update
from wego.pagecache.pages import public_page
from wego.uploads import download

from ..dates import Precision, quarter_of
from ..filters import EventFilter, PastEventFilter
from ..models import Event, Material, Network, Role, Session
from ..services.counts import counts_of
from ..services.registration import why_closed
from ..structured import structured_data

PAGE_SIZE = 25
SHOWS = ("events", "networks", "organisations")


def listing(request, *, past):
    today = timezone.localdate()
    events = Event.objects.published()
    events = events.past(today) if past else events.upcoming(today)
    context = filtered_page(request, PastEventFilter if past else EventFilter, PAGE_SIZE, queryset=events)
    template = "events/list_live.html" if is_live_update(request) else "events/list.html"
    return render(request, template, {**context, "past": past})


@public_page(*SHOWS)
@login_not_required
@require_safe
@vary_on_headers("HX-Request")
def upcoming(request):
    return listing(request, past=False)


@public_page(*SHOWS)
@login_not_required
@require_safe
@vary_on_headers("HX-Request")
def past(request):
    return listing(request, past=True)


@public_page(*SHOWS)
@login_not_required
@require_safe
def archive(request):
    years = [
        (row["period_start__year"], row["events"])
        for row in Event.objects.published()
        .exclude(period_start=None)
        .values("period_start__year")
        .annotate(events=Count("pk"))
        .order_by("-period_start__year")
    ]
    undated = Event.objects.published().filter(period_start=None).order_by("title_folded", "pk")
    return render(request, "events/archive.html", {"years": years, "undated": undated})


# The archive's sections of a year, in the report's order: its quarters, then what spans the year.
YEAR_ROUND = "year-round"
TO_BE_DECIDED = "tbd"


def sections_of(event, year):
    """The sections of `year`'s archive an event is listed under: each quarter of the year its known
    span touches (Q3/Q4 under both), or the year-round or to-be-decided section; never a quarter its
    date is not known to."""
    if event.precision == Precision.YEAR_ROUND:
        return [YEAR_ROUND]
    if event.precision == Precision.TBD:
        return [TO_BE_DECIDED]
    first = quarter_of(event.period_start) if event.period_start.year == year else 1
    last = quarter_of(event.period_end) if event.period_end.year == year else 4
    return list(range(first, last + 1))


@public_page(*SHOWS)
@login_not_required
@require_safe
def year(request, year):
    events = list(
        Event.objects.published()
        .filter(period_start__year__lte=year, period_end__year__gte=year)
        .select_related("network")
        .order_by("period_start", "period_end", "title_folded", "pk")
    )
    if not events:
        raise Http404
    sections = {key: [] for key in (1, 2, 3, 4, YEAR_ROUND, TO_BE_DECIDED)}
    for event in events:
        for section in sections_of(event, year):
            sections[section].append(event)
    return render(
        request,
        "events/year.html",
        {"year": year, "sections": [(key, found) for key, found in sections.items() if found]},
    )


def published_event(slug):
    events = Event.objects.published().select_related("region", "network")
    return get_object_or_404(events, slug=slug)


@public_page(*SHOWS, "event-seats")
@login_not_required
@require_safe
def event(request, slug):
    event = published_event(slug)
    parts = list(
        event.parts.select_related(*with_profiles("organisation__")).order_by("role", "position", "pk")
    )
    sessions = Session.objects.filter(event=event).prefetch_related("speakers")
    counts = counts_of(event)
    closed = why_closed(event, timezone.now()) if event.registration_open else None
    return render(
        request,
        "events/event.html",
        {
            "event": event,
            "hosts": [part.organisation for part in parts if part.role == Role.HOST],
            "co_organisers": [part.organisation for part in parts if part.role == Role.CO_ORGANISER],
            "sponsors": [part.organisation for part in parts if part.role == Role.SPONSOR],
            "sessions": sessions,
            "outcomes": event.outcomes.all(),
            "figures": event.figures.all(),
            "materials": event.materials.all(),
            "counts": counts,
            "registration_closed": closed,
            # Inside a <script> element: "<" escaped, so no text of the event can close it.
            "structured_data": json.dumps(structured_data(request, event, parts), ensure_ascii=False).replace(
                "<", "\\u003c"
            ),
        },
    )


@login_not_required
@require_safe
def material(request, slug, pk):
    """A material's file (a PDF, checked by content when uploaded), as a download."""
    event = published_event(slug)
    found = get_object_or_404(Material.objects.exclude(file=""), event=event, pk=pk)
    return download(found.file, found.title)


@public_page(*SHOWS)
@login_not_required
@require_safe
def networks(request):
    return render(request, "events/networks.html", {"networks": Network.objects.all()})


@public_page(*SHOWS)
@login_not_required
@require_safe
def network(request, slug):
    network = get_object_or_404(Network.objects.select_related("region"), slug=slug)
    events = list(
        network.events.published().prefetch_related("figures").order_by("period_start", "title_folded", "pk")
    )
    today = timezone.localdate()
    planned, held, not_recorded = [], [], []
    for event in events:
        if not event.is_over(today):
            planned.append(event)
        elif event.is_plan_only:
            not_recorded.append(event)
        else:
            held.append(event)
    return render(
        request,
        "events/network.html",
        {
            "network": network,
            "partners": network.partners.select_related(*with_profiles("organisation__")),
            "held": held[::-1],
            "planned": planned,
            "not_recorded": not_recorded,
        },
    )
