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
    def __init__(self, nodelist, shows, name, vary_on):
        self.nodelist = nodelist
        self.shows = shows
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        shows = self.shows.resolve(context)
        # Not given (the admin's use of a shared partial), or nobody to keep it for: rendered each time.
        if not shows or request is None or not request.user.is_authenticated:
            return self.nodelist.render(context)
        vary = ":".join(str(value.resolve(context)) for value in self.vary_on)
        name = f"{self.name.resolve(context)}:{vary}"

        def render(csrf_token):
            with context.push(csrf_token=csrf_token):
                return self.nodelist.render(context)

        return kept_for_person(request, shows, name, render)


@register.tag("kept_for_person")
def kept_for_person_tag(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the kinds shown, a name and what it varies on.")
    nodelist = parser.parse(("endkept_for_person",))
    parser.delete_first_token()
    shows, name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return KeptNode(nodelist, shows, name, vary_on)


class KeptForEveryoneNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        match = getattr(request, "resolver_match", None)
        shows = getattr(match.func, "page_shows", None) if match else None
        if not shows:
            return self.nodelist.render(context)
        vary = ":".join(str(value.resolve(context)) for value in self.vary_on)

        def render(csrf_token):
            with context.push(csrf_token=csrf_token):
                return self.nodelist.render(context)

        return kept_for_everyone(shows, f"{self.name.resolve(context)}:{vary}", render)


@register.tag("kept_for_everyone")
def kept_for_everyone_tag(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and what it varies on.")
    nodelist = parser.parse(("endkept_for_everyone",))
    parser.delete_first_token()
    name, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return KeptForEveryoneNode(nodelist, name, vary_on)
