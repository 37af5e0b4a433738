"""Public pages made for the page cache's tests: each counts its calls, and some do what must never
be kept (set a cookie, carry a CSRF token or a message, fail)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from wego import urls as portal_urls
from wego.pagecache.pages import public_page

calls = []


def counted(name):
    def view(request):
        calls.append(name)
        if name == "cookie":
            response = HttpResponse("a page that sets a cookie")
            response.set_cookie("seen", "yes")
            return response
        if name == "token":
            return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')
        if name == "message":
            messages.info(request, "Saved.")
            return HttpResponse("a page that leaves a message")
        if name == "missing":
            raise Http404
        if name == "broken":
            return HttpResponse("an error", status=500)
        return HttpResponse(f"page {name}")

    return public_page("members")(login_not_required(view))


urlpatterns = [
    *(
        path(f"kept/{name}/", counted(name))
        for name in ["plain", "cookie", "token", "message", "missing", "broken"]
    ),
    *portal_urls.urlpatterns,
]
