from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from organisations.models import Organisation

from ..workflow import ACTIVE, REGISTRATION
from .events import Event


class Registration(models.Model):
    """One person's place at an event, by address: with an account or without one."""

    workflow = REGISTRATION

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation on the portal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)
    status = REGISTRATION.state_model_field()
    # Until when a TIMED state holds its seat: an unconfirmed address briefly, an offer its hours.
    hold_until = models.DateTimeField(_("seat held until"), null=True, blank=True)
    joined_list_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    attendance_source = models.CharField(_("attendance from"), max_length=100, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "event", condition=REGISTRATION.q(ACTIVE), name="one_registration_per_address"
            )
        ]
        indexes = [
            models.Index(fields=["event", "status", "joined_list_at"]),
            models.Index(fields=["status", "hold_until"]),
        ]

    def __str__(self):
        return f"{self.name} · {self.event}"

    def get_absolute_url(self):
        from ..services.links import registration_link

        return registration_link(self)

    @property
    def held_until_label(self):
        """Until when the seat is held (an offer's deadline), in the event's time zone, the zone said."""
        return self.event.moment_label(self.hold_until) if self.hold_until else ""


class Invitation(models.Model):
    """An address invited to an event that only invited people may register for."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(Lower("email"), "event", name="one_invitation_per_address")]

    def __str__(self):
        return self.email
