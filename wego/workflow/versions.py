"""Numbered versions of a submission: what it said at each (re)submission, and what changed.

A versioned model lists `version_fields`, or overrides `version_content()` (adding, say, its
challenges) and `version_item_text()` (saying how such an item reads). Values are kept raw, so
that staff read the differences in their own language, whatever language the submitter used.
"""

from django.contrib.contenttypes.models import ContentType

from .models import Version


class Versioned:
    """Mixin for a submission model whose every submission is kept as a numbered Version."""

    version_fields = ()

    def version_content(self):
        return [{"key": name, "value": as_text(getattr(self, name))} for name in self.version_fields]

    @classmethod
    def version_item_text(cls, item, number=None):
        """(label, text) of an item of `version_content()`, in the current language."""
        field = cls._meta.get_field(item["key"])
        value = item["value"]
        if field.choices and value:
            value = str(dict(field.flatchoices).get(value, value))
        return str(field.verbose_name), value


def as_text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "name") and hasattr(value, "storage"):  # a stored file: its name says which
        return value.name or ""
    return str(value)


def versions_of(obj):
    return Version.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def record_version(obj, *, actor, note=""):
    """Keep what `obj` says now as its next numbered version; usable as a transition's effect."""
    number = versions_of(obj).count() + 1
    return Version.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        number=number,
        submitted_by=actor,
        content=obj.version_content(),
    )


def changes(model, version, previous):
    """(label, before, after) for each answer that differs between two versions, in the reader's language."""
    before = {item["key"]: item for item in previous.content}
    after = {item["key"]: item for item in version.content}
    differences = []
    for key, item in after.items():
        old = before.get(key)
        if old is None or old["value"] != item["value"]:
            label, new_text = model.version_item_text(item)
            differences.append((label, model.version_item_text(old)[1] if old else "", new_text))
    for key, item in before.items():
        if key not in after:
            label, old_text = model.version_item_text(item)
            differences.append((label, old_text, ""))
    return differences


def versions_with_changes(obj):
    """[(version, changes since the previous version, or None for the first)], oldest first."""
    versions = list(versions_of(obj).select_related("submitted_by"))
    model = type(obj)
    return [
        (version, changes(model, version, versions[index - 1]) if index else None)
        for index, version in enumerate(versions)
    ]


def was_submitted(obj, key, match):
    """Whether some submitted version of `obj` has, under `key`, an entry for which `match` is true."""
    return any(
        item["key"] == key and match(item["value"])
        for version in versions_of(obj)
        for item in version.content
    )
