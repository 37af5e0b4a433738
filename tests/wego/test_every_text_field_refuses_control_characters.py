"""Every field a person types free text in refuses control characters with a message, by default:
every form the portal's apps define, every public list's filter form, and every form the admin builds
for a portal model (staff type text too, and it is shown on the site and in mail). A new form or
admin that does not start from the portal's bases fails here."""

import importlib
import inspect
import pkgutil

import django_filters
import pytest
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from programs.models import Partner, Proposal
from reviews.models import Scorecard
from tests.factories import MemberFactory, SolutionFinderApplicationFactory, UserFactory, official_of
from tests.programs.implementer_helpers import open_call
from wego.forms import is_free_text

pytestmark = pytest.mark.django_db

PORTAL_PACKAGES = ["organisations", "members", "programs", "wego"]
MESSAGE = "Remove the invisible control characters from this text."


def import_every_module():
    """Forms defined in views or admin modules exist only once their module is imported."""
    for name in PORTAL_PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            # Not the entry points that start a server, nor migrations and commands (no forms there).
            if module.name in {"wego.wsgi", "wego.asgi"} or ".migrations" in module.name:
                continue
            importlib.import_module(module.name)


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def defined_in_the_portal(cls):
    return cls.__module__.split(".")[0] in PORTAL_PACKAGES


def portal_forms():
    import_every_module()
    found = {
        form_class
        for form_class in subclasses(forms.BaseForm)
        if defined_in_the_portal(form_class)
        # A model form without a model is a base (PortalModelForm), made concrete by its subclasses.
        and not (issubclass(form_class, forms.BaseModelForm) and form_class._meta.model is None)
    }
    return sorted(found, key=lambda form_class: form_class.__qualname__)


def portal_filters():
    import_every_module()
    found = {
        filter_class
        for filter_class in subclasses(django_filters.FilterSet)
        if defined_in_the_portal(filter_class) and filter_class._meta.model is not None
    }
    return sorted(found, key=lambda filter_class: filter_class.__qualname__)


def refusals(form_class, **kwargs):
    """{field name: errors} for every free-text field of the form, each given text with \\x01 in it."""
    unbound = form_class(**kwargs)
    names = [name for name, field in unbound.fields.items() if is_free_text(field)]
    bound = form_class(data={unbound.add_prefix(name): "Seoul\x01City" for name in names}, **kwargs)
    bound.is_valid()
    return {name: bound.errors.get(name, []) for name in names}


def assert_every_text_field_refuses(form_class, **kwargs):
    refused = refusals(form_class, **kwargs)
    assert not [name for name, errors in refused.items() if MESSAGE not in errors], (
        f"{form_class.__module__}.{form_class.__qualname__} takes control characters in these fields"
    )


@pytest.fixture
def needs():
    """What a form's __init__ may require by keyword: the person filling it in, their application."""
    return {
        "user": official_of(MemberFactory()),
        "application": SolutionFinderApplicationFactory(),
        "call": open_call(),
        "subjects": Proposal.objects.all(),
        "partners": Partner.objects.all(),
        "reviewers": get_user_model().objects.all(),
        "scorecard": Scorecard(),
        "criteria": [],
    }


def required_keywords(form_class, needs):
    parameters = inspect.signature(form_class).parameters.values()
    return {
        parameter.name: needs[parameter.name]
        for parameter in parameters
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty
    }


def test_the_walk_finds_the_forms_defined_in_views_admins_and_lists():
    names = {form_class.__qualname__ for form_class in portal_forms()}
    assert {"AffiliationRequestForm", "MemberOrganisationForm", "PartnerAdminForm", "ListForm"} <= names


@pytest.mark.parametrize("form_class", portal_forms(), ids=lambda form_class: form_class.__qualname__)
def test_every_form_of_the_portal_refuses_control_characters_in_its_text(form_class, needs):
    assert_every_text_field_refuses(form_class, **required_keywords(form_class, needs))


@pytest.mark.parametrize("filter_class", portal_filters(), ids=lambda filter_class: filter_class.__qualname__)
def test_every_public_list_refuses_control_characters_in_its_search(filter_class):
    assert_every_text_field_refuses(filter_class(data={}).form.__class__)


def admin_forms(request):
    """(name, form class, keyword arguments) of each form the admin builds for a portal model: the add
    form, the change form of an existing row where there is one (the user), and each inline's form."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_config.name not in settings.PORTAL_APPS:
            continue
        name = model_admin.__class__.__qualname__
        yield f"{name} (add)", model_admin.get_form(request, None), {}
        existing = model._default_manager.first()
        if existing is not None:
            yield (
                f"{name} (change)",
                model_admin.get_form(request, existing, change=True),
                {"instance": existing},
            )
        for inline in model_admin.get_inline_instances(request, None):
            yield inline.__class__.__qualname__, inline.get_formset(request, None).form, {}


def test_every_admin_of_a_portal_model_refuses_control_characters_in_its_text():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    checked, taking = [], []
    for name, form_class, kwargs in admin_forms(request):
        refused = refusals(form_class, **kwargs)
        checked += refused
        taking += [f"{name}: {field}" for field, errors in refused.items() if MESSAGE not in errors]
    assert not taking
    # The walk reached the admins' text: a partner's profile, a person's name, a project's summary.
    assert {"profile", "contact_name", "first_name", "summary", "title"} <= set(checked)
