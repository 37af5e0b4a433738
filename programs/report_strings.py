"""The Smart City Driver's words from the 2020 report that visitors read (the sixteen areas, the
Project Implementer call of 2020), marked so that makemessages extracts them; Area.__str__ and the
call's templates translate them on display."""

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
    gettext_noop("Project Implementer 2020"),
    gettext_noop(
        "WeGO's flagship program, formerly known as the “Feasibility Study Program” (F/S), supports cities with financial and technical assistance in implementing prominent smart city projects aimed at addressing pressing urban challenges."  # noqa: E501
    ),
    gettext_noop(
        "Due to COVID-19, the selection of the solution provider and the execution of the project were postponed to 2021. From July to December 2020, a consultancy worked on improving the WeGO Project Implementer program."  # noqa: E501
    ),
]
