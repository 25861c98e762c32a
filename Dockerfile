# The decision aid in a container: slim Python, non-root, a health check that tells the truth.
#   docker build -t spine-aid .
#   docker run --rm -p 8501:8501 -e STREAMLIT_SERVER_COOKIE_SECRET=... spine-aid
# Several replicas behind nginx: deploy/compose.yaml. Nothing here needs the internet except
# the Python package index (pip); the fonts for the PDF are in assets/fonts, Streamlit's own
# fonts are inside its package, and the page loads nothing from any other host.
#
# The base image. NOT pinned by digest in this repository: the digest can only be read from the
# registry, which the machine this was written on cannot reach, and a digest copied from elsewhere
# could not be checked. Pin it before a release build (README, "Deploying: the base image"):
#   docker buildx imagetools inspect python:3.11-slim-bookworm    # prints "Digest: sha256:..."
#   docker build --build-arg PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:<that digest> -t spine-aid .
# or write it into the default below. Refresh it (same command) for each base-image security update.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- check: the content's checks need textstat (requirements-build.txt), which the running app
# never imports, so they run in a stage of their own and textstat stays out of the image.
FROM ${PYTHON_IMAGE} AS check
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements-build.lock ./
RUN pip install --require-hashes -r requirements-build.lock
COPY . .
# Fail the build on content that does not pass its checks, or a stale reading-level report.
RUN python -m decision check-content && python -m decision.content.readability && touch /content-checked

# ---- the image that runs
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SPINE_AID_STRICT=1

WORKDIR /app
# Third-party packages from the hashed lock (pip refuses any file whose hash differs), then this
# project itself, editable and without dependencies, so Streamlit finds the tab store's script in
# spine_aid/static/ (pyproject.toml says why). Copied before the rest so the dependency layer is
# rebuilt only when one of these changes.
COPY requirements.lock pyproject.toml LICENSE ./
COPY spine_aid ./spine_aid
RUN pip install --require-hashes -r requirements.lock \
 && pip install --no-deps --no-build-isolation -e .

COPY . .
# The image is built only after the check stage passed (this COPY makes it wait for that stage).
COPY --from=check /content-checked /app/.content-checked
RUN useradd --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin aid

# The app writes nothing to disk; the files stay root's and read-only to it.
USER 10001
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "deploy/healthcheck.py", "http://127.0.0.1:8501"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
