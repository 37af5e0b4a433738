"""gunicorn's settings for the portal: the Procfile's web process, `make smoke` and `make bench`.

Read from the environment like the portal's own settings (README, "Production"). gunicorn also reads
this file by itself when started from the repository's root; options on its command line win.
"""

import os

# Loopback by default: the portal believes X-Forwarded-Proto and the client-address header from
# whoever connects, so only the TLS proxy may reach gunicorn. A proxy on another machine (over a
# private network) is the explicit choice: GUNICORN_BIND=0.0.0.0:8000.
bind = [os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"]

# Processes for the cores, threads to overlap the time a request waits on PostgreSQL. Each thread
# holds its own database connection: PostgreSQL's max_connections must exceed
# WEB_CONCURRENCY x GUNICORN_THREADS for every web machine, plus the Celery worker's.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# The application is imported by each worker, not by the master, so that SIGHUP's new workers run
# the code deployed since (a graceful reload).
preload_app = False

# On SIGTERM (stop) or SIGHUP (reload), a worker stops accepting connections and finishes the
# requests it has; after graceful_timeout seconds, whatever still runs is killed.
graceful_timeout = 30
# A worker whose main loop has not reported for this long is stuck, and is replaced. With gthread,
# one slow request does not count: the loop keeps reporting while a thread works.
timeout = 30

# Refused with 400 before Django sees them: browsers and the proxy stay far below these.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# One line per request on stdout, gunicorn's own messages on stderr: the process manager keeps both.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
