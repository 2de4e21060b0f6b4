#!/usr/bin/env bash
# Writes the committed seed corpus (corpus/<target>/): tiny generated instances for the JSON
# target, small spreadsheet exports for the CSV target, and fixed pseudo-random bytes for the
# targets that decode their input through `arbitrary`. Needs the samman command
# (`cargo build -p samman-cli`); pass its path as $1.
set -euo pipefail
samman=${1:?usage: make-seeds.sh path/to/samman}
cd "$(dirname "$0")"
rm -rf corpus
mkdir -p corpus/{instance_json,csv_import,optimal_vs_bruteforce,stable_no_blocking_pair,groups_no_hard_rule_broken}

compact() { python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), separators=(",", ":")))'; }
for programme in dinners visits workshops experiences coaching; do
    "$samman" generate "$programme" --size 3 --seed 1 --json | compact > "corpus/instance_json/$programme-3.json"
done
"$samman" generate dinners --size 6 --seed 2 --json | compact > corpus/instance_json/dinners-6.json
cat > corpus/instance_json/constraints.json <<'JSON'
{"version":1,"seekers":[{"id":"a","party_size":2,"preferences":["p"]},{"id":"b"},{"id":"c","blocked":["q"]}],"providers":[{"id":"p","capacity":3,"minimum":2},{"id":"q","capacity":2,"preferences":["b","a"]}],"constraints":{"keep_together":[["a","b"]],"keep_apart":[["b","c"]],"locked":[{"seeker":"c","provider":"p"}]},"policy":{"timezone":"Europe/Stockholm","composition":{"enforce":true,"no_lone":["gender"]}}}
JSON

seekers='id,party_size,origin,gender,age_band,languages,diet,availability,lat,lon,max_travel_km,topics,requires_verified,preferences,waiting_since,extra.region
g1,2,newcomer,mixed,30-44,ar:native;sv:conversational,halal;no_alcohol,2026-09-05T17:00/2026-09-05T23:00,59.33,18.06,5,,no,d1;v1,2026-08-01,east
o1,,established,female,85+,sv:native,,tue 14:00-16:00;fri 10:00-12:00,59.34,18.07,,company;walk,yes,,,'
providers='id,kind,host,capacity,minimum,host_origin,host_gender,host_size,availability,lat,lon,languages,caters,topics,verified,completed,no_show
d1,dinner,h1,6,2,established,female,2,2026-09-05T18:00/2026-09-05T22:00,59.33,18.07,sv:native;en:fluent,halal;vegan;no_alcohol,,,3,0
v1,visit,,2,,,,,tuesday 13:00-17:00,59.34,18.08,sv:native,,company,true,12,1'
plan='seeker,provider,seats,score
g1,d1,2,1.5
o1,v1,1,0.75'
{ printf '\0'; echo "$seekers"; } > corpus/csv_import/seekers.csv
{ printf '\1'; echo "$providers"; } > corpus/csv_import/providers.csv
{ printf '\2'; echo "$plan"; } > corpus/csv_import/plan.csv
{ printf '\3'; echo "$seekers"; printf '\377'; echo "$providers"; } > corpus/csv_import/instance.csv

# Fixed pseudo-random bytes (a linear congruential stream), the same on every machine.
bytes() {
    python3 -c "
import sys
x = $1
out = bytearray()
for _ in range($2):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    out.append(x >> 56)
sys.stdout.buffer.write(bytes(out))"
}
for target in optimal_vs_bruteforce stable_no_blocking_pair groups_no_hard_rule_broken; do
    for seed in 1 2 3 4; do
        bytes "$seed" $((48 * seed)) > "corpus/$target/seed-$seed"
    done
done
