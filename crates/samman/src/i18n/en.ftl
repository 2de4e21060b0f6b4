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
