"""Turn every rule of issue 13 on in a generated dinners instance, deterministically (for the
all-rules figures in BENCHMARKS.md): hosts with max_events 1, 1 provider in 20 in training,
min_reliability 0.3 after 2 events, verifications dated and valid 365 days, needs and offers,
the same region on both sides, accepts filters, seats.

Usage: python3 benches/all_rules.py < medium.json > medium-all-rules.json
"""
import json, sys
d = json.load(sys.stdin)
hosts = sorted({p["host"] for p in d["providers"] if p.get("host")})
d["hosts"] = [{"id": h, "max_events": 1} for h in hosts]
for i, p in enumerate(d["providers"]):
    if i % 20 == 7: p["status"] = "in_training"
    p["offers"] = ["step_free"] + (["hearing_loop"] if i % 3 == 0 else [])
    p.setdefault("host_profile", {}).setdefault("extra", {})["region"] = "north" if p["location"]["lat"] > 59.33 else "south"
    p["accepts"] = {"origin": ["newcomer", "established"]} if i % 4 == 0 else {}
    if p.get("verification") is not None:
        p["verification"] = {"verified": True, "verified_on": "2026-01-0%d" % (1 + i % 9)}
for i, s in enumerate(d["seekers"]):
    if i % 10 == 0: s["needs"] = ["step_free"]
    if i % 25 == 0: s["needs"] = ["hearing_loop"]
    s.setdefault("profile", {}).setdefault("extra", {})["region"] = "north" if s["location"]["lat"] > 59.33 else "south"
    if i % 7 == 0: s["accepts"] = {"gender": ["female", "male"]}
    s["seats"] = max(1, s.get("party_size", 1))
r = d["policy"]["rules"]
r["min_reliability"] = 0.3
r["reliability_min_events"] = 2
r["verification_valid_days"] = 365
r["same"] = ["region"]
json.dump(d, sys.stdout)
