from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from organisations.access import acts_for
from organisations.appearances import rendered_sections
from organisations.public_profile import pending_change
from organisations.staff import is_secretariat
from wego.exports import csv_response, json_pages_response
from wego.listing import filter_with_notices, filtered_page, is_live_update
from wego.pagecache.pages import public_page
from wego.uploads import inline_image

from . import exports, stats
from .filters import MemberFilter
from .models import Member, MouPartner, RegionalOffice
from .offices import offices_of


def filtered_members(request):
    """The directory's filter on the query string, and what to tell the visitor about it."""
    return filter_with_notices(MemberFilter, request.GET)


@public_page("members", "organisations", "projects", "partners", "areas")
@login_not_required
@require_safe
def home(request):
    return render(
        request,
        "members/home.html",
        {
            "figures": stats.headline_figures(),
            "offices": RegionalOffice.objects.all(),
            "mou_partners": MouPartner.objects.select_related("organisation"),
        },
    )


@public_page("members", "organisations")
@login_not_required
@require_safe
@vary_on_headers("HX-Request")  # the live update answers a fragment at the page's own address
def directory(request):
    return render(
        request,
        "members/directory_live.html" if is_live_update(request) else "members/directory.html",
        filtered_page(request, MemberFilter, settings.DIRECTORY_PAGE_SIZE),
    )


@public_page("members", "organisations")
@login_not_required
@require_safe
def export_csv(request):
    members = filtered_members(request)[0].qs
    return csv_response("wego-members.csv", exports.COLUMNS, exports.member_rows(request, members))


@public_page("members", "organisations")
@login_not_required
@require_safe
def export_json(request):
    members = filtered_members(request)[0].qs
    return json_pages_response(request, "wego-members.json", exports.member_rows, members)


@public_page(
    "members", "organisations", "projects", "packages", "partners", "areas", "implementer-calls", "events"
)
@login_not_required
@require_safe
def detail(request, slug):
    member = get_object_or_404(Member.objects.select_related("organisation__region"), organisation__slug=slug)
    organisation = member.organisation
    official = acts_for(request.user, organisation)
    return render(
        request,
        "members/detail.html",
        {
            "member": member,
            "organisation": organisation,
            "offices": offices_of(member),
            # What the rest of the portal lists of it (each app's appearances.py).
            "appearances": rendered_sections(request, organisation),
            "official": official,
            "pending": pending_change(organisation) if official else None,
        },
    )


@login_not_required
@require_safe
def logo(request, slug):
    """The member's approved logo, served as the image it was checked to be."""
    member = get_object_or_404(Member.objects.select_related("organisation"), organisation__slug=slug)
    if not member.organisation.logo:
        raise Http404
    response = inline_image(member.organisation.logo, member.name)
    # The page asks for it with ?v=<when the profile changed>, so a new logo is a new address.
    response["Cache-Control"] = "public, max-age=86400"
    return response


@public_page("members", "organisations")
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


@public_page("members", "organisations")
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
            "figures": stats.headline_figures(),
            "other_figures": stats.other_figures(),
            "staff": is_secretariat(request.user),
        },
    )


@require_safe
def reconciliation(request):
    """For the Secretariat: each figure the report states beside what the directory lists, while
    they complete the directory. Anyone else gets 404."""
    if not is_secretariat(request.user):
        raise Http404
    return render(request, "members/reconciliation.html", {"reconciliation": stats.reconciliation()})
