"""Say clearly when a service the suite needs cannot be reached, before pytest starts."""

import os
import sys

import psycopg
import redis

problems = []
database_url = os.environ["TEST_DATABASE_URL"]
try:
    psycopg.connect(database_url, dbname="postgres", connect_timeout=5).close()
except psycopg.OperationalError as error:
    problems.append(
        f"The tests need PostgreSQL at {database_url}, which could not be reached:\n  {error}\n"
        "Start it (for example: pg_ctlcluster 15 main start) or set TEST_DATABASE_URL."
    )

redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
try:
    redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()
except redis.RedisError as error:
    problems.append(
        f"The tests need Redis at {redis_url} (a real Celery worker takes work from it), "
        f"which could not be reached:\n  {error}\n"
        "Start it (for example: redis-server --daemonize yes) or set TEST_REDIS_URL."
    )

if problems:
    sys.exit("\n\n".join(problems))
