"""An official proposes a change to their organisation's public profile. Only its officials reach
this page: anyone else gets 404, as if it did not exist."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from wego.submissions.once import already_sent, sent

from .access import organisations_of
from .profile_forms import ProfileChangeForm
from .public_profile import pending_change, propose_profile_change, proposed_values


def edit_profile(request, slug):
    organisation = get_object_or_404(organisations_of(request.user), slug=slug)
    if request.method == "POST":
        form = ProfileChangeForm(request.POST, request.FILES)
        if form.is_valid():
            if answer := already_sent(request):
                return answer
            propose_profile_change(organisation, form.cleaned_data, by=request.user)
            messages.success(
                request,
                _(
                    "Your change was sent to the Secretariat. The public page shows it once they "
                    "approve it; you will be told by email."
                ),
            )
            return sent(request, redirect("organisation-profile", slug=organisation.slug))
    else:
        form = ProfileChangeForm(initial=proposed_values(organisation))
    return render(
        request,
        "organisations/profile_edit.html",
        {"organisation": organisation, "form": form, "pending": pending_change(organisation)},
    )
