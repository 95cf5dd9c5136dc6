"""The read-only status page, JSON API, Atom feed of status changes and health check."""

from renewalwatch.web.app import StatusApp
from renewalwatch.web.server import DEFAULT_ADDRESS, WebServer

__all__ = ["DEFAULT_ADDRESS", "StatusApp", "WebServer"]
