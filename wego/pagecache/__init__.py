"""The page cache: public pages served to visitors who are not signed in, kept whole and never stale.

A public view declares the content it shows (`@public_page("members", "projects")`); each app
declares which of its models make up each kind of content (its `content.py`), and which it keeps
private. The middleware keeps a page's whole response under a key made of its address (language
prefix and query string included), whether it is an htmx fragment, and the current version of each
kind it shows. Every write to a table of a kind, however it is made (a service, the admin, a data
load, a migration, `QuerySet.update()`), gives that kind a new version once the write commits, so
the next request renders afresh (see writes.py). Nothing personal is ever kept: only requests
without a session or message cookie are served from or stored in the cache, and a response that
sets a cookie or carries a CSRF token is not stored.
"""
