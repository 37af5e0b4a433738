"""An organisation's public profile: its officials propose a change, the Secretariat approves it (see
PROFILE_CHANGE in workflow.py), and only then does the public page show it."""

import posixpath

from django.db import IntegrityError, transaction

from wego.workflow.engine import start

from .models import PROFILE_FIELDS, ProfileChange
from .workflow import PENDING, PROFILE_CHANGE


def pending_change(organisation):
    """The change waiting for the Secretariat, or None."""
    return organisation.profile_changes.filter(PROFILE_CHANGE.q(PENDING)).first()


def proposed_values(organisation):
    """What the form starts from: the pending proposal if there is one, else the public profile."""
    source = pending_change(organisation) or organisation
    return {field: getattr(source, field) for field in PROFILE_FIELDS if field != "logo"}


def propose_profile_change(organisation, values, *, by):
    """Propose `values` (description, website, contact_email, and logo: a new image or None) for
    the organisation's public page. While a proposal waits, a later one replaces its values instead
    of queueing a second review: the Secretariat decides on what the officials want now."""
    try:
        with transaction.atomic():
            change = ProfileChange(organisation=organisation, proposed_by=by)
            _set_values(change, values)
            return start(change, "propose", actor=by)
    except IntegrityError:
        pass  # a proposal already waits (perhaps sent by another official a moment ago)
    with transaction.atomic():
        change = (
            ProfileChange.objects.select_for_update()
            .filter(PROFILE_CHANGE.q(PENDING))
            .get(organisation=organisation)
        )
        change.proposed_by = by
        _set_values(change, values)
        change.save()
        return change


def _set_values(change, values):
    for field in PROFILE_FIELDS:
        if field == "logo":
            if values.get("logo"):  # no new image: the logo stays as it is
                change.logo = values["logo"]
        else:
            setattr(change, field, values[field])


def apply_profile_change(change):
    """Make an approved change public (the effect of the approval, in its transaction)."""
    organisation = change.organisation
    for field in PROFILE_FIELDS:
        if field != "logo":
            setattr(organisation, field, getattr(change, field))
    if change.logo:
        # A copy of its own: the proposal keeps what was proposed, whatever happens to the page later.
        with change.logo.open("rb") as image:
            organisation.logo.save(posixpath.basename(change.logo.name), image, save=False)
    organisation.save()
