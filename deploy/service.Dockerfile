# syntax=docker/dockerfile:1.7
# Image of any Balai service (identity, ukm, training, gateway, ...): one file, the service is a
# build argument. Build context is the repository root (the uv workspace):
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=identity -t balai/identity:dev .
# The package is balai-<SERVICE>, the module <SERVICE>, the app <SERVICE>.main:create_app.

ARG PYTHON_IMAGE=python:3.11-slim
ARG SERVICE

# --- manifests: only the files dependency resolution reads --------------------
# A source edit leaves this stage's output unchanged, so the dependency layer
# below stays cached; and a new workspace member needs no edit here.
FROM ${PYTHON_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name pyproject.toml ! -name uv.lock -delete \
 && find . -type d -empty -delete

# --- builder: uv installs exactly what uv.lock pins into /app/.venv ------------
FROM ${PYTHON_IMAGE} AS builder
ARG SERVICE
ARG PACKAGE=balai-${SERVICE}
ARG UV_VERSION=0.13.9
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /app
COPY --from=manifests /src/ ./
# Third-party dependencies first: slow, and rarely changed.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-workspace --package "${PACKAGE}"
# Then the workspace code. Editable installs keep the repository layout
# (/app/libs/..., /app/services/<name>/...), so files beside the package such as
# migrations/ and alembic.ini stay where the code expects them.
COPY libs/ libs/
COPY services/${SERVICE}/ services/${SERVICE}/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --package "${PACKAGE}" \
 && python -m compileall -q libs "services/${SERVICE}/src"

# --- runtime: no uv, no build tools, not root ---------------------------------
FROM ${PYTHON_IMAGE} AS runtime
ARG SERVICE
ENV SERVICE=${SERVICE} \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/app/.venv/bin:${PATH}"
RUN groupadd --system --gid 10001 balai \
 && useradd --system --uid 10001 --gid balai --no-create-home \
            --home-dir /nonexistent --shell /usr/sbin/nologin balai
# Owned by root, only readable by the app user: the process cannot rewrite its code.
COPY --from=builder /app /app
# Migrations run from here too: `python -m <service> migrate`.
WORKDIR /app/services/${SERVICE}
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=3)"]
# balai_platform.serve is uvicorn with a drain phase: on SIGTERM it serves on for BALAI_DRAIN_SECONDS
# (default 5) with `Connection: close` and /readyz 503, then runs uvicorn's graceful shutdown
# (docs/operations.md, "Graceful shutdown").
CMD ["sh", "-c", "exec python -m balai_platform.serve \"${SERVICE}.main:create_app\" --factory --host 0.0.0.0 --port 8000 --timeout-graceful-shutdown 10"]
