"""The same submission twice has one effect: a double click, or a request the browser or a proxy
sends again, creates one thing, and the second answer shows the first's result.

Every form that creates something carries a random token (`{% submission_token form %}`, from the
`submissions` template library). Its view, once the form is valid and before creating, asks
`already_sent(request)`: that records the person's token in the request's transaction, and PostgreSQL
makes a second request with the same token wait at that point until the first commits. The first
answers with `sent(request, redirect(...))`, which keeps where it sent the person; the second,
instead of creating again, is sent there with a message saying so (see once.py).
"""
