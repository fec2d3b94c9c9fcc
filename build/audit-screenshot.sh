#!/usr/bin/env bash
# Regenerates docs/images/presence-audit-map.png, the README's picture of `presence audit`: the test run renders the
# HTML map of samples/Samples.sln in Debian's Chromium (build/services/chromium.sh installs it when missing) and
# saves the map section; this copies that picture into docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=/dev/null
source build/services/chromium.sh
: "${PRESENCE_CHROMIUM:?Chromium is needed for the screenshot}"
export PRESENCE_CHROMIUM

dotnet test tests/Presence.Audit.Tests --filter "FullyQualifiedName~HtmlTests.The_samples_page" >/dev/null
picture=tests/Presence.Audit.Tests/bin/Debug/net10.0/screenshots/presence-audit-map.png
cp "$picture" docs/images/presence-audit-map.png
echo "Wrote docs/images/presence-audit-map.png ($(stat -c %s docs/images/presence-audit-map.png) bytes)"
