"""Say clearly when the test database server cannot be reached, before pytest starts."""

import os
import sys

import psycopg

url = os.environ["TEST_DATABASE_URL"]
try:
    psycopg.connect(url, dbname="postgres", connect_timeout=5).close()
except psycopg.OperationalError as error:
    sys.exit(
        f"The tests need PostgreSQL at {url}, which could not be reached:\n  {error}\n"
        "Start it (for example: pg_ctlcluster 15 main start) or set TEST_DATABASE_URL."
    )
