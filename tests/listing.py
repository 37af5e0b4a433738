"""What a listing page (see wego/listing.py) shows, read from its context."""


def listed(response, attribute="name"):
    """The `attribute` of each thing on the page shown, in the order shown."""
    return [getattr(item, attribute) for item in response.context["page"].object_list]
