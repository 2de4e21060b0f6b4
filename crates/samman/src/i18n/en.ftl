# samman's words in English. Every id here is in sv.ftl too (a test checks).

list-and = { $first } and { $last }

## Sheets of the coordinator's workbook
sheet-summary = Summary
sheet-lists = Lists
sheet-not-placed = Not placed
sheet-changes = Changes

## Summary
summary-title = Plan
summary-parties = Parties (seekers)
summary-people = People
summary-placed = Placed
summary-placed-value = { $parties } of { $all_parties } parties, { $people } of { $all_people } people
summary-providers = Providers
summary-taking-place = Taking place
summary-cancelled = Cancelled by a group rule
summary-not-placed = Not placed (parties)
summary-solver = Solver

## One block per provider
block-seats = Seats: { $used } of { $capacity } taken
block-know = To know: { $needs }
block-know-diets = { $diets }
block-know-languages = languages: { $languages }
block-nothing-to-know = nothing special
block-diet-count = { $count } { $diet }
block-empty = No one placed
block-cancelled = Does not take place: { $reason }

## Column headers
col-id = Id
col-people = People
col-seats = Seats
col-provider = Placed with
col-reason = Why not placed
col-suggestion = What would help
col-before = Before
col-now = Now
col-not-placed-now = no longer placed

## Why someone is not placed
reason-no-provider = No provider fits: { $rule }.
reason-seats-taken = { $feasible ->
    [one] The one provider that fits is full.
   *[other] The { $feasible } providers that fit are full.
}
reason-group = It would break a rule about the whole group: { $rules }.
reason-empty-group = { $provider } has room but does not take place: with this party alone there would be { $rules }.
reason-minimum = { $provider } needs { $minimum } people to take place; only { $count } can come.
reason-group-in-the-way = { $n ->
    [one] The one provider that fits has room, but the group there would break a rule about the whole group.
   *[other] The { $n } providers that fit have room, but each group would break a rule about the whole group.
}

## The pair rules, as a reason
rule-blocked = one side has blocked the other
rule-capacity = the party is larger than every place
rule-verification = the person needs a verified volunteer and none that fits is verified
rule-distance = every provider is too far away
rule-time = no provider is free at the same time
rule-diet = no provider can cook for the diet
rule-language = no provider shares a language
rule-topics = no provider offers the topics asked for
rule-gender_parties = an all-female and an all-male party would meet
rule-record = the record has a problem (see samman validate) and is left out
rule-readiness = no provider that fits is ready (in training, paused or not reliable enough)
rule-needs = no provider offers what the person needs
rule-accepts = no provider matches what the person accepts, or none accepts the person
rule-same = no provider shares what must be the same (such as the region)
rule-met_before = the person has met every provider that fits before
rule-several = several rules at once rule out every provider

## The group rules
group-capacity = too many people
group-minimum = too few people for the group to take place
group-newcomers = too few newcomers
group-established = too few established residents
group-lone_member = someone would be the only one of their { $attribute }
group-gender_parties = an all-female and an all-male party would meet
group-keep_apart = people to keep apart would meet
group-keep_together = people to keep together would be split
group-met_before = people who met before would share a table again
group-host_events = the host already hosts on another date

## What would help
help-none = Nothing a single change would fix; try again with more providers.
help-for-person = For the person:
help-travel = travelling { $km } km further would open { $opens }
help-date = another time ({ $window }) would open { $opens }
help-cater = if { $providers } could cook for the diet, that would open { $opens }
help-verify = verifying { $providers } would open { $opens }
help-opens = { $n ->
    [one] one provider
   *[other] { $n } providers
}

## Diets, as a host reads them
diet-vegetarian = vegetarian
diet-vegan = vegan
diet-pescatarian = pescatarian
diet-halal = halal
diet-kosher = kosher
diet-no_pork = no pork
diet-no_alcohol = no alcohol
diet-gluten_free = gluten-free
diet-lactose_free = lactose-free
diet-nut_allergy = nut allergy
diet-fish_allergy = fish allergy
diet-shellfish_allergy = shellfish allergy
diet-egg_allergy = egg allergy
diet-soy_allergy = soy allergy

## Which solver made the plan
solver-asked = { $solver }
solver-auto-optimal = { $solver } (chosen because no rule about whole groups binds)
solver-auto-groups = { $solver } (chosen because rules about whole groups bind: { $rules })
binding-minimum = a minimum size
binding-composition = the mix of newcomers and established residents
binding-gender_parties = no all-female with all-male party
binding-keep_together = people kept together
binding-keep_apart = people kept apart

## The command's explanation
explain-placed = { $seeker } is placed with { $provider }: score { $score } = { $criteria }
explain-breaks = The match breaks: { $rules }.
explain-not-placed = { $seeker } is not placed.
explain-feasible = { $feasible } of { $providers } providers pass every pair rule.
explain-excluded = { $rule }: { $n } excluded ({ $only } by this rule alone)
explain-seats = seats taken by others at { $taken }; a rule about the whole group in the way at { $group }; open { $open }
explain-expired = The verification of { $provider } expired: valid until { $until }.
explain-help = What would help: { $help }
help-more = { $n } more
binding-host_events = hosts who host once of several dates

## Progress on the terminal
progress-graph = finding who fits where
progress-search = searching for groups that hold
progress-solving = planning
progress-counting = counting who fits where
progress-evaluating = evaluating the plan
progress-rounds = planning the rounds

## The check of an instance (samman validate)
check-valid = { $file }: valid
check-errors = { $file }: { $n ->
    [one] one error
   *[other] { $n } errors
}
check-warnings = { $file }: { $n ->
    [one] one warning
   *[other] { $n } warnings
}
check-warnings-strict = { $file }: { $n ->
    [one] one warning, an error under --strict
   *[other] { $n } warnings, errors under --strict
}
check-error = error
check-warning = warning

## The summary of a plan (samman solve, samman demo)
report-solver = solver: { $solver }
report-gap = relaxation bound { $bound }, gap { $gap }%
report-placed = placed: { $parties } of { $all_parties } parties, { $people } of { $all_people } people ({ $percent }%)
report-served = served: { $fully } with every provider they want, { $partly } with some, { $not } with none
report-taking-place = taking place: { $taking } of { $providers } providers, { $cancelled } cancelled by a group rule; seats used { $used } of { $seats }
report-moves = { $n ->
    [one] one party moved from the previous plan
   *[other] { $n } parties moved from the previous plan
}
report-why-not-placed = why parties were not placed:
report-demo = samman demo: a dinner programme of { $parties } guest parties ({ $people } people) and { $providers } host dinners
report-graph = candidate graph: { $edges } feasible pairs, { $isolated } parties with none

## A plan's metrics (samman evaluate, samman compare)
percent = { $x }%
metric-of = { $part } of { $all }
metric-valid = valid
metric-yes = yes
metric-no-violations = { $n ->
    [one] no (one broken rule)
   *[other] no ({ $n } broken rules)
}
metric-parties-placed = parties placed
metric-served = served fully / partly / not
metric-served-value = { $fully } / { $partly } / { $not }
metric-people-placed = people placed
metric-providers-taking-place = providers taking place
metric-seats-used = seats used
metric-total-score = total score
metric-mean-score = mean score
metric-criterion = { $criterion } (mean, weight { $weight })
metric-with-preferences = seekers with preferences
metric-first-choice = first choice
metric-top3 = top 3
metric-mean-rank = mean rank
metric-blocking-pairs = blocking pairs
metric-justified-envy = justified envy
metric-envy-value = { $n } ({ $seekers } seekers)
metric-gini = gini of seeker scores
metric-rate-ratio = { $attribute } placement rate min/max
metric-worst-off = { $attribute } worst-off group
metric-newcomer-share = newcomer share per provider (mean)
metric-single-origin = single-origin providers
metric-lone = providers with a lone { $attribute }
metric-mixing = mixing index ({ $attribute })
metric-travel = travel km mean/median/p90/max
metric-shared-language = shared language (conversational+)
metric-repeated-pairs = repeated pairs
metric-kept-pairs = kept pairs
metric-no-shows = expected provider no-shows
metric-affected = expected people affected
metric-violation = broken rule: { $what }
metric-group = { $value } n={ $n } placed { $rate } score { $score }
metric-suppressed = smaller groups suppressed (fewer than { $k })
metric-blocking-pair = blocking pair: { $seeker } { $provider }
metric-solver = solver
metric-seconds = solve seconds
compare-size = { $seekers } seekers, { $providers } providers

## A plan's broken rules; entries of the plan count from 1
violation-unknown-seeker = plan entry { $entry }: no seeker has the id { $seeker }
violation-unknown-provider = plan entry { $entry }: no provider has the id { $provider }
violation-placed-twice = plan entry { $entry }: { $seeker } is placed a second time
violation-pair-rules = { $seeker } with { $provider } breaks { $rules }
violation-group-rules = the group at { $provider } breaks a rule about the whole group: { $rules }
violation-keep-together = keep-together set { $set } is split
violation-host-events = host { $host } has { $events } events, more than its { $max }
violation-times-overlap = { $seeker } has providers whose times overlap: { $providers }
violation-lock-not-kept = { $seeker } is locked to { $provider } but not placed there

## Rounds (samman rounds)
rounds-summary = { $rounds } rounds: { $repeats ->
    [0] no repeat pairs
    [one] one repeat pair
   *[other] { $repeats } repeat pairs
}; { $steps } search steps in { $seconds } s
rounds-summary-time-limit = { $rounds } rounds: { $repeats ->
    [0] no repeat pairs
    [one] one repeat pair
   *[other] { $repeats } repeat pairs
}, the best found in the time limit; { $steps } search steps in { $seconds } s
rounds-people = new acquaintances per person: min { $new_min } mean { $new_mean } max { $new_max }; sitting out: min { $out_min } max { $out_max }; hosting: min { $host_min } max { $host_max }
rounds-round = round { $round }:
rounds-round-dated = round { $round } ({ $date }):
rounds-hosted = { $table } hosted by { $host }
rounds-sitting-out = sitting out: { $ids }
rounds-unseated = no seat: { $seeker } ({ $why })
rounds-no-table = no table passes the pair rules
rounds-no-seat = every table they may sit at is full
rounds-broke = their table broke { $rules }
rounds-repeat = repeat: { $a } and { $b } in rounds { $rounds }
rounds-repeat-before = repeat: { $a } and { $b } in rounds { $rounds } (and before)

## A running dinner (samman running-dinner)
dinner-summary = { $teams } teams, { $courses } courses: { $repeats ->
    [one] one repeat meeting
   *[other] { $repeats } repeat meetings
}, { $uncatered ->
    [one] one uncatered guest team
   *[other] { $uncatered } uncatered guest teams
}, { $km } km in all (lower bound { $lower } km)
dinner-note = note: { $note }
dinner-team = { $team } hosts course { $course }: { $route } ({ $km } km)
dinner-change = changed: { $team } eats course { $course } at { $to } instead of { $from }

## Suggestions for a seeker (samman suggest)
suggest-none = no feasible provider for { $seeker }
suggest-line = { $rank }. { $provider }  score { $score }
suggest-free = , { $n ->
    [one] one free seat
   *[other] { $n } free seats
}
suggest-current = , placed here now
suggest-move = , would move { $ids }

## The candidate graph (samman graph)
graph-estimate = estimate: seekers { $seekers }, providers { $providers }, feasible pairs { $edges }, graph memory { $memory }
graph-over-limit = { $edges } (over the limit of { $limit })
graph-built = seekers { $seekers }, providers { $providers }, feasible pairs { $edges } (built in { $seconds } s)
graph-seeker-degree = seeker degree: min { $min } median { $median } mean { $mean } p90 { $p90 } max { $max }
graph-provider-degree = provider degree: min { $min } median { $median } mean { $mean } p90 { $p90 } max { $max }
graph-isolated = seekers with no feasible provider: { $seekers }; providers with no feasible seeker: { $providers }
graph-isolated-by-rule = seekers with no feasible provider, by the rule that alone excludes the most providers:

## Problems of an instance (samman validate); the words after a path
-left-out = this record is left out of matching
problem-version = format version { $found } is not supported (this is version { $supported })
problem-time-zone = not an IANA time zone name such as Europe/Stockholm
problem-at-least-one = must be at least 1
problem-seats-at-least-one = must be at least 1 (what the party takes of a provider's capacity)
problem-larger-than-every-capacity = { $seats } is larger than every provider's capacity (largest { $largest }); no provider can take this party
problem-priority = must be a finite number; { -left-out }
problem-minimum-above-capacity = { $minimum } is above the capacity { $capacity }; { -left-out }
problem-host-size = must be at least 1 when a host profile is given; { -left-out }
problem-host-not-named = no provider has `{ $id }` as its host: name it in a provider's `host`, as in {"{"}"id": "d1", "host": "{ $id }", "capacity": 4{"}"}
problem-weight = must be a finite number, 0 or more
problem-half-life = must be a positive number of days, such as 180
problem-distance = must be a finite number of km, 0 or more
problem-reliability = must be a number from 0 to 1, such as 0.6
problem-needs-today = needs policy.today, the date on which verifications are judged
problem-empty = must not be empty
problem-duplicate = duplicate of { $first }
problem-empty-tag = a tag must not be empty
problem-accepts-nothing = lists no value, so nobody is accepted
problem-language-code = not an ISO 639-1 language code
problem-language-twice = language listed twice
problem-diet = not a known diet (see docs/rules.md; use custom:<tag> for a programme's own)
problem-custom-diet = a custom diet needs a tag after custom:
problem-skipped-time = a wall-clock time that does not exist in { $zone }: clocks move forward then
problem-end-before-start = must be after the start
problem-weekly-end = must differ from the start (an end before the start runs past midnight)
problem-latitude = latitude must be between -90 and 90; { -left-out }
problem-longitude = longitude must be between -180 and 180; { -left-out }
problem-travel = must be a finite number of km, 0 or more; { -left-out }
problem-unknown-id = { $side ->
    [provider] unknown provider id `{ $id }`
   *[seeker] unknown seeker id `{ $id }`
}
problem-ranked-twice = { $side ->
    [provider] provider `{ $id }` ranked twice
   *[seeker] seeker `{ $id }` ranked twice
}
problem-listed-twice = { $side ->
    [provider] provider `{ $id }` listed twice
   *[seeker] seeker `{ $id }` listed twice
}
problem-unknown-host = `{ $id }` is neither a provider's host nor a provider id
problem-unknown-met = unknown id `{ $id }`: expected a seeker id or a provider's host, as in {"{"}"people": ["s1", "s2"], "date": "2026-10-04"{"}"}
problem-met-same-person = names the same person twice: a meeting is between two people
problem-set-too-small = a set needs at least two seekers
problem-apart-and-together = `{ $first }` and `{ $second }` must also be kept together
problem-locked-twice = seeker `{ $id }` is locked twice
problem-locked-beyond-wants = seeker `{ $id }` is locked twice to one provider, or to more providers than the { $wants } it wants
problem-past-window = ends before policy.today: a window for an event to come lies in the past (a mistyped year?)
problem-swapped = latitude and longitude look swapped: read the other way round, the point lies among the instance's other places
problem-far = lies far from all other places (more than ten times the median distance to their centre): check the coordinates
problem-no-shows = more no-shows than the events history records for this provider's host
invalid-instance = invalid instance: { $n } problem(s)
at-row = { $file }, row { $row }
at-cell = { $file }, row { $row }, column { $column }

## Reading a spreadsheet: the words after the file's name
sheet-at = row { $row }, column { $column }: { $message }
sheet-bad = found { $found }; expected { $expected }
form-empty-cell = an empty cell
form-whole-number = a whole number
form-decimal = a number with decimals
form-date = a date
form-text-with-digits = a text with digits
form-text = a text
expected-people = a whole number of people, such as 2
expected-km = a distance in km, such as 2.5
expected-date = a date written as 2026-08-01
expected-number = a number, such as 1.5
expected-seats = a whole number of places the party takes, such as 1
expected-wants = a whole number of providers wanted at once, such as 2
expected-yes-no = yes or no (also true/false, 1/0, ja/nej)
expected-origin = newcomer or established (nyanländ or etablerad)
expected-gender = female, male, mixed or other (kvinna, man, blandat, annat)
expected-languages = a list of code:level such as sv:native;en:fluent
expected-diets = a list of known diets such as vegan;halal (docs/rules.md)
expected-dated-window = a window such as 2026-09-05T17:00/2026-09-05T23:00
expected-window = a window such as tue 14:00-16:00 or 2026-09-05T17:00/2026-09-05T23:00
expected-latitude = a latitude in degrees, such as 59.33
expected-longitude = a longitude in degrees, such as 18.06
expected-events = a whole number of events the host takes on, such as 1
expected-capacity = a whole number of seats, such as 6
expected-kind = dinner, visit, workshop, experience, coaching or other
expected-count = a whole number, such as 3
expected-status = ready, in_training or paused
sheet-missing-while-given = missing while { $other } is given
sheet-accepts-items = expected attribute:value items such as gender:female
sheet-empty-cell = must not be empty
sheet-needs-host = needs the host in the `host` column: the limit is the host's
sheet-differs-from-row = differs from row { $first } for the same host
sheet-empty-file = the file is empty: the first row must name the columns
sheet-misspelt = looks like the column { $column } misspelt; write it { $column } (or rename it clearly if it is a column of your own)
sheet-column-twice = the column appears twice
sheet-required-column = a required column is missing
sheet-too-many-cells = the row has { $cells } cells but the header has { $header }; check for a { $delimiter ->
        [comma] comma
        [semicolon] semicolon
       *[tab] tab
    } inside a value (put such a value in quotes)
sheet-not-csv = the file cannot be read as CSV (an unclosed quote?)
sheet-no-sheet = the workbook has no sheet
sheet-first-sheet-unreadable = the first sheet of the workbook cannot be read
sheet-not-workbook = the file cannot be opened as a workbook (XLSX or ODS); save it again from the spreadsheet program
sheet-cell-error = the cell shows an error (such as #VALUE! or #DIV/0!); correct the formula or write the value
sheet-cell-error-read-back = the cell shows an error (such as #VALUE! or #DIV/0!)
sheet-cannot-read = cannot read: { $reason }
sheet-cannot-write = cannot write: { $reason }

## Reading the files a command is given
load-file = { $file }: { $message }
load-open = { $file }: cannot be opened ({ $reason })
load-no-such-file = no such file
load-permission-denied = permission denied
usage-policy-with-instance = a policy file goes with --seekers and --providers; an instance file has its own policy
usage-both = give either an instance file or --seekers and --providers, not both
usage-seekers-alone = --seekers needs --providers: the file of hosts, volunteers or groups
usage-providers-alone = --providers needs --seekers: the file of guests or participants
usage-nothing = give an instance file, or --seekers FILE and --providers FILE

## Reading a JSON file: what was found and what is expected
json-found = found { $found }
json-found-expected = found { $found }; expected { $expected }
json-found-text = a text
json-found-whole-number = a whole number
json-found-decimal = a number with decimals
json-found-boolean = true or false
json-found-list = a list
json-found-object = an object
json-found-null = null
json-found-other = a value of another kind
json-expect-whole-number = a whole number, such as 4
json-expect-signed-number = a whole number, such as -2 or 4
json-expect-number = a number, such as 2.5
json-expect-boolean = true or false
json-expect-text = a text in quotes, such as "g1"
json-expect-list = a list in square brackets, such as ["a", "b"]
json-expect-map = an object in braces, such as {"{"}"id": "g1"{"}"}
json-expect-object = an object in braces
json-not-a-date = not a real date or time; write a date as 2026-09-05 and a time as 2026-09-05T18:00
json-wrong-length = a list of the wrong length; expected { $expected }
json-not-json = not JSON here{ $rest }: a value (a number, a text in quotes, a list or an object) is expected
json-ends-early = the file ends too early: a closing bracket or brace is missing
json-trailing-comma = a comma before a closing bracket or brace: remove it
json-key-not-string = a field name must be in double quotes, such as "id"
json-at = at { $path }: { $message }
json-line = { $message } (line { $line }, column { $column })
cannot-read = cannot read { $file }: { $message }
cannot-read-instance = cannot read the instance: { $message }
json-unknown-field = unknown field `{ $field }`{ $rest }
json-missing-field = missing field `{ $field }`
json-duplicate-field = duplicate field `{ $field }`
json-unknown-variant = unknown variant{ $rest }

## The command's own failures
cli-cannot-read = cannot read { $file }: { $reason }
cli-cannot-write = cannot write { $file }: { $reason }
cli-cannot-read-key = cannot read the key file { $file }: { $reason }
cli-empty-key = the key file { $file } is empty: put a secret of at least 16 random bytes in it, for example with `head -c 32 /dev/urandom > { $file }`
cli-cannot-read-dinner = cannot read the running dinner { $file }: { $reason }
cli-plan-after-options = give the plan file to evaluate after the options
cli-instance-then-plan = give the instance file and then the plan file
cli-not-a-date = { $option }: `{ $text }` is not a date; expected YYYY-MM-DD, such as 2026-10-04
cli-cancel-needs-previous = --cancel needs --previous PLAN.json, the plan the cancellation changes
cli-positive-km = { $option } must be a positive number of km, not { $value }
cli-at-least-one = { $option } must be at least 1
cli-cannot-read-missing = cannot read { $file }: { $reason }
cli-cannot-read-denied = cannot read { $file }: { $reason }

## Errors the input can mend
error-unknown-seeker = no seeker has the id `{ $id }`
error-unknown-id = { $path }: no { $what } has the id `{ $id }`
error-limit = { $what }: { $count } is more than the limit of { $limit } (policy.limits)
error-plan = cannot read the plan: { $message }
error-history-unknown-id = { $path }: unknown { $what } id `{ $id }`: the plan must be a plan of this instance

## Running dinners: what is wrong with the input (after the path)

dinner-version = expected 1
dinner-courses = expected 2 to 12 courses, such as 3
dinner-too-few-teams = { $teams } team(s) for { $courses } courses: at least { $needed } are needed (each table a host and a guest)
dinner-empty-id = must not be empty
dinner-duplicate-id = `{ $id }` is used twice
dinner-size = must be at least 1
dinner-location = expected latitude -90 to 90 and longitude -180 to 180, such as {"{"}"lat": 59.33, "lon": 18.07{"}"}
dinner-course-number = courses are numbered 1 to { $courses }
dinner-must-host = a team must be able to host at least one course
dinner-wishes = the course wishes (cannot_host) leave no way for each of the { $courses } courses to have its [{ $hosts }] hosts
dinner-unknown-team = `{ $id }` is not a team of this dinner
dinner-route-length = expected { $courses } courses
dinner-every-team = the previous plan must route every team of the dinner

## Rounds: an option out of range (after the option's name)

rounds-option-at-least-one = must be at least 1
rounds-option-time-limit = must be a positive number of seconds, such as 10
rounds-option-too-many-people = { $people } people (seekers and hosts): rounds are planned for at most { $max }
rounds-option-dates = { $rounds } by-date rounds asked for, but the providers' dated windows fall on { $dates } date(s); give each round's providers a dated window on its date
