"""Expose the app for WSGI servers: ``gunicorn service.wsgi:app`` (configure it with ``KG_*`` variables)."""

from service.app import create_app

app = create_app()
