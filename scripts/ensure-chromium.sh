#!/usr/bin/env bash
# The end-to-end tests drive the system Chromium (never a browser download). Installs it with
# apt-get when it is missing and we may; otherwise says what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	echo "Installing Chromium for the end-to-end tests (apt-get)…" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
	exit 0
fi
echo "Chromium not found at $browser. Install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
