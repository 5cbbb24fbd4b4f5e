#!/usr/bin/env bash
# Sourced by test.sh: makes sure Node and the npm clients the tests drive (tests/node) are there.
# Installs Debian's nodejs and npm when missing and we are root; `npm ci` from the committed lock.

ensure_node_clients() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      printf '[node] installing nodejs and npm (Debian packages)\n' >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
  fi
  command -v node >/dev/null 2>&1 || { printf '[node] node not found and cannot be installed (not root)\n' >&2; return 1; }
  if [ ! -d tests/node/node_modules ] || [ tests/node/package-lock.json -nt tests/node/node_modules ]; then
    printf '[node] npm ci in tests/node\n' >&2
    (cd tests/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
}

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; nothing is downloaded).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" = 0 ]; then
    printf '[browser] installing chromium (Debian package)\n' >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || { printf '[browser] /usr/bin/chromium not found and cannot be installed (not root)\n' >&2; return 1; }
}
