#!/usr/bin/env bash
# Debian packages the tests and `npm start` need, installed only when missing:
#   chromium + fonts-liberation   the browser Playwright drives (never a downloaded one)
#   ripgrep + libkrb5-dev         code-server's install (search binary, kerberos native module)
#   python3-gensim + fasttext     reference tools for the word-vector tests and benchmarks
#   unzip                         the packaging test lists the .vsix
set -euo pipefail
want=(chromium fonts-liberation ripgrep libkrb5-dev python3-gensim fasttext unzip)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} — install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "[deps] apt-get install ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
