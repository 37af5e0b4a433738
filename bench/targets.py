"""The URLs the benchmark measures, shared by bench/run (wrk) and bench/queries.py."""

BARE = "bare"


def targets():
    """(name, path) pairs, the baseline first. Needs Django set up, to pick a real member."""
    from members.models import Member

    # The lowest primary key is one of the 2020 report's members at every scale.
    member = Member.objects.order_by("pk").first()
    return [
        (BARE, "/bench/bare/"),
        ("directory", "/members/"),
        ("filtered", "/members/?region=asia-pacific&type=local-government&q=an"),
        ("member", member.get_absolute_url()),
        ("export.json", "/members/export.json"),
    ]


if __name__ == "__main__":
    import django

    django.setup()
    for name, path in targets():
        print(name, path)
