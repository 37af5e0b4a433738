"""A partner's officials keeping its profile and its solutions up to date; the only place that changes them.

Each action checks again that the person acts for the partner, whatever the view already checked.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from organisations.access import acts_for
from wego.text import save_with_unique_slug


def _check(user, partner):
    if not acts_for(user, partner.organisation_id):
        raise PermissionDenied


@transaction.atomic
def update_partner_profile(form, *, by):
    """Save the profile form of a partner `by` acts for (never its name, type or listing), and the
    website of its organisation."""
    _check(by, form.instance)
    partner = form.save()
    organisation = partner.organisation
    organisation.website = form.cleaned_data["website"]
    organisation.save(update_fields=["website", "updated_at"])
    return partner


@transaction.atomic
def add_solution(partner, form, *, by):
    """A new solution of `partner`, listed in the catalogue, at an address of its own."""
    _check(by, partner)
    solution = form.save(commit=False)
    solution.partner = partner
    save_with_unique_slug(solution, solution.name, solution.save, fallback="solution")
    form.save_m2m()
    return solution


@transaction.atomic
def update_solution(form, *, by):
    _check(by, form.instance.partner)
    return form.save()


@transaction.atomic
def set_solution_listed(solution, listed, *, by):
    """List the solution in the public catalogue again, or take it out."""
    _check(by, solution.partner)
    solution.is_listed = listed
    solution.save(update_fields=["is_listed", "updated_at"])
    return solution
