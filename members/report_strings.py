"""The 2020 report's words that visitors read, marked so that makemessages extracts them.

The data files keep them in English; models and templates pass them through gettext at display.
A test checks that every such string in members/data/ is listed here.
"""

from django.utils.translation import gettext_noop

REPORT_STRINGS = [
    gettext_noop("Africa"),
    gettext_noop("Americas"),
    gettext_noop("Asia-Pacific"),
    gettext_noop("Europe"),
    gettext_noop("Middle East"),
    gettext_noop("WeGO Secretariat"),
    gettext_noop("Seoul"),
    gettext_noop("Chengdu"),
    gettext_noop("Ulyanovsk Region"),
    gettext_noop("Beyoğlu"),
    gettext_noop("Mexico City"),
    gettext_noop("Abuja"),
    gettext_noop("East Asia Regional Office"),
    gettext_noop("Eurasia Regional Office"),
    gettext_noop("Mediterranean Regional Office"),
    gettext_noop("Latin America Regional Office"),
    gettext_noop("Africa Regional Office"),
    gettext_noop("East Asia"),
    gettext_noop("Eurasia"),
    gettext_noop("the Mediterranean"),
    gettext_noop("Latin America"),
    gettext_noop(
        "Approved by the WeGO Executive Committee at its online meeting in November 2020; "
        "the report gives no opening date."
    ),
    gettext_noop("Members as of December 2020"),
    gettext_noop("Local government members"),
    gettext_noop("Local government members in Africa"),
    gettext_noop("Local government members in the Americas"),
    gettext_noop("Local government members in Asia-Pacific"),
    gettext_noop("Local government members in Europe"),
    gettext_noop("Local government members in the Middle East"),
    gettext_noop("New local government members"),
    gettext_noop("New corporation members"),
    gettext_noop("New institution members"),
    gettext_noop("Growth in local government members in 2020"),
    gettext_noop("Growth in corporation members in 2020"),
    gettext_noop("Growth in institution members in 2020"),
    gettext_noop("Founding member cities (2010)"),
    gettext_noop("Regional offices"),
    gettext_noop("Local governments, corporations and institutions at the online EXCOM 2020"),
    gettext_noop("Participants in the online EXCOM 2020"),
    gettext_noop("Session speakers at the online EXCOM 2020"),
    gettext_noop("People who viewed the online EXCOM 2020 broadcast"),
    gettext_noop("Members who completed the online smart city capacity building training (approximately)"),
    gettext_noop("People who took part in WeGO's webinars"),
    gettext_noop("Webinars held"),
]
