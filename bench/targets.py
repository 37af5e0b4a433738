"""The URLs the benchmark measures, shared by bench/run (wrk) and bench/queries.py."""

BARE = "bare"
# The Exchange catalogue searched and filtered as a visitor would (relevance order, a count, a page):
# with a word a few per cent of projects contain, and with one in about one project in six.
SEARCHED = "/driver/exchange/?q=parking&stage=pilot&area=traffic-management"
SEARCHED_BROADLY = "/driver/exchange/?q=traffic&stage=pilot&region=asia-pacific"


def targets():
    """(name, path) pairs, the baseline first. Needs Django set up, to pick a real member and project."""
    from members.models import Member
    from programs.models import Project

    # The lowest primary key is one of the 2020 report's members at every scale.
    member = Member.objects.order_by("pk").first()
    # A project with indicators: a synthetic one (the report's two have none).
    project = Project.objects.published().filter(indicators__isnull=False).order_by("pk").first()
    return [
        (BARE, "/bench/bare/"),
        ("directory", "/members/"),
        ("filtered", "/members/?region=asia-pacific&type=local-government&q=an"),
        ("member", member.get_absolute_url()),
        ("export.json", "/members/export.json"),
        ("exchange", "/driver/exchange/"),
        ("exchange-searched", SEARCHED),
        ("exchange-broad", SEARCHED_BROADLY),
        ("project", project.get_absolute_url()),
    ]


if __name__ == "__main__":
    import django

    django.setup()
    for name, path in targets():
        print(name, path)
