# A webhook receiver for the notice tests that checks each signature on its own, with Python's hmac
# (not the server's libsodium): HMAC-SHA256(secret, timestamp + "." + body). Writes one file per POST
# to DIR: "valid" or "invalid", the idempotency key, then the body.
# Usage: /usr/bin/python3 webhook_sink.py PORT SECRET DIR
import hashlib
import hmac
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, SECRET, DIRECTORY = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
count = 0


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers["Content-Length"]))
        timestamp = self.headers.get("Perkara-Timestamp", "")
        expected = "v1=" + hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("Perkara-Signature", ""))
        count += 1
        tmp = os.path.join(DIRECTORY, f".{count}.tmp")
        with open(tmp, "wb") as f:
            f.write((b"valid" if valid else b"invalid") + b"\n")
            f.write(self.headers.get("Idempotency-Key", "").encode() + b"\n")
            f.write(body)
        os.rename(tmp, os.path.join(DIRECTORY, f"{count}.json"))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
