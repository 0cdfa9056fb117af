#!/usr/bin/env python3
"""A static server with the hosting recipe's response headers, for the browser tests.

    python3 serve.py PORT DIRECTORY

Every response carries the strict Content-Security-Policy; hashed assets are cached
as immutable; index.html, sw.js, the manifest and its icon are revalidated; .wasm is
served as application/wasm.
"""
import http.server
import re
import sys
from functools import partial

# The recipe's frame-ancestors is "'self' https:"; the tests serve over plain HTTP, so a
# test page on this machine's other test port may embed the lab too.
FRAME_ANCESTORS = "'self' https: http://127.0.0.1:*"
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       f"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors {FRAME_ANCESTORS}")
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$")


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


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=directory))
    server.serve_forever()
