"""Views that write and then fail, or only read, for tests/wego/test_a_form_sent_is_one_transaction.py."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from organisations.models import Region
from wego import urls as portal_urls


@csrf_exempt
@login_not_required
def writes_then_answers(request, status):
    Region.objects.create(slug="written", name="Written")
    return HttpResponse(status=status)


@csrf_exempt
@login_not_required
def writes_then_fails(request):
    Region.objects.create(slug="written", name="Written")
    raise ValueError("a bug after the write")


@login_not_required
def in_a_transaction(request):
    return HttpResponse(str(connection.in_atomic_block))


urlpatterns = [
    path("writes/<int:status>/", writes_then_answers),
    path("fails/", writes_then_fails),
    path("in-a-transaction/", in_a_transaction),
    # The portal's own addresses, language prefixes included (they cannot be include()d).
    *portal_urls.urlpatterns,
]
