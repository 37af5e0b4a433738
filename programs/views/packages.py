"""Solution packages on the site (step 4): the city and the Secretariat define them with their
Plan and record the indicators' values; a completed package goes to the Exchange in one action."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.staff import is_secretariat
from wego.submissions.once import already_sent, sent

from ..forms.packages import IndicatorFormSet, PackageForm, ReadingForm, StakeholderFormSet
from ..permissions import is_official, partners_of
from ..services import packages as services
from ..services.solution_finder import NotEditable
from ..workflow import PACKAGES, PROJECT_SHARING, PUBLIC, PUBLISHABLE, READINGS, SOLUTION_FINDER
from .solution_finder import application_for, application_of_city


def package_for(request, pk, package):
    """The package, for the city's officials, the Secretariat, and the partners it includes."""
    application = application_for(request, pk)
    package = get_object_or_404(application.packages, pk=package)
    user = request.user
    if not (
        is_official(user, application)
        or is_secretariat(user)
        or package.partners.filter(pk__in=partners_of(user)).exists()
    ):
        raise Http404
    return application, package


@verified_email_required
def edit(request, pk, package=None):
    application = application_of_city(request, pk)
    instance = get_object_or_404(application.packages, pk=package) if package else None
    if not SOLUTION_FINDER.has(application, PACKAGES):
        messages.error(
            request, _("Solution packages can be changed once partners are connected, until completion.")
        )
        return redirect("programs:application", pk=application.pk)
    post = request.POST if request.method == "POST" else None
    form = PackageForm(post, instance=instance, application=application)
    stakeholders = StakeholderFormSet(post, instance=instance, prefix="stakeholders")
    indicators = IndicatorFormSet(post, instance=instance, prefix="indicators")
    if post is not None and all([form.is_valid(), stakeholders.is_valid(), indicators.is_valid()]):
        # A new package, or new stakeholders and indicators of one, would be made twice.
        if answer := already_sent(request):
            return answer
        try:
            saved = services.save_package(application, form, [stakeholders, indicators], request.user)
        except NotEditable as refusal:
            messages.error(request, str(refusal))
            return redirect("programs:application", pk=application.pk)
        messages.success(request, _("Solution package saved: %(name)s.") % {"name": saved.name})
        return sent(request, redirect("programs:package", pk=application.pk, package=saved.pk))
    return render(
        request,
        "programs/solution_finder/package_form.html",
        {
            "application": application,
            "package": instance,
            "form": form,
            "stakeholders": stakeholders,
            "indicators": indicators,
        },
    )


def detail(request, pk, package):
    application, package = package_for(request, pk, package)
    of_city = is_official(request.user, application) or is_secretariat(request.user)
    return render(
        request,
        "programs/solution_finder/package.html",
        {
            "application": application,
            "package": package,
            "of_city": of_city,
            "stakeholders": package.stakeholders.all(),
            "indicators": package.indicators.prefetch_related("readings"),
            "reading_form": ReadingForm(),
            "editable": of_city and SOLUTION_FINDER.has(application, PACKAGES),
            "readings_open": of_city and SOLUTION_FINDER.has(application, READINGS),
            "publishable": of_city
            and SOLUTION_FINDER.has(application, PUBLISHABLE)
            and not hasattr(package, "project"),
            "in_exchange": hasattr(package, "project") and PROJECT_SHARING.has(package.project, PUBLIC),
        },
    )


@verified_email_required
@require_POST
def record_reading(request, pk, package, indicator):
    application = application_of_city(request, pk)
    package = get_object_or_404(application.packages, pk=package)
    indicator = get_object_or_404(package.indicators, pk=indicator)
    return recorded_reading(
        request, indicator, redirect("programs:package", pk=application.pk, package=package.pk)
    )


def recorded_reading(request, indicator, back):
    """Record the posted value of a Plan's indicator (a package's or a project's) and go `back`,
    saying what happened."""
    form = ReadingForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{indicator.name}: {error}")
        return back
    if answer := already_sent(request):
        return answer
    try:
        services.record_reading(indicator, form, request.user)
    except NotEditable as refusal:
        messages.error(request, f"{indicator.name}: {refusal}")
        return back
    messages.success(request, _("Recorded a new value for %(indicator)s.") % {"indicator": indicator.name})
    return sent(request, back)


@verified_email_required
@require_POST
def publish(request, pk, package):
    application = application_of_city(request, pk)
    package = get_object_or_404(application.packages, pk=package)
    if answer := already_sent(request):
        return answer
    try:
        project = services.publish_package(package, request.user)
    except NotEditable as refusal:
        messages.error(request, str(refusal))
        return redirect("programs:package", pk=application.pk, package=package.pk)
    if PROJECT_SHARING.has(project, PUBLIC):
        messages.success(request, _("The package is now in the Exchange."))
    else:
        messages.success(request, _("The package was sent to the Exchange; the Secretariat will publish it."))
    return sent(request, redirect("programs:package", pk=application.pk, package=package.pk))
