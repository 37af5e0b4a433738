"""What the portal already knows of the signed-in person, offered again wherever a form asks for it
(their name, their address, the title they gave when asking to act for an organisation), so that a
person says each thing once and changes it where it is asked."""

from .models import Affiliation


def known_title(user, organisation=None):
    """The title the person gave for `organisation`, else the one they gave last; "" if none."""
    affiliations = Affiliation.objects.filter(user=user).exclude(title="").order_by("-updated_at", "-pk")
    if organisation is not None:
        for_it = affiliations.filter(organisation=organisation).values_list("title", flat=True).first()
        if for_it:
            return for_it
    return affiliations.values_list("title", flat=True).first() or ""


def contact_of(user, organisation=None):
    """The person as a contact: name, title and address, for a form's initial values."""
    return {"name": user.get_full_name(), "title": known_title(user, organisation), "email": user.email}
