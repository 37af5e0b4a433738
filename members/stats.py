"""Figures for the home and statistics pages: what the report states beside what the directory lists."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from organisations.models import Region

from .models import Member, MembershipTotal, MemberType, RegionalOffice, ReportFigure


@dataclass
class Bar:
    label: str
    value: int
    percent: float  # of the largest bar


def bars(pairs):
    pairs = list(pairs)
    largest = max((value for _, value in pairs), default=0) or 1
    return [Bar(label, value, round(100 * value / largest, 1)) for label, value in pairs]


def headline_figures():
    counts = Member.objects.aggregate(
        members=Count("pk"),
        countries=Count("organisation__country", distinct=True, filter=~Q(organisation__country="")),
        local_governments=Count("pk", filter=Q(organisation__kind=MemberType.LOCAL_GOVERNMENT)),
    )
    stated = MembershipTotal.objects.order_by("-year").first()
    return {
        **counts,
        "offices": RegionalOffice.objects.filter(kind=RegionalOffice.Kind.REGIONAL).count(),
        "stated": stated,
    }


def growth_chart():
    totals = list(MembershipTotal.objects.all())
    chart = bars((str(total.year), total.members) for total in totals)
    change = None
    if len(totals) >= 2 and totals[0].members:
        change = round(100 * (totals[-1].members - totals[0].members) / totals[0].members)
    return {"bars": chart, "change": change, "first": totals[0] if totals else None}


def region_chart():
    regions = Region.objects.annotate(member_count=Count("organisations__member")).order_by("position")
    counts = [(str(region), region.member_count) for region in regions]
    unplaced = Member.objects.filter(organisation__region__isnull=True).count()
    if unplaced:
        counts.append((_("Not recorded"), unplaced))
    return bars(counts)


def type_chart():
    counts = dict(Member.objects.values_list("organisation__kind").annotate(n=Count("pk")).order_by())
    return bars((label, counts.get(value, 0)) for value, label in MemberType.choices)


def reconciliation():
    """Each stated member figure beside the count of members the directory lists for it."""
    figures = list(ReportFigure.objects.exclude(scope=ReportFigure.Scope.OTHER).select_related("region"))
    aggregates = {}
    for figure in figures:
        condition = Q()
        if figure.member_type:
            condition &= Q(organisation__kind=figure.member_type)
        if figure.region_id:
            condition &= Q(organisation__region_id=figure.region_id)
        if figure.scope == ReportFigure.Scope.NEW_MEMBERS:
            condition &= Q(approved_at_excom=figure.year)
        aggregates[figure.slug] = Count("pk", filter=condition)
    counts = Member.objects.aggregate(**aggregates) if aggregates else {}
    return [
        {"figure": figure, "listed": counts[figure.slug], "difference": counts[figure.slug] - figure.value}
        for figure in figures
    ]


def other_figures():
    return ReportFigure.objects.filter(scope=ReportFigure.Scope.OTHER)
