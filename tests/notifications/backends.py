"""Mail backends that answer as real SMTP servers do when they are busy or refuse a message."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class BusyServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPResponseException(451, b"4.3.0 Try again later")


class RefusingServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPResponseException(550, b"5.1.1 No such user")
