"""The Exchange's projects keep their search vector (programs/search.py): on PostgreSQL it is filled
from the documents and indexed, replacing migration 0002's index over an expression that ranking had
to compute again for every matching project."""

import django.contrib.postgres.search
from django.db import migrations

OLD_INDEX = "programs_project_search_document"
INDEX = "programs_project_search_vector"


def index_the_stored_vectors(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE programs_project SET search_vector = to_tsvector('english'::regconfig, search_document)"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
        schema_editor.execute(f"CREATE INDEX {INDEX} ON programs_project USING gin (search_vector)")


def index_the_documents_again(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            f"CREATE INDEX {OLD_INDEX} ON programs_project "
            "USING gin (to_tsvector('english'::regconfig, search_document))"
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0006_projects_drafted_before_they_are_shared")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_the_stored_vectors, index_the_documents_again, elidable=False),
    ]
