# Sourced by build/test.sh: a real browser for the page tests (Debian's Chromium; Playwright cannot download one
# here). Exports PRESENCE_CHROMIUM, the executable the tests hand to Playwright's ExecutablePath.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "Could not install chromium (apt-get failed): the browser tests will fail." >&2
  fi
fi
if command -v chromium >/dev/null 2>&1; then
  PRESENCE_CHROMIUM=$(command -v chromium)
  export PRESENCE_CHROMIUM
fi
