"""allauth's sign-in rate limits count per client address. Behind a TLS proxy every connection comes
from the proxy; told which header (TRUSTED_CLIENT_IP_HEADER) or how many proxies (TRUSTED_PROXY_COUNT)
to trust, the portal tells two visitors apart, so one person guessing passwords locks out only
themselves. The settings are read from the environment in a fresh process, as in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PROXY = "10.0.0.2"

# Two visitors' requests as the proxy forwards them: both from the proxy's address. The first also
# sends its own X-Forwarded-For, which the proxy appends to: a spoofed value must not be believed.
REQUESTS = [
    {"X-Real-IP": "203.0.113.5", "X-Forwarded-For": "192.0.2.66, 203.0.113.5"},
    {"X-Real-IP": "198.51.100.7", "X-Forwarded-For": "198.51.100.7"},
]

SCRIPT = """
import json, sys
import django
django.setup()
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

proxy, requests = sys.argv[1], json.loads(sys.argv[2])
addresses = []
for headers in requests:
    request = RequestFactory().get("/accounts/login/", REMOTE_ADDR=proxy, headers=headers)
    addresses.append(get_adapter().get_client_ip(request))
print(json.dumps(addresses))
"""


def client_addresses(**environment):
    """The client address allauth's adapter sees for each of REQUESTS, with these settings."""
    base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, PROXY, json.dumps(REQUESTS)],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "wego.settings", "DEBUG": "1", **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_without_proxy_settings_every_visitor_is_the_proxy():
    # What the portal does when these settings are forgotten behind a proxy: one shared counter.
    assert client_addresses() == [PROXY, PROXY]


def test_the_header_the_proxy_sets_tells_two_visitors_apart():
    assert client_addresses(TRUSTED_CLIENT_IP_HEADER="X-Real-IP") == ["203.0.113.5", "198.51.100.7"]


def test_one_trusted_proxy_takes_the_address_it_appended_not_the_one_the_visitor_sent():
    assert client_addresses(TRUSTED_PROXY_COUNT="1") == ["203.0.113.5", "198.51.100.7"]
