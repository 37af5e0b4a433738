"""allauth's account mail (address confirmation, password reset, security notices) as the portal's
own: written to the outbox in the request's transaction and delivered by the worker, so that a mail
server that is down delays a message and never fails the request; every link built from PORTAL_URL,
never from the Host header the request came with."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wego.notifications import outbox

from .models import User
from .reauthentication import password_typed_recently


def portal_site():
    """What allauth's templates call the current site: the portal at its public address."""
    return SimpleNamespace(name="WeGO Portal", domain=urlsplit(settings.PORTAL_URL).netloc)


def with_portal_links(context, request):
    """allauth builds its links from the request (its Host header, which a client chooses): each
    absolute link to the portal in the mail's context is given PORTAL_URL's origin instead."""
    if request is None:
        return context
    origin = request.build_absolute_uri("/")
    return {
        key: f"{settings.PORTAL_URL}/{value.removeprefix(origin)}"
        if isinstance(value, str) and value.startswith(origin)
        else value
        for key, value in context.items()
    }


def recipient_of(context, email):
    """The person the mail is about, as allauth names them; else the one whose confirmed address it is
    (never a guess by address alone: a new, unconfirmed address may be someone else's)."""
    user = context.get("user")
    if isinstance(user, User):
        return user
    return User.objects.filter(emailaddress__email__iexact=email, emailaddress__verified=True).first()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context = with_portal_links(
            {"request": self.request, "email": email, "current_site": portal_site(), **context}, self.request
        )
        recipient = recipient_of(context, email)
        # The portal's templates (templates/account/email/) name the person, and lead on to signing in.
        context |= {
            "person": recipient,
            "portal_url": settings.PORTAL_URL,
            "login_url": settings.PORTAL_URL + reverse("account_login"),
        }
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        if message.content_subtype == "html":
            message.body, html = "", message.body
        outbox.write(
            f"account:{template_prefix.rsplit('/', 1)[-1]}",
            email=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            language=translation.get_language(),
            recipient=recipient,
            confidential=True,
        )

    def is_reauthentication_required(self, *, app, **kwargs):
        if password_typed_recently():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def has_confirmed(user, email):
    """Whether `email` is an address this person confirmed (so mail to it reaches them)."""
    return (
        user.is_authenticated
        and User.objects.filter(
            pk=user.pk, emailaddress__email__iexact=email, emailaddress__verified=True
        ).exists()
    )
