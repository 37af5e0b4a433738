"""The Exchange in public: the catalogue of published projects, its open data, a project, the benchmark."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from wego.exports import csv_response, json_pages_response
from wego.listing import filter_with_notices, filtered_page, is_live_update
from wego.pagecache.pages import public_page

from .. import compare as benchmark
from .. import exports
from ..filters.exchange import ProjectFilter
from ..models import Project, ProjectDocument
from ..services.exchange import visible_projects
from ..workflow import PROJECT_SHARING, PUBLIC

PAGE_SIZE = 20


def filtered_projects(request):
    """The catalogue's filter on the query string, and what to tell the visitor about it."""
    return filter_with_notices(ProjectFilter, request.GET)


@public_page("projects", "organisations", "areas", "partners")
@login_not_required
@require_safe
@vary_on_headers("HX-Request")  # the live update answers a fragment at the page's own address
def catalogue(request):
    return render(
        request,
        "programs/exchange/catalogue_live.html"
        if is_live_update(request)
        else "programs/exchange/catalogue.html",
        {**filtered_page(request, ProjectFilter, PAGE_SIZE), "compare_limit": benchmark.LIMIT},
    )


@public_page("projects", "organisations", "areas", "partners")
@login_not_required
@require_safe
def export_csv(request):
    projects = filtered_projects(request)[0].qs
    return csv_response(
        "wego-exchange-projects.csv", exports.COLUMNS, exports.project_rows(request, projects)
    )


@public_page("projects", "organisations", "areas", "partners")
@login_not_required
@require_safe
def export_json(request):
    projects = filtered_projects(request)[0].qs
    return json_pages_response(request, "wego-exchange-projects.json", exports.project_rows, projects)


def project_for(request, slug):
    """The project if this person may see it: published, their organisation's, or any for the Secretariat."""
    projects = visible_projects(request.user).select_related("city__region", "city__member", "organisation")
    return get_object_or_404(projects, slug=slug)


@public_page("projects", "organisations", "areas", "partners", "packages")
@login_not_required
@require_safe
def project(request, slug):
    project = project_for(request, slug)
    return render(
        request,
        "programs/exchange/project.html",
        {
            "project": project,
            "public": PROJECT_SHARING.has(project, PUBLIC),
            "areas": project.areas.all(),
            "partners": project.partners.select_related("organisation"),
            "indicators": [(i, benchmark.figures(i)) for i in project.indicators.all()],
            "budget": benchmark.number(project.budget_amount),
            "links": project.links.all(),
            "documents": project.documents.all(),
        },
    )


@login_not_required
@require_safe
def document(request, slug, pk):
    project = project_for(request, slug)
    document = get_object_or_404(ProjectDocument, project=project, pk=pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"{slugify(document.title) or 'document'}.pdf",
        content_type="application/pdf",
    )


@public_page("projects", "organisations", "areas", "partners")
@login_not_required
@require_safe
def compare(request):
    asked = list(dict.fromkeys(slug.strip() for slug in request.GET.getlist("p") if slug.strip()))
    notices = []
    if len(asked) > benchmark.LIMIT:
        notices.append(
            _("You picked %(count)d projects; the first %(limit)d are compared side by side.")
            % {"count": len(asked), "limit": benchmark.LIMIT}
        )
        asked = asked[: benchmark.LIMIT]
    found = {
        project.slug: project
        for project in Project.objects.published()
        .filter(slug__in=[slug[:200] for slug in asked])
        .select_related("city__region")
        .prefetch_related("areas", "indicators")
    }
    unknown = [slug for slug in asked if slug not in found]
    if unknown:
        notices.append(
            _("These projects are not in the Exchange and were left out: %(slugs)s.")
            % {"slugs": ", ".join(f"“{slug[:40]}”" for slug in unknown)}
        )
    projects = [found[slug] for slug in asked if slug in found]
    return render(
        request,
        "programs/exchange/compare.html",
        {
            "projects": projects,
            "rows": benchmark.indicator_rows(projects),
            "notices": notices,
            "limit": benchmark.LIMIT,
            "page_size": settings.DIRECTORY_PAGE_SIZE,
        },
    )
