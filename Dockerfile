# The portal as compose.yaml runs it: production settings, gunicorn. See README, "Production".
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    MEDIA_ROOT=/data/media \
    DOCUMENTS_ROOT=/data/documents

WORKDIR /app
COPY . .
# The static and media folders exist and belong to the app user, so the named volumes mounted
# there start with that owner.
RUN pip install -e . \
    && useradd --system --home-dir /app portal \
    && mkdir -p /app/static /data/media /data/documents \
    && chown portal /app/static /data/media /data/documents
USER portal

EXPOSE 8000
CMD ["gunicorn", "portal.wsgi", "-c", "portal/gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
