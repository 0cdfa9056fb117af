#!/usr/bin/env bash
# What a browser downloads from dist/: each file raw and brotli-compressed, and the total.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total_raw=0; total_br=0
for f in *; do
  raw=$(stat -c %s "$f")
  if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$f" | wc -c); else br=0; fi
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  printf '%-45s %8d B raw %8d B brotli\n' "$f" "$raw" "$br"
done
printf '%-45s %8d B raw %8d B brotli\n' "total" "$total_raw" "$total_br"
