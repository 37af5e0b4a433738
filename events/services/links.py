"""The signed links of a registrant's mails: the registration's own page (its state, cancelling,
accepting an offer, the joining link once confirmed) and the confirmation of the address.

The registration's link does not expire: it is the person's way back to their place for as long as
the event lasts. The address confirmation's link lasts a few days, like allauth's.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

REGISTRATION_SALT = "events.registration"
ADDRESS_SALT = "events.confirm-address"
ADDRESS_LINK_DAYS = 3


def registration_token(registration):
    return signing.dumps(registration.pk, salt=REGISTRATION_SALT, compress=True)


def registration_link(registration):
    return reverse("events:registration", args=[registration_token(registration)])


def address_link(registration):
    token = signing.dumps([registration.pk, registration.email.lower()], salt=ADDRESS_SALT, compress=True)
    return reverse("events:confirm_address", args=[token])


def full(path):
    return f"{settings.PORTAL_URL}{path}"


def registration_id_from(token):
    """The registration a link names, or None for a link that was not signed by the portal."""
    try:
        return signing.loads(token, salt=REGISTRATION_SALT)
    except signing.BadSignature:
        return None


def address_from(token):
    """(registration id, address) an address link confirms; raises signing.SignatureExpired for an
    old link, None for one the portal did not sign."""
    try:
        registration_id, email = signing.loads(token, salt=ADDRESS_SALT, max_age=ADDRESS_LINK_DAYS * 86400)
    except signing.SignatureExpired:
        raise
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return registration_id, email
