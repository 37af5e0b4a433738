from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .staff import must_enrol_a_second_factor


class StaffMFARequiredMiddleware:
    """Staff open the admin only once they have enrolled a second factor (an authenticator app)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and must_enrol_a_second_factor(request.user):
            messages.info(
                request,
                _("Before you open the administration, set up an authenticator app for your account."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
