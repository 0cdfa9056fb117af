#!/usr/bin/env bash
# Uploads dist/ to the bucket made by deploy/main.tf, with the right headers per file:
#   deploy/publish.sh BUCKET DISTRIBUTION_ID [PATH_PREFIX]
# - hashed assets: cached a year, immutable;
# - the files with fixed names (index.html, the service worker sw.js, the web app manifest
#   and its icon favicon.svg): revalidated on every visit, so a new build shows at once and the
#   browser finds the new service worker, which replaces the offline copy;
# - .wasm: served as application/wasm and uploaded brotli-compressed (CloudFront does not
#   compress that type itself; every browser that runs wasm accepts brotli over HTTPS).
set -euo pipefail
bucket=$1 distribution=$2 prefix=${3:-}
cd "$(dirname "$0")/../dist"
target="s3://$bucket/$prefix"
immutable="public, max-age=31536000, immutable"

fixed=(sw.js manifest.webmanifest favicon.svg)
excludes=(--exclude index.html --exclude '*.wasm')
for f in "${fixed[@]}"; do excludes+=(--exclude "$f"); done

aws s3 sync . "$target" --delete "${excludes[@]}" --cache-control "$immutable"
for wasm in *.wasm; do
  brotli -c -q 11 "$wasm" > "/tmp/$wasm.br"
  aws s3 cp "/tmp/$wasm.br" "$target$wasm" --content-type application/wasm \
    --content-encoding br --cache-control "$immutable"
done
aws s3 cp favicon.svg "${target}favicon.svg" --content-type "image/svg+xml" --cache-control "no-cache"
aws s3 cp sw.js "${target}sw.js" --content-type "text/javascript" --cache-control "no-cache"
aws s3 cp manifest.webmanifest "${target}manifest.webmanifest" --content-type "application/manifest+json" --cache-control "no-cache"
# index.html last: it is what switches visitors to the new build.
aws s3 cp index.html "${target}index.html" --content-type "text/html; charset=utf-8" --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" \
  --paths "/${prefix}index.html" "/${prefix}" $(printf "/${prefix}%s " "${fixed[@]}")
