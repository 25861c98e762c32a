# The decision aid in a container: slim Python, non-root, a health check that tells the truth.
#   docker build -t spine-aid .
#   docker run --rm -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=... spine-aid
# Several replicas behind nginx: deploy/compose.yaml. Nothing here needs the internet except
# the Python package index (pip); the fonts for the PDF are in assets/fonts, Streamlit's own
# fonts are inside its package, and the page loads nothing from any other host.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SPINE_AID_STRICT=1

WORKDIR /app
# requirements.txt ends with `-e .` (this project, so Streamlit finds the tab store's script in
# spine_aid/static/; pyproject.toml says why): pip needs pyproject.toml and that package too.
# Copied before the rest so the dependency layer is rebuilt only when one of these changes.
COPY requirements.txt constraints.txt pyproject.toml ./
COPY spine_aid ./spine_aid
RUN pip install -r requirements.txt

COPY . .
# Fail the build on content that does not pass its checks, or a stale reading-level report.
RUN python -m decision check-content \
 && python -m decision.readability \
 && useradd --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin aid

# The app writes nothing to disk; the files stay root's and read-only to it.
USER 10001
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "deploy/healthcheck.py", "http://127.0.0.1:8501"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
