import csv

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from wego.listing import filter_with_notices, is_live_update, page_of

from . import exports, stats
from .filters import MemberFilter
from .models import Member, MouPartner, RegionalOffice


def filtered_members(request):
    """The directory's filter on the query string, and what to tell the visitor about it."""
    return filter_with_notices(MemberFilter, request.GET, queryset=Member.objects.all())


@login_not_required
@require_safe
def home(request):
    return render(
        request,
        "members/home.html",
        {
            "figures": stats.headline_figures(),
            "offices": RegionalOffice.objects.all(),
            "mou_partners": MouPartner.objects.all(),
        },
    )


@login_not_required
@require_safe
@vary_on_headers("HX-Request")  # the live update answers a fragment at the page's own address
def directory(request):
    member_filter, notices = filtered_members(request)
    page, page_range = page_of(request, member_filter.qs, settings.DIRECTORY_PAGE_SIZE, notices)
    return render(
        request,
        "members/directory_live.html" if is_live_update(request) else "members/directory.html",
        {
            "filter": member_filter,
            "notices": notices,
            "page": page,
            "page_range": page_range,
        },
    )


@login_not_required
@require_safe
def export_csv(request):
    members = filtered_members(request)[0].qs
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wego-members.csv"'
    # The byte order mark makes spreadsheet programs read the file as UTF-8 (São Paulo, Beyoğlu).
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=exports.COLUMNS)
    writer.writeheader()
    for row in exports.member_rows(request, members):
        writer.writerow({key: exports.spreadsheet_safe(value) for key, value in row.items()})
    return response


@login_not_required
@require_safe
def export_json(request):
    members = filtered_members(request)[0].qs
    response = JsonResponse(
        list(exports.member_rows(request, members)), safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = 'inline; filename="wego-members.json"'
    return response


@login_not_required
@require_safe
def detail(request, slug):
    member = get_object_or_404(Member.objects.select_related("region"), slug=slug)
    offices = (
        RegionalOffice.objects.filter(Q(region=member.region_id) | Q(host_member=member))
        if member.region_id
        else RegionalOffice.objects.filter(host_member=member)
    )
    return render(request, "members/detail.html", {"member": member, "offices": offices})


@login_not_required
@require_safe
def offices(request):
    return render(
        request,
        "members/offices.html",
        {
            "offices": RegionalOffice.objects.select_related("host_member", "region"),
        },
    )


@login_not_required
@require_safe
def statistics(request):
    return render(
        request,
        "members/stats.html",
        {
            "growth": stats.growth_chart(),
            "by_region": stats.region_chart(),
            "by_type": stats.type_chart(),
            "reconciliation": stats.reconciliation(),
            "other_figures": stats.other_figures(),
        },
    )
