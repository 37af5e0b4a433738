"""A partner's officials keep its profile and its solutions up to date.

Only the partner's officials reach these pages: anyone else gets 404, as if they did not exist.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wego.submissions.once import already_sent, sent

from ..forms.partners import PartnerProfileForm, SolutionForm
from ..models import Solution
from ..permissions import partners_of
from ..services.partners import add_solution, set_solution_listed, update_partner_profile, update_solution


def own_partner(request, slug):
    return get_object_or_404(
        partners_of(request.user).select_related("organisation"), organisation__slug=slug
    )


def own_solution(request, slug):
    return get_object_or_404(
        Solution.objects.select_related("partner__organisation").filter(
            partner__in=partners_of(request.user)
        ),
        slug=slug,
    )


def edit_partner(request, slug):
    partner = own_partner(request, slug)
    form = PartnerProfileForm(request.POST if request.method == "POST" else None, instance=partner)
    if request.method == "POST" and form.is_valid():
        update_partner_profile(form, by=request.user)
        messages.success(request, _("The profile was saved."))
        return redirect(partner)
    return render(request, "programs/partners/edit.html", {"partner": partner, "form": form})


def new_solution(request, slug):
    partner = own_partner(request, slug)
    form = SolutionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if answer := already_sent(request):
            return answer
        solution = add_solution(partner, form, by=request.user)
        messages.success(request, _("The solution was added to the catalogue."))
        return sent(request, redirect(solution))
    return render(
        request, "programs/solutions/form.html", {"partner": partner, "form": form, "solution": None}
    )


def edit_solution(request, slug):
    solution = own_solution(request, slug)
    form = SolutionForm(request.POST if request.method == "POST" else None, instance=solution)
    if request.method == "POST" and form.is_valid():
        update_solution(form, by=request.user)
        messages.success(request, _("The solution was saved."))
        return redirect(solution)
    return render(
        request,
        "programs/solutions/form.html",
        {"partner": solution.partner, "form": form, "solution": solution},
    )


@require_POST
def list_solution(request, slug):
    """Take the solution out of the public catalogue, or put it back (`listed` is "yes" or "no")."""
    solution = own_solution(request, slug)
    listed = {"yes": True, "no": False}.get(request.POST.get("listed"))
    if listed is None:
        messages.error(request, _("Nothing was changed: say whether the solution should be listed."))
    elif listed != solution.is_listed:
        set_solution_listed(solution, listed, by=request.user)
        if listed:
            messages.success(request, _("The solution is listed in the public catalogue again."))
        else:
            messages.success(request, _("The solution is no longer listed in the public catalogue."))
    return redirect(solution)
