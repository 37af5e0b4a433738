"""Counting what a page costs in queries."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url):
    """The queries of `url` rendered from nothing kept: no page, part or value in the cache, so that
    two counts compare what the page itself asks, whatever an earlier request left behind."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)
