"""{% kept_for_person shows "name" vary_on... %} ... {% endkept_for_person %}: a part of a signed-in
person's page kept for them under the versions of the kinds of content `shows` names
(wego/pagecache/fragments.py). `vary_on` are whatever else the part depends on (the object's id,
the person's role on it). Without kinds (an empty variable) the part is rendered every time.
What the part reads should be lazy in the view's context (querysets, SimpleLazyObject), so that a
kept part costs no query at all.

{% kept_for_everyone "name" vary_on... %} ... {% endkept_for_everyone %}: a part of a public page that
is the same for every visitor and person (a list's unfiltered filter form), kept once for all of them
under the kinds of content the page declares it shows (public_page), so never staler than the page.
On a page that is not public, it is rendered every time. It may hold no form that posts: a token in
it is refused."""

from django import template

from ..fragments import kept_for_everyone, kept_for_person

register = template.Library()


class KeptNode(template.Node):
    """A part kept under the kinds of content kinds_in(context) names, by keep(); rendered every time
    when it names none. `name` and `vary_on` make the part's name in the key."""

    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        kinds = self.kinds_in(context)
        if not kinds:
            return self.nodelist.render(context)
        vary = ":".join(str(value.resolve(context)) for value in self.vary_on)

        def render(csrf_token):
            with context.push(csrf_token=csrf_token):
                return self.nodelist.render(context)

        return self.keep(context, kinds, f"{self.name.resolve(context)}:{vary}", render)


class KeptForPersonNode(KeptNode):
    def __init__(self, nodelist, shows, name, vary_on):
        super().__init__(nodelist, name, vary_on)
        self.shows = shows

    def kinds_in(self, context):
        request = context.get("request")
        # Nobody to keep it for: rendered each time (as where no kinds are given: the admin's use of
        # a shared partial).
        if request is None or not request.user.is_authenticated:
            return None
        return self.shows.resolve(context)

    def keep(self, context, kinds, name, render):
        return kept_for_person(context["request"], kinds, name, render)


class KeptForEveryoneNode(KeptNode):
    def kinds_in(self, context):
        """What the public page it is on shows (public_page), or None off a public page."""
        match = getattr(context.get("request"), "resolver_match", None)
        return getattr(match.func, "page_shows", None) if match else None

    def keep(self, context, kinds, name, render):
        return kept_for_everyone(kinds, name, render)


def parsed(parser, token, least, takes):
    """The part's nodes up to its end tag, and the tag's arguments (at least `least` of them)."""
    bits = token.split_contents()
    if len(bits) <= least:
        raise template.TemplateSyntaxError(f"{bits[0]} takes {takes}.")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return nodelist, [parser.compile_filter(bit) for bit in bits[1:]]


@register.tag("kept_for_person")
def kept_for_person_tag(parser, token):
    takes = "the kinds shown, a name and what it varies on"
    nodelist, (shows, name, *vary_on) = parsed(parser, token, 2, takes)
    return KeptForPersonNode(nodelist, shows, name, vary_on)


@register.tag("kept_for_everyone")
def kept_for_everyone_tag(parser, token):
    nodelist, (name, *vary_on) = parsed(parser, token, 1, "a name and what it varies on")
    return KeptForEveryoneNode(nodelist, name, vary_on)
