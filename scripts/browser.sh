#!/usr/bin/env bash
# The browser the tests render the synthèse page with: Debian's chromium package, headless
# (about 20 s to install). Never needed to run the tool; the test that needs it is skipped,
# with this script named, when it is absent.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Chromium absent et installation impossible sans droits root : le test de rendu sera ignoré."
        exit 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
fi
chromium --version 2>/dev/null | head -1
