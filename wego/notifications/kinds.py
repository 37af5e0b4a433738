"""What a notification's kind means, in words staff read in the admin ("Membership application: status
changed"), not the code it is filed under (`workflow:status`)."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

# The portal's own mail about a submission, named after what the submission is.
ABOUT_A_SUBMISSION = {
    "workflow:status": _("%(what)s: status changed"),
    "workflow:thread_message": _("%(what)s: message in the thread"),
}

# allauth's account mail, filed as `account:<template name>` (organisations/accounts.py).
ACCOUNT = {
    "account:email_confirmation": _("Account: address to confirm"),
    "account:email_confirmation_signup": _("Account: address to confirm at sign-up"),
    "account:email_confirm": _("Account: address confirmed"),
    "account:email_changed": _("Account: address changed"),
    "account:email_deleted": _("Account: address removed"),
    "account:account_already_exists": _("Account: sign-up with an address already registered"),
    "account:unknown_account": _("Account: asked for an unknown address"),
    "account:password_reset": _("Account: password reset"),
    "account:password_reset_key": _("Account: password reset link"),
    "account:password_reset_code": _("Account: password reset code"),
    "account:password_changed": _("Account: password changed"),
    "account:password_set": _("Account: password set"),
    "account:login_code": _("Account: sign-in code"),
    "account:totp_activated": _("Account: authenticator app enrolled"),
    "account:totp_deactivated": _("Account: authenticator app removed"),
    "account:recovery_codes_generated": _("Account: new recovery codes"),
    "account:webauthn_added": _("Account: security key added"),
    "account:webauthn_removed": _("Account: security key removed"),
}


def describe(kind, content_type_id=None):
    """The kind in words; a kind nobody described yet still reads as words, not as a code."""
    if kind in ABOUT_A_SUBMISSION:
        return ABOUT_A_SUBMISSION[kind] % {"what": submission_name(content_type_id)}
    if kind in ACCOUNT:
        return str(ACCOUNT[kind])
    app, _colon, name = kind.partition(":")
    return f"{app.capitalize()}: {name.replace('_', ' ')}" if name else kind


def submission_name(content_type_id):
    """What the submission a mail is about is called ("Membership application"), from its workflow."""
    model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
    if model is None:
        return _("Submission")
    workflow = getattr(model, "workflow", None)
    return str(workflow.verbose_name if workflow else model._meta.verbose_name.capitalize())
