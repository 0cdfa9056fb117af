#!/usr/bin/env bash
# What a browser downloads from dist/: each file raw and brotli-compressed, and the total.
# With --check, fails when the brotli total exceeds the budget in ./size-budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(sed -n 's/^total_brotli_bytes=//p' size-budget)
total_raw=0; total_br=0
for f in dist/*; do
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  printf '%-45s %8d B raw %8d B brotli\n' "${f#dist/}" "$raw" "$br"
done
printf '%-45s %8d B raw %8d B brotli (budget %d)\n' "total" "$total_raw" "$total_br" "$budget"
if [ "${1:-}" = --check ] && [ "$total_br" -gt "$budget" ]; then
  echo "dist/ is $total_br B brotli, over the budget of $budget B in ./size-budget"
  exit 1
fi
