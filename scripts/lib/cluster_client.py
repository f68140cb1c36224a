"""The HTTP calls of the cluster's test scripts (scripts/lib/cluster_storm.py, cluster_races.py): one JSON
request to one base URL, answered as (status, parsed body). An error answer's body is its problem+json
(its title says why); a broken or refused connection is status 0 (a request in flight on a killed
server)."""
import json
import urllib.error
import urllib.request


def call(base, method, path, body=None, token=None, timeout=60):
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None
    except OSError:
        return 0, None
