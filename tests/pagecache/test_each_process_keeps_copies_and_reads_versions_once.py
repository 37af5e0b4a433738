"""A request reads the versions once and sees its own writes; each process keeps copies of what was
kept under versions, bounded in bytes, the least recently read going first."""

from django.core.cache import cache

from wego.pagecache import versions, writes
from wego.pagecache.local import LocalCopies


def test_a_request_holds_the_versions_it_read_and_the_ones_it_wrote():
    with versions.request_scope():
        first = versions.tokens_for(["members"])["members"]
        # Another process renews members meanwhile: this request goes on with what it read.
        cache.set(f"{versions.PREFIX}members", "renewed-elsewhere")
        assert versions.tokens_for(["members", "projects"])["members"] == first
        versions.renew({"members"})
        written = versions.tokens_for(["members"])["members"]
        assert written not in (first, "renewed-elsewhere")
    # The next request reads them again.
    assert versions.tokens_for(["members"])["members"] == written


def test_a_value_kept_under_versions_is_read_from_the_process_copy_after_a_change_it_is_computed_again():
    computed = []

    def compute():
        computed.append(1)
        return ["KR", "PH"]

    assert versions.remembered(["members"], "test-countries", compute) == ["KR", "PH"]
    cache.delete(f"pagecache:value:test-countries:{versions.signature(['members'])}")
    assert versions.remembered(["members"], "test-countries", compute) == ["KR", "PH"]
    assert len(computed) == 1  # from this process's copy, although the cache lost it
    versions.renew({"members"})
    assert versions.remembered(["members"], "test-countries", compute) == ["KR", "PH"]
    assert len(computed) == 2


def test_copies_stay_within_their_budget_the_least_recently_read_going_first():
    copies = LocalCopies(budget=100)
    copies.put("a", "A" * 10, 10, timeout=60)
    copies.put("b", "B" * 10, 10, timeout=60)
    copies.get("a")
    for number in range(9):
        copies.put(f"c{number}", "C" * 10, 10, timeout=60)
    assert copies.get("b") is None
    assert copies.get("a") == "A" * 10
    assert copies.size <= 100


def test_a_very_large_item_and_an_expired_one_are_not_served_from_the_copies():
    copies = LocalCopies(budget=800)
    copies.put("export", "x" * 200, 200, timeout=60)
    assert copies.get("export") is None
    copies.put("page", "p", 1, timeout=-1)
    assert copies.get("page") is None
    assert copies.size == 0


def test_a_release_makes_every_remembered_value_computed_again():
    computed = []
    versions.remembered(["members"], "test-years", lambda: computed.append(1) or [2020])
    versions.remembered(["members"], "test-years", lambda: computed.append(1) or [2020])
    assert len(computed) == 1
    writes.renew_everything()  # what a migration does (post_migrate)
    versions.remembered(["members"], "test-years", lambda: computed.append(1) or [2020])
    assert len(computed) == 2
