"""The roles a person holds on a submission, and the audiences told of its steps: the building blocks
of every workflow's `roles_of` and `audiences`, answered through the access and staff modules."""

from wego.workflow.definitions import Audience

from .access import acts_for, officials_of
from .staff import is_secretariat, secretariat

SECRETARIAT = "secretariat"


def staff_roles(user):
    return {SECRETARIAT} if is_secretariat(user) else set()


def roles_of_person(person_field, role):
    """roles_of for a submission whose `person_field` is the one person who submitted it."""

    def roles_of(user, submission):
        if user is None or not user.is_authenticated:
            return set()
        roles = staff_roles(user)
        if getattr(submission, f"{person_field}_id") == user.pk:
            roles.add(role)
        return roles

    return roles_of


def roles_of_officials(organisation_field, role):
    """roles_of for a submission that belongs to the organisation in `organisation_field`: its officials
    hold `role`."""

    def roles_of(user, submission):
        if user is None or not user.is_authenticated:
            return set()
        roles = staff_roles(user)
        if acts_for(user, getattr(submission, f"{organisation_field}_id")):
            roles.add(role)
        return roles

    return roles_of


def person(field, **options):
    """The audience of the one person in `field` (the applicant, the requester)."""
    return Audience(lambda obj: [getattr(obj, field)] if getattr(obj, f"{field}_id") else [], **options)


def officials(organisation_of, **options):
    """The audience of the officials of the organisation `organisation_of(obj)` gives."""
    return Audience(lambda obj: officials_of(organisation_of(obj)), **options)


def secretariat_staff(**options):
    """The audience of the Secretariat staff who can act (see staff.secretariat)."""
    return Audience(lambda obj: secretariat(), staff=True, **options)
