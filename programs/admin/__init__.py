"""The Secretariat's admin for the Smart City Driver, one module per part."""

from . import catalogue, exchange, implementation, implementer, solution_finder, tenders  # noqa: F401
