"""Sending a form that creates something once (see the package's docstring).

if request.method == "POST" and form.is_valid():
    if answer := already_sent(request):
        return answer
    application = submit_application(form, request.user)
    return sent(request, redirect(application))
"""

import hashlib
import re
import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "submission_token"
# What new_token() makes. Anything else posted (a page from before tokens, a hand-made request) counts
# as no token at all.
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def new_token():
    return secrets.token_urlsafe(24)


def posted_token(request):
    token = request.POST.get(FIELD, "")
    return token if TOKEN.fullmatch(token) else None


def fingerprint(request):
    """A digest of what the form sent (fields and files, without the tokens that differ on every page)."""
    digest = hashlib.sha256()
    for name in sorted(request.POST):
        if name not in (FIELD, "csrfmiddlewaretoken"):
            for value in request.POST.getlist(name):
                digest.update(f"{name}\0{value}\0".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}\0{upload.name}\0{upload.size}\0".encode())
    return digest.hexdigest()


def token_for(request, form=None):
    """The token a form is rendered with: the one it was posted with when it is shown again with its
    errors (sending it again is still the same submission), a new one otherwise."""
    if form is not None and form.is_bound and request is not None and request.method == "POST":
        return posted_token(request) or new_token()
    return new_token()


def already_sent(request):
    """None when this submission may go on and create; otherwise the answer to give instead, because
    the same submission already made something: a redirect to its result, with a message saying so.

    Call it when the form is valid, before creating anything, inside the request's transaction
    (wego.middleware.changes_in_one_transaction): the row it inserts stays locked until it ends.
    """
    token = posted_token(request)
    if token is None or not request.user.is_authenticated:
        # Without a token nothing tells two sendings apart: this one creates, as before.
        return None
    if transaction.get_autocommit():
        raise RuntimeError("already_sent() needs the request's transaction (changes_in_one_transaction).")
    contents = fingerprint(request)
    try:
        with transaction.atomic():
            FormSubmission.objects.create(user=request.user, token=token, fingerprint=contents)
        return None
    except IntegrityError:
        pass
    # The token was recorded before. If that was a request still running, PostgreSQL made the insert
    # above wait until it committed, so what it made is visible now. The lock lets only one of two
    # further sendings of a refused submission (nothing made) go on at a time.
    earlier = FormSubmission.objects.select_for_update().filter(user=request.user, token=token).first()
    if earlier is None:
        return None
    if not earlier.result_url:
        # Nothing made yet (the earlier sending was refused): this sending takes the token over.
        FormSubmission.objects.filter(pk=earlier.pk).update(fingerprint=contents)
        return None
    if earlier.fingerprint != contents:
        # Other contents under a token that made something (a page the person went back to, changed
        # and sent again): a submission of its own, which goes on.
        return None
    messages.info(request, _("This was already sent; here it is."))
    return redirect(earlier.result_url)


def sent(request, response):
    """Keep where the submission sent the person (`response`, a redirect) for a second sending of the
    same form, and return the response."""
    token = posted_token(request)
    if token is not None and request.user.is_authenticated:
        FormSubmission.objects.filter(
            user=request.user, token=token, fingerprint=fingerprint(request)
        ).update(result_url=response["Location"])
    return response
