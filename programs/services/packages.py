"""Solution packages (step 4): defining them with their Plan, recording indicators, publishing."""

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Project, SolutionFinderApplication
from ..workflow import PACKAGES, PUBLISHABLE, READINGS, SOLUTION_FINDER
from .exchange import in_the_portals_language, publish_to_the_exchange
from .implementation import locked_project
from .solution_finder import NotEditable


def _locked_application(application_id, flag, refusal):
    locked = SolutionFinderApplication.objects.select_for_update().get(pk=application_id)
    if not SOLUTION_FINDER.has(locked, flag):
        raise NotEditable(refusal)
    return locked


@transaction.atomic
def save_package(application, form, formsets, user):
    """Create or update a package and its Plan (stakeholders, indicators) while packages may change."""
    locked = _locked_application(
        application.pk,
        PACKAGES,
        _("Solution packages can be changed once partners are connected, until completion."),
    )
    package = form.save(commit=False)
    package.application = locked
    if package.created_by_id is None:
        package.created_by = user
    package.save()
    form.save_m2m()
    for formset in formsets:
        formset.instance = package
        formset.save()
    return package


@transaction.atomic
def record_reading(indicator, form, user):
    """The indicator's actual value on a date, kept beside the earlier ones; one value a date. An
    indicator of a package's Plan or of a Project Implementer project's."""
    if indicator.package_id is not None:
        _locked_application(
            indicator.package.application_id,
            READINGS,
            _("Indicators can be updated once partners are connected."),
        )
    else:
        locked_project(indicator.proposal_id)
    earlier = indicator.readings.filter(measured_on=form.cleaned_data["measured_on"]).first()
    if earlier is not None:
        raise NotEditable(
            _("A value was already recorded for %(date)s: %(value)s.")
            % {"date": date_format(earlier.measured_on), "value": f"{earlier.value.normalize():f}"}
        )
    reading = form.save(commit=False)
    reading.indicator = indicator
    reading.recorded_by = user
    reading.save()
    return reading


@transaction.atomic
def publish_package(package, actor):
    """Turn a completed package into an Exchange project, in one action.

    The Secretariat's own publication goes straight into the catalogue; a city's enters the
    Exchange's moderation like any project it shares.
    """
    application = _locked_application(
        package.application_id, PUBLISHABLE, _("A package is published once its application is completed.")
    )
    if Project.objects.filter(package=package).exists():
        raise NotEditable(_("This package is already in the Exchange."))
    organisation = application.organisation
    project = Project(
        title=package.name,
        city=organisation,
        summary=package.summary or "\n".join(c.problem_statement for c in package.challenges.all()),
        stage="implemented",
        start_year=application.implementing_since.year if application.implementing_since else None,
        end_year=application.completed_at.year if application.completed_at else None,
        organisation=organisation,
        # The project is the city's: its official who started the application hears about it.
        shared_by=application.started_by,
        package=package,
        source=in_the_portals_language(
            lambda: _("WeGO Solution Finder: %(application)s") % {"application": application}
        ),
    )
    return publish_to_the_exchange(
        project,
        slug_text=f"{organisation.name} {package.name}",
        areas={challenge.area_id for challenge in package.challenges.all()},
        partners=package.partners.all(),
        indicators=package.indicators.prefetch_related("readings"),
        actor=actor,
        note=lambda: _("Published from a completed solution package."),
    )
