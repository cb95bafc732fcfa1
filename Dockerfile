# syntax=docker/dockerfile:1
# The support bot's image, in two stages: the builder has the compilers that a dependency without a
# wheel would need; the final image has Python, the installed packages, the app and its trained
# spaCy pipeline, and no compilers. Build: `docker build -t supportbot .`; run: deploy/compose.yaml.
# deploy/container/run_as_container.py runs this file's final stage (ENV, WORKDIR, CMD, HEALTHCHECK)
# on a machine without a container engine, so keep those instructions in the simple forms it reads.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt
WORKDIR /app
COPY . .
# The trained pipeline ships in nlu_models/model; loading it here fails the build if it is missing.
RUN /opt/venv/bin/python -c "from nlu_models import IntentClassifier; IntentClassifier.load()"

FROM ${PYTHON_IMAGE}
RUN groupadd --system supportbot \
    && useradd --system --gid supportbot --home-dir /app --no-create-home --shell /usr/sbin/nologin supportbot
COPY --from=builder /opt/venv /opt/venv
# The code stays owned by root (read-only to the bot); only data/ (SQLite, if used) is writable.
COPY --from=builder /app /app
RUN mkdir -p /app/data && chown supportbot:supportbot /app/data
ENV PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 HOST=0.0.0.0 PORT=3978
WORKDIR /app
USER supportbot
EXPOSE 3978 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 CMD ["python", "-m", "deploy.container.probe", "/readyz"]
CMD ["python", "app.py"]
