#!/usr/bin/env python3
"""A static server with the hosting recipe's response headers, for the browser tests.

    python3 serve.py PORT DIRECTORY [--cdn]

Every response carries the strict Content-Security-Policy; hashed assets are cached
as immutable; index.html, sw.js, the manifest and its icon are revalidated; .wasm is
served as application/wasm.

With --cdn it serves the way a browser meets CloudFront (for Lighthouse): over HTTPS, with a
throwaway self-signed certificate (browsers ask for brotli only over HTTPS), and text files of
1,000 bytes to 10 MB brotli-compressed when the browser accepts it, else gzip.
"""
import gzip
import http.server
import os
import re
import ssl
import subprocess
import sys
import tempfile
from functools import lru_cache, partial

# The recipe's frame-ancestors is "'self' https:"; the tests serve over plain HTTP, so a
# test page on this machine's other test port may embed the lab too.
FRAME_ANCESTORS = "'self' https: http://127.0.0.1:*"
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       f"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors {FRAME_ANCESTORS}")
HASHED = re.compile(r"-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        path = self.path.split("?", 1)[0]
        if HASHED.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        pass


class CdnHandler(Handler):
    COMPRESSIBLE = re.compile(r"\.(html|css|js|wasm|svg|json|webmanifest|txt)$")

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        encoding = "br" if "br" in accepted else "gzip" if "gzip" in accepted else None
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        if not (encoding and self.COMPRESSIBLE.search(path) and 1_000 <= size <= 10_000_000):
            return super().do_GET()
        body = compressed(path, os.path.getmtime(path), encoding)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@lru_cache(maxsize=None)
def compressed(path, _mtime, encoding):
    with open(path, "rb") as f:
        raw = f.read()
    if encoding == "gzip":
        return gzip.compress(raw, 6)
    return subprocess.run(["brotli", "-c", "-q", "11"], input=raw, capture_output=True, check=True).stdout


def warm_up(directory):
    """Compresses every file before the first request, as a CDN's cache would have it."""
    for folder, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(folder, name)
            if CdnHandler.COMPRESSIBLE.search(path) and os.path.getsize(path) >= 1_000:
                for encoding in ("br", "gzip"):
                    compressed(path, os.path.getmtime(path), encoding)


def self_signed_tls():
    folder = tempfile.mkdtemp()
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


if __name__ == "__main__":
    port, directory, cdn = int(sys.argv[1]), sys.argv[2], "--cdn" in sys.argv[3:]
    if cdn:
        warm_up(directory)
    handler = partial(CdnHandler if cdn else Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    if cdn:
        server.socket = self_signed_tls().wrap_socket(server.socket, server_side=True)
    server.serve_forever()
