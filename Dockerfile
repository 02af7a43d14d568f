# syntax=docker/dockerfile:1
# Stage 1: build the single-page app.
FROM node:20-bookworm-slim AS spa
WORKDIR /build/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# Stage 2: the Python runtime that serves the API and the built SPA.
# PYTHONPATH=/app: the code runs from /app, next to alembic.ini and migrations/.
FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    WERKPAD_ENV=production \
    WERKPAD_HOST=0.0.0.0 \
    WERKPAD_PORT=8000 \
    WERKPAD_FRONTEND_DIST=/app/frontend/dist \
    PYTHONPATH=/app
WORKDIR /app
RUN groupadd --system --gid 10001 werkpad \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app werkpad
COPY pyproject.toml README.md alembic.ini ./
COPY app/ app/
COPY migrations/ migrations/
RUN pip install --no-cache-dir . && mkdir -p /app/var && chown 10001:10001 /app/var
COPY --from=spa /build/frontend/dist/ frontend/dist/
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health')"]
# WERKPAD_DATABASE_URL selects PostgreSQL; WERKPAD_SECRET_KEY is required in production.
CMD ["werkpad", "serve"]
