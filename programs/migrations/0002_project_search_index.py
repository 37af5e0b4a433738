"""The Exchange's full-text index, on PostgreSQL only (see programs/search.py)."""

from django.db import migrations

INDEX = "programs_project_search_document"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON programs_project "
            "USING gin (to_tsvector('english'::regconfig, search_document))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
