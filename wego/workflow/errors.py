from django.utils.translation import gettext_lazy as _


class TransitionError(Exception):
    """A transition that cannot be taken; the message is meant for the person who tried."""


class StaleState(TransitionError):
    default = _("This has changed since you opened it. Reload the page to see its current state.")


class IllegalTransition(TransitionError):
    default = _("That step is not possible from the current state.")


class TransitionNotAllowed(TransitionError):
    default = _("You are not allowed to take that step.")


class NoteRequired(TransitionError):
    default = _("Please write a note to explain this step.")


class NotReady(TransitionError):
    """The transition's guard refused: its message says what is missing."""


class NotEditable(TransitionError):
    """The submission cannot be changed so, or that cannot be done, in its current state: the message
    says why."""
