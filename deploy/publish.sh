#!/usr/bin/env bash
# Uploads dist/ to the bucket made by deploy/main.tf, with the right headers per file:
#   deploy/publish.sh BUCKET DISTRIBUTION_ID [PATH_PREFIX]
# - hashed assets (every file but index.html): cached a year, immutable;
# - index.html: revalidated on every visit, so a new build shows at once;
# - .wasm: served as application/wasm and uploaded brotli-compressed (CloudFront does not
#   compress that type itself; every browser that runs wasm accepts brotli over HTTPS).
set -euo pipefail
bucket=$1 distribution=$2 prefix=${3:-}
cd "$(dirname "$0")/../dist"
target="s3://$bucket/$prefix"
immutable="public, max-age=31536000, immutable"

aws s3 sync . "$target" --delete --exclude index.html --exclude '*.wasm' --cache-control "$immutable"
for wasm in *.wasm; do
  brotli -c -q 11 "$wasm" > "/tmp/$wasm.br"
  aws s3 cp "/tmp/$wasm.br" "$target$wasm" --content-type application/wasm \
    --content-encoding br --cache-control "$immutable"
done
aws s3 cp index.html "${target}index.html" --content-type "text/html; charset=utf-8" --cache-control "no-cache"
aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/${prefix}index.html" "/${prefix}"
