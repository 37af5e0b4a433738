"""The one-to-one profiles other apps attach to an organisation (its membership, its partnership),
declared by those apps when they start, so that this app names none of them: the first profile an
organisation has gives its public page, and the words that are pages beside theirs cannot be an
organisation's address."""

_ACCESSORS = []
RESERVED_SLUGS = set()


def register(accessor, *, reserved_slugs=()):
    """A profile reached from an organisation by `accessor` (its related_name); for AppConfig.ready()."""
    if accessor not in _ACCESSORS:
        _ACCESSORS.append(accessor)
    RESERVED_SLUGS.update(reserved_slugs)


def accessors():
    return tuple(_ACCESSORS)


def with_profiles(prefix=""):
    """The select_related paths that read every profile with its organisation (`prefix` leads to the
    organisation, e.g. "organisation__"): public_url() then asks nothing more."""
    return [f"{prefix}{accessor}" for accessor in accessors()]
