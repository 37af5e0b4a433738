"""The Smart City Driver's public pages: the overview, the areas, the strategic partners, the solutions."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from organisations.access import acts_for
from organisations.models import Organisation
from organisations.staff import is_secretariat
from wego.listing import filtered_page, is_live_update
from wego.pagecache.pages import public_page

from ..filters.catalogue import PartnerFilter, SolutionFilter
from ..models import Area, Partner, Project, Solution

# The area page shows a handful of the Exchange's projects and links to the rest.
AREA_PROJECTS = 6


def filtered_list(request, filter_class):
    return filtered_page(request, filter_class, settings.DIRECTORY_PAGE_SIZE)


@public_page("areas", "partners", "projects")
@login_not_required
@require_safe
def driver(request):
    return render(request, "programs/driver.html", {"areas": Area.objects.all()})


@public_page("areas", "partners", "projects", "organisations")
@login_not_required
@require_safe
def area(request, slug):
    area = get_object_or_404(Area, slug=slug)
    projects = (
        Project.objects.published().filter(areas=area).select_related("city").order_by("-published_at", "pk")
    )
    return render(
        request,
        "programs/area.html",
        {
            "area": area,
            "partners": area.partners.filter(is_listed=True).select_related("organisation"),
            "solutions": area.solutions.filter(is_listed=True, partner__is_listed=True).select_related(
                "partner__organisation"
            ),
            "projects": projects[:AREA_PROJECTS],
        },
    )


@public_page("partners", "organisations", "areas")
@login_not_required
@require_safe
@vary_on_headers("HX-Request")  # the live update answers a fragment at the page's own address
def partners(request):
    context = filtered_list(request, PartnerFilter)
    template = (
        "programs/partners/directory_live.html"
        if is_live_update(request)
        else "programs/partners/directory.html"
    )
    return render(request, template, context)


@public_page("partners", "organisations", "areas", "projects", "packages", "members")
@login_not_required
@require_safe
def partner(request, slug):
    partner = get_object_or_404(
        Partner.objects.select_related("organisation__member").prefetch_related("areas", "regions"),
        organisation__slug=slug,
    )
    may_edit = acts_for(request.user, partner.organisation_id)
    # An unlisted partner, and unlisted solutions, are shown only to its officials and the Secretariat.
    sees_unlisted = may_edit or is_secretariat(request.user)
    if not partner.is_listed and not sees_unlisted:
        raise Http404
    solutions = partner.solutions.prefetch_related("areas")
    if not sees_unlisted:
        solutions = solutions.filter(is_listed=True)
    return render(
        request,
        "programs/partners/detail.html",
        {"partner": partner, "solutions": solutions, "may_edit": may_edit},
    )


@public_page("partners", "organisations", "areas")
@login_not_required
@require_safe
@vary_on_headers("HX-Request")
def solutions(request):
    context = filtered_list(request, SolutionFilter)
    template = (
        "programs/solutions/catalogue_live.html"
        if is_live_update(request)
        else "programs/solutions/catalogue.html"
    )
    return render(request, template, context)


@public_page("partners", "organisations", "areas")
@login_not_required
@require_safe
def solution(request, slug):
    solution = get_object_or_404(
        Solution.objects.select_related("partner__organisation").prefetch_related(
            "areas",
            Prefetch(
                "deployed_in", queryset=Organisation.objects.select_related("member").order_by("name_folded")
            ),
        ),
        slug=slug,
    )
    may_edit = acts_for(request.user, solution.partner_id)
    if not (solution.is_listed and solution.partner.is_listed) and not (
        may_edit or is_secretariat(request.user)
    ):
        raise Http404
    return render(request, "programs/solutions/detail.html", {"solution": solution, "may_edit": may_edit})
