# The real SMTP server, broker and worker of the delivery tests, for beat's work on registrations.
from tests.notifications.conftest import broker, smtp_server, start_outbox_worker, worker  # noqa: F401
