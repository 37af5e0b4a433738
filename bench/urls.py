from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from wego.urls import urlpatterns as portal_urlpatterns


@login_not_required
def bare_view(request):
    """The baseline: the whole middleware stack and gunicorn, but no template and no query."""
    return HttpResponse("ok")


urlpatterns = [*portal_urlpatterns, path("bench/bare/", bare_view)]
