"""How a view says it is a public page and what it shows."""

from . import content


def public_page(*kinds):
    """Keep this view's whole response for visitors who are not signed in, fresh as long as none of
    `kinds` of content changes (nor the layout, nor the portal itself). Put it outermost, above
    the view's other decorators; a test checks every kind named is declared by some app."""

    def mark(view):
        view.page_shows = frozenset(kinds) | {content.LAYOUT, content.PORTAL}
        return view

    return mark
