"""Exit 0 if this replica's /healthz says its content is valid, else 1 (Docker HEALTHCHECK).

    python deploy/healthcheck.py [http://127.0.0.1:8501]

No curl in the slim image, so this uses the standard library only.
"""

import sys
import urllib.error
import urllib.request

url = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8501").rstrip("/") + "/healthz"
try:
    with urllib.request.urlopen(url, timeout=5) as resp:
        sys.exit(0 if resp.status == 200 else 1)
except (urllib.error.URLError, OSError) as exc:
    print(f"unhealthy: {exc}", file=sys.stderr)
    sys.exit(1)
