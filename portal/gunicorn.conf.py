"""Gunicorn's production configuration (`gunicorn portal.wsgi -c portal/gunicorn.conf.py`)."""

workers = 2
