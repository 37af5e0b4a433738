"""The Smart City Driver's words from the 2020 report that visitors read (the sixteen areas),
marked so that makemessages extracts them; Area.__str__ translates them on display."""

from django.utils.translation import gettext_noop

REPORT_STRINGS = [
    gettext_noop("Agriculture"),
    gettext_noop("Civic Engagement"),
    gettext_noop("Connectivity"),
    gettext_noop("Disaster Risk Management"),
    gettext_noop("Education"),
    gettext_noop("Energy Efficiency"),
    gettext_noop("Healthcare"),
    gettext_noop("Innovation & Startups"),
    gettext_noop("Public Safety"),
    gettext_noop("Public Transportation"),
    gettext_noop("Renewables & Circular Economy"),
    gettext_noop("Tourism"),
    gettext_noop("Traffic Management"),
    gettext_noop("Waste Management"),
    gettext_noop("Water Management"),
    gettext_noop("e-Government"),
]
