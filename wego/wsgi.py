import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wego.settings")
application = get_wsgi_application()

# Refuse to serve without a secret key rather than fail on the first signed cookie:
# reading an empty one raises ImproperlyConfigured.
if not settings.SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY.")
