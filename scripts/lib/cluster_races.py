"""Races between the two servers of a scripts/cluster, each on its own Galera node (scripts/cluster-test,
docs/deploy.md). Sent to the servers directly (not through nginx), so the two requests of a race are
certain to run on different nodes.

  (a) ROUNDS fresh information requests, each answered (`respond`) at the same moment through server 1
      and server 2: exactly one answer 200, the other 409 (the state moved on), 412 or 503 (still a
      conflict after the router's retries); on every node the request has exactly one `respond` event.
  (b) ROUNDS pairs of submitted disputes at ki-babel, one registered through each server at the same
      moment: every acknowledged register number is stored with its dispute on every node, and on every
      node the numbers of this year's register are unique and gapless (1, 2, ... n: the sequence is per
      KI per year, docs/dispute-workflow.md).

    python3 scripts/lib/cluster_races.py CLUSTER_DIR SERVER1_URL SERVER2_URL ROUNDS

Exit status 1 if a check fails. Prints one summary line per check to stderr.
"""
import collections
import datetime
import os
import subprocess
import sys
import threading

from cluster_client import call

cluster_dir, url1, url2, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
servers = (url1, url2)


def log(text):
    print("cluster-races: " + text, file=sys.stderr)


def node_rows(node, sql):
    out = subprocess.run(["mariadb", "--no-defaults", f"--socket={cluster_dir}/node{node}/mariadbd.sock", "-uroot",
                          "-N", "perkara", "-e", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def why(status, body):
    """A refusal as status and problem title, for the summary."""
    return f"{status} {body.get('title', '') if isinstance(body, dict) else ''}".strip()


def race(calls):
    """Runs each (base, method, path, body, token) at the same moment, one thread each; the answers."""
    barrier = threading.Barrier(len(calls))
    answers = [None] * len(calls)

    def run(i):
        barrier.wait()
        answers[i] = call(*calls[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


logins = {}
for line in open(os.path.join(cluster_dir, "demo-logins.txt"), encoding="utf-8"):
    fields = line.split()
    if len(fields) == 4:
        logins[(fields[2], fields[3])] = (fields[0], fields[1])


def token_of(role, organisation):
    username, password = logins[(role, organisation)]
    status, body = call(url1, "POST", "/api/v1/sessions", {"username": username, "password": password})
    if status != 201:
        sys.exit(f"cluster-races: log in {username}: {status}")
    return body["token"]


ok = True
ppid = token_of("ppid", "kpu-pangkalpinang")  # a session made on one server is used on both
registrar = token_of("registrar", "ki-babel")
now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7)))

# (a) One request answered from both servers at once.
answer = {"decision": "granted", "reasons": "", "responded_at": (now - datetime.timedelta(minutes=1)).isoformat(timespec="seconds")}
received = (now - datetime.timedelta(hours=1)).isoformat(timespec="seconds")
outcomes = collections.Counter()
reasons = collections.Counter()
ids = []
for i in range(rounds):
    status, body = call(url1, "POST", "/api/v1/requests", {
        "respondent": "kpu-pangkalpinang", "received_at": received, "channel": "email",
        "applicant": {"kind": "individual", "name": f"Uji Balapan {i}", "email": "uji@example.id"},
        "information_requested": f"Salinan dokumen balapan {i}", "purpose": "Pemantauan", "format": "softcopy",
        "delivery_medium": "email"}, ppid)
    if status != 201:
        sys.exit(f"cluster-races: create request {i}: {status}")
    ids.append(body["id"])
    path = f"/api/v1/requests/{body['id']}/actions/respond"
    answers = race([(base, "POST", path, answer, ppid) for base in servers])
    codes = sorted(s for s, _ in answers)
    outcomes[tuple(codes)] += 1
    reasons.update(why(s, b) for s, b in answers if s != 200)
    if codes[0] != 200 or codes[1] not in (409, 412, 503):
        ok = False
log("(a) answers of the two servers per request: " +
    ", ".join(f"{'+'.join(map(str, k))}: {v}" for k, v in sorted(outcomes.items())) +
    "; refusals: " + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())))
in_list = ",".join(f"'{i}'" for i in ids)
for node in (1, 2, 3):
    counts = dict(node_rows(node, "SELECT case_id, COUNT(*) FROM case_events WHERE action = 'respond' AND case_id IN "
                                  f"({in_list}) GROUP BY case_id"))
    once = sum(1 for i in ids if counts.get(i) == "1")
    log(f"(a) node {node}: {once} of {len(ids)} requests have exactly one answer event")
    ok = ok and once == len(ids)

# (b) Two disputes at one KI registered from both servers at once.
day = now.date()
application = {
    "chronology": {"request_date": str(day - datetime.timedelta(days=40)),
                   "ppid_response_date": str(day - datetime.timedelta(days=35)),
                   "objection_date": str(day - datetime.timedelta(days=30)),
                   "objection_response_date": str(day - datetime.timedelta(days=10))},
    "applicant": {"kind": "individual", "name": "Budi Santoso", "id_number": "1971010101010001",
                  "address": "Jl. Merdeka No. 1, Pangkalpinang", "email": "budi@example.id", "phone": "081234567890"},
    "respondent": "kpu-pangkalpinang", "information_requested": "Salinan formulir C1 TPS 005",
    "reasons": "Permohonan tidak dipenuhi", "grounds": ["e"], "petitum": ["Memerintahkan termohon memberikan salinan C1"],
    "attachments": ["request_letter", "request_receipt", "ppid_response", "objection_letter", "objection_receipt",
                    "atasan_response", "identity_document"]}
acked = {}
outcomes = collections.Counter()
reasons = collections.Counter()
for i in range(rounds):
    pair = []
    for _ in servers:
        status, body = call(url1, "POST", "/api/v1/disputes", application, registrar)
        if status != 201:
            sys.exit(f"cluster-races: submit dispute: {status}")
        pair.append(body["id"])
    answers = race([(base, "POST", f"/api/v1/disputes/{id}/actions/register", {}, registrar)
                    for base, id in zip(servers, pair)])
    for id, (status, body) in zip(pair, answers):
        outcomes[status] += 1
        if status == 200:
            acked[id] = body["register_number"]
        else:
            reasons[why(status, body)] += 1
            ok = ok and status == 503
log("(b) registrations by status: " + " ".join(f"{k}:{v}" for k, v in sorted(outcomes.items())) +
    "; refusals: " + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())))
numbers = set(acked.values())
years = {n.rsplit("/", 1)[1] for n in numbers}
for node in (1, 2, 3):
    stored = dict(node_rows(node, "SELECT id, register_number FROM disputes WHERE ki = 'ki-babel' AND "
                                  "register_number IS NOT NULL"))
    present = sum(1 for id, number in acked.items() if stored.get(id) == number)
    # This year's register (the number's last part), as stored on the node; the sequence leads.
    seqs = sorted(int(n.split("/", 1)[0]) for n in stored.values() if n.rsplit("/", 1)[1] in years)
    unique, gapless = len(seqs) == len(set(seqs)), seqs == list(range(1, len(seqs) + 1))
    log(f"(b) node {node}: {present} of {len(acked)} acknowledged numbers present; register of {'/'.join(sorted(years))}: "
        f"{len(seqs)} numbers, {'unique' if unique else 'DUPLICATES'}, {'gapless' if gapless else 'GAPS'}")
    ok = ok and present == len(acked) and unique and gapless
sys.exit(0 if ok else 1)
