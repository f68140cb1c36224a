"""A write storm through the cluster's nginx (scripts/cluster-test): new information requests, created
by the PPID officers of two offices from several threads at once. Every answer is written to OUT as one
JSON line (status, and for a 201 the request's id and number); PROGRESS holds the count of answers so
far, for the script that injects the faults meanwhile.

    python3 scripts/lib/cluster_storm.py URL LOGINS_FILE TOTAL THREADS OUT PROGRESS
"""
import concurrent.futures
import json
import os
import sys
import threading
import urllib.error
import urllib.request

url, logins_file, total, threads, out_path, progress_path = sys.argv[1:7]
total, threads = int(total), int(threads)

# The demo logins: username, password, role, organisation.
officers = []
for line in open(logins_file, encoding="utf-8"):
    fields = line.split()
    if len(fields) == 4 and fields[2] == "ppid" and fields[3] in ("kpu-pangkalpinang", "bawaslu-babel"):
        officers.append((fields[0], fields[1], fields[3]))
if len(officers) < 2:
    sys.exit("cluster_storm: the demo logins have no PPID officers of kpu-pangkalpinang and bawaslu-babel")


def call(method, path, body=None, token=None):
    request = urllib.request.Request(url + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None
    except OSError:
        return 0, None  # connection reset or refused: the request was in flight on a killed server


tokens = {}
for username, password, office in officers:
    status, body = call("POST", "/api/v1/sessions", {"username": username, "password": password})
    if status != 201:
        sys.exit(f"cluster_storm: log in {username}: {status}")
    tokens[office] = body["token"]

lock = threading.Lock()
done = 0
out = open(out_path, "w", encoding="utf-8")


def create(i):
    global done
    office = officers[i % len(officers)][2]
    status, body = call("POST", "/api/v1/requests", {
        "respondent": office, "received_at": "2026-12-04T09:00:00+07:00", "channel": "email",
        "applicant": {"kind": "individual", "name": f"Uji Beban {i}", "email": "uji@example.id"},
        "information_requested": f"Salinan dokumen nomor {i}", "purpose": "Pemantauan", "format": "softcopy",
        "delivery_medium": "email"}, tokens[office])
    line = {"i": i, "status": status}
    if status == 201:
        line.update(id=body["id"], number=body["number"])
    with lock:
        out.write(json.dumps(line) + "\n")
        out.flush()
        done += 1
        # Replaced whole, so a reader never sees it half written.
        with open(progress_path + ".new", "w", encoding="utf-8") as p:
            p.write(str(done))
        os.replace(progress_path + ".new", progress_path)


with concurrent.futures.ThreadPoolExecutor(threads) as pool:
    list(pool.map(create, range(total)))
out.close()
