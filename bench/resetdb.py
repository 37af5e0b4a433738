"""Drop and recreate the bench database named by BENCH_DATABASE_URL (and nothing else):
python -m bench.resetdb [URL], with URL the database to copy, or an empty one without."""

import os
import sys

import psycopg
import redis
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

url = os.environ.get("BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/wego_bench")
name = conninfo_to_dict(url).get("dbname", "")
if "bench" not in name:
    sys.exit(f"Refusing to drop {name!r}: BENCH_DATABASE_URL must name a database with 'bench' in it.")

# DROP/CREATE DATABASE can't run inside a transaction, hence autocommit.
with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as connection:
    # FORCE ends connections left behind by an earlier run that was interrupted.
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    if len(sys.argv) > 1:
        # A copy of the smaller scale, to be filled further while the original stays as it was.
        template = conninfo_to_dict(sys.argv[1])["dbname"]
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        )
        print(f"Recreated database {name} as a copy of {template}.")
    else:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Recreated database {name}.")

# What the cache kept was kept under the versions of the database just dropped.
cache_url = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")
redis.Redis.from_url(cache_url).flushdb()
print(f"Emptied the cache at {cache_url}.")
