#!/usr/bin/env bash
# What a browser downloads from dist/: each file raw and brotli-compressed, the total, and what
# the first page needs (everything but the files only the IaC drift page fetches: its HCL
# parser's web worker). With --check, fails when either brotli figure exceeds its budget in
# ./size-budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(sed -n 's/^total_brotli_bytes=//p' size-budget)
first_budget=$(sed -n 's/^first_page_brotli_bytes=//p' size-budget)
later='^(hcl-loader\.js|cloud-lab-hcl-worker\.js|cloud-lab-hcl-worker_bg\.wasm)$'
total_raw=0; total_br=0; first_br=0
for f in dist/*; do
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
  name=${f#dist/}
  [[ $name =~ $later ]] || first_br=$((first_br + br))
  printf '%-45s %8d B raw %8d B brotli\n' "$name" "$raw" "$br"
done
printf '%-45s %8d B raw %8d B brotli (budget %d)\n' "total" "$total_raw" "$total_br" "$budget"
printf '%-45s %8s         %8d B brotli (budget %d)\n' "the first page (all but the HCL worker)" "" "$first_br" "$first_budget"
if [ "${1:-}" = --check ]; then
  if [ "$total_br" -gt "$budget" ]; then
    echo "dist/ is $total_br B brotli, over the budget of $budget B in ./size-budget"
    exit 1
  fi
  if [ "$first_br" -gt "$first_budget" ]; then
    echo "the first page needs $first_br B brotli, over the budget of $first_budget B in ./size-budget"
    exit 1
  fi
fi
