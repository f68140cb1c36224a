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

import cluster_client

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
    return cluster_client.call(url, method, path, body, token, timeout=30)


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
