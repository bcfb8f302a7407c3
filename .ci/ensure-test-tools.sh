#!/usr/bin/env bash
# The tests drive Debian's Chromium (end-to-end and browser tests) and use xmllint (export
# validation). Installs them where they are missing and this user may; otherwise says how. A CJK
# font (fonts-noto-cjk) comes along for readable 中文 screenshots.
set -u
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# Not needed to pass, but without a CJK font the 中文 screenshots the e2e tests leave are boxes.
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then missing+=(fonts-noto-cjk)
  else echo "note: no Chinese font, so the 中文 screenshots will not be readable (sudo apt-get install -y fonts-noto-cjk)" >&2; fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the tests (Debian packages)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
