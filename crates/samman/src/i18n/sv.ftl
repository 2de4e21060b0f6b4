# samman på svenska. Varje id här finns också i en.ftl (ett test kontrollerar).

list-and = { $first } och { $last }

## Flikarna i samordnarens arbetsbok
sheet-summary = Sammanfattning
sheet-lists = Listor
sheet-not-placed = Inte placerade
sheet-changes = Ändringar

## Sammanfattning
summary-title = Plan
summary-parties = Sällskap (sökande)
summary-people = Personer
summary-placed = Placerade
summary-placed-value = { $parties } av { $all_parties } sällskap, { $people } av { $all_people } personer
summary-providers = Värdar och grupper
summary-taking-place = Blir av
summary-cancelled = Inställda av en gruppregel
summary-not-placed = Inte placerade (sällskap)
summary-solver = Lösare

## Ett block per värd
block-seats = Platser: { $used } av { $capacity } tagna
block-know = Bra att veta: { $needs }
block-know-diets = { $diets }
block-know-languages = språk: { $languages }
block-nothing-to-know = inget särskilt
block-diet-count = { $count } { $diet }
block-empty = Ingen placerad
block-cancelled = Blir inte av: { $reason }

## Kolumnrubriker
col-id = Id
col-people = Personer
col-seats = Platser
col-provider = Placerad hos
col-reason = Varför inte placerad
col-suggestion = Vad som skulle hjälpa
col-before = Förut
col-now = Nu
col-not-placed-now = inte längre placerad

## Varför någon inte är placerad
reason-no-provider = Ingen värd passar: { $rule }.
reason-seats-taken = { $feasible ->
    [one] Den enda värd som passar är full.
   *[other] De { $feasible } värdar som passar är fulla.
}
reason-group = Det skulle bryta en regel för hela gruppen: { $rules }.
reason-empty-group = { $provider } har plats men blir inte av: med bara det här sällskapet blir det { $rules }.
reason-minimum = { $provider } behöver { $minimum } personer för att bli av; bara { $count } kan komma.
reason-group-in-the-way = { $n ->
    [one] Den enda värd som passar har plats, men gruppen där skulle bryta en regel för hela gruppen.
   *[other] De { $n } värdar som passar har plats, men varje grupp skulle bryta en regel för hela gruppen.
}

## Parreglerna, som orsak
rule-blocked = någon av dem har blockerat den andra
rule-capacity = sällskapet är större än alla platser
rule-verification = personen behöver en verifierad volontär och ingen som passar är verifierad
rule-distance = alla värdar är för långt bort
rule-time = ingen värd kan samma tid
rule-diet = ingen värd kan laga maten som behövs
rule-language = ingen värd har ett gemensamt språk
rule-topics = ingen värd erbjuder de ämnen som önskas
rule-gender_parties = ett sällskap med bara kvinnor och ett med bara män skulle mötas
rule-record = uppgifterna har ett fel (se samman validate) och lämnas utanför
rule-readiness = ingen värd som passar är redo (under utbildning, pausad eller inte tillräckligt pålitlig)
rule-needs = ingen värd erbjuder det personen behöver
rule-accepts = ingen värd passar det personen godtar, eller ingen godtar personen
rule-same = ingen värd har det som måste vara lika (till exempel regionen)
rule-met_before = personen har redan träffat alla värdar som passar
rule-several = flera regler tillsammans utesluter alla värdar

## Gruppreglerna
group-capacity = för många personer
group-minimum = för få personer för att gruppen ska bli av
group-newcomers = för få nyanlända
group-established = för få etablerade
group-lone_member = någon skulle vara ensam om sitt värde för { $attribute }
group-gender_parties = ett sällskap med bara kvinnor och ett med bara män skulle mötas
group-keep_apart = personer som ska hållas isär skulle mötas
group-keep_together = personer som ska vara tillsammans skulle delas
group-met_before = personer som redan har träffats skulle sitta vid samma bord igen
group-host_events = värden är redan värd ett annat datum
## Vad som skulle hjälpa
help-none = Ingen enskild ändring räcker; prova igen med fler värdar.
help-for-person = För personen:
help-travel = att resa { $km } km längre skulle öppna { $opens }
help-date = en annan tid ({ $window }) skulle öppna { $opens }
help-cater = om { $providers } kunde laga maten skulle det öppna { $opens }
help-verify = att verifiera { $providers } skulle öppna { $opens }
help-opens = { $n ->
    [one] en värd
   *[other] { $n } värdar
}

## Koster, som en värd läser dem
diet-vegetarian = vegetarisk
diet-vegan = vegansk
diet-pescatarian = pescetarian
diet-halal = halal
diet-kosher = kosher
diet-no_pork = fläskfri
diet-no_alcohol = alkoholfri
diet-gluten_free = glutenfri
diet-lactose_free = laktosfri
diet-nut_allergy = nötallergi
diet-fish_allergy = fiskallergi
diet-shellfish_allergy = skaldjursallergi
diet-egg_allergy = äggallergi
diet-soy_allergy = sojaallergi

## Vilken lösare som gjorde planen
solver-asked = { $solver }
solver-auto-optimal = { $solver } (vald eftersom ingen regel för hela grupper spelar in)
solver-auto-groups = { $solver } (vald eftersom regler för hela grupper spelar in: { $rules })
binding-minimum = en minsta storlek
binding-composition = blandningen av nyanlända och etablerade
binding-gender_parties = inget sällskap med bara kvinnor tillsammans med ett med bara män
binding-keep_together = personer som hålls ihop
binding-keep_apart = personer som hålls isär

## Kommandots förklaring
explain-placed = { $seeker } är placerad hos { $provider }: poäng { $score } = { $criteria }
explain-breaks = Matchningen bryter mot: { $rules }.
explain-not-placed = { $seeker } är inte placerad.
explain-feasible = { $feasible } av { $providers } värdar klarar alla parregler.
explain-excluded = { $rule }: { $n } uteslutna ({ $only } bara av den här regeln)
explain-seats = platserna tagna av andra hos { $taken }; en regel för hela gruppen i vägen hos { $group }; lediga { $open }
explain-expired = Verifieringen av { $provider } har gått ut: giltig till { $until }.
explain-help = Det här skulle hjälpa: { $help }
help-more = { $n } till
binding-host_events = värdar som är värd ett av flera datum

## Förlopp i terminalen
progress-graph = tar reda på vem som passar var
progress-search = söker grupper som håller
progress-solving = planerar
progress-counting = räknar vem som passar var
progress-evaluating = utvärderar planen
progress-rounds = planerar omgångarna

## Kontrollen av en instans (samman validate)
check-valid = { $file }: inga fel
check-errors = { $file }: { $n ->
    [one] ett fel
   *[other] { $n } fel
}
check-warnings = { $file }: { $n ->
    [one] en varning
   *[other] { $n } varningar
}
check-warnings-strict = { $file }: { $n ->
    [one] en varning, ett fel med --strict
   *[other] { $n } varningar, fel med --strict
}
check-error = fel
check-warning = varning

## Sammanfattningen av en plan (samman solve, samman demo)
report-solver = lösare: { $solver }
report-gap = relaxationsgräns { $bound }, gap { $gap } %
report-placed = placerade: { $parties } av { $all_parties } sällskap, { $people } av { $all_people } personer ({ $percent } %)
report-served = fått det de önskar: { $fully } med alla värdar de önskar, { $partly } med några, { $not } med ingen
report-taking-place = blir av: { $taking } av { $providers } värdar, { $cancelled } inställda av en gruppregel; platser använda { $used } av { $seats }
report-moves = { $n ->
    [one] ett sällskap flyttat från den förra planen
   *[other] { $n } sällskap flyttade från den förra planen
}
report-why-not-placed = varför sällskap inte placerades:
report-demo = samman demo: ett middagsprogram med { $parties } gästsällskap ({ $people } personer) och { $providers } värdmiddagar
report-graph = möjliga par: { $edges }, { $isolated } sällskap utan något

## En plans mått (samman evaluate, samman compare)
percent = { $x } %
metric-of = { $part } av { $all }
metric-valid = giltig
metric-yes = ja
metric-no-violations = { $n ->
    [one] nej (en bruten regel)
   *[other] nej ({ $n } brutna regler)
}
metric-parties-placed = placerade sällskap
metric-served = fått allt / delvis / inget
metric-served-value = { $fully } / { $partly } / { $not }
metric-people-placed = placerade personer
metric-providers-taking-place = värdar som blir av
metric-seats-used = använda platser
metric-total-score = total poäng
metric-mean-score = medelpoäng
metric-criterion = { $criterion } (medel, vikt { $weight })
metric-with-preferences = sökande med önskemål
metric-first-choice = förstahandsval
metric-top3 = bland de tre första
metric-mean-rank = medelplacering i önskelistan
metric-blocking-pairs = blockerande par
metric-justified-envy = befogad avund
metric-envy-value = { $n } ({ $seekers } sökande)
metric-gini = gini för de sökandes poäng
metric-rate-ratio = { $attribute }: andel placerade, lägsta/högsta
metric-worst-off = { $attribute }: sämst ställda grupp
metric-newcomer-share = andel nyanlända per värd (medel)
metric-single-origin = värdar med ett enda ursprung
metric-lone = värdar med en ensam { $attribute }
metric-mixing = blandningsindex ({ $attribute })
metric-travel = resa km medel/median/p90/max
metric-shared-language = gemensamt språk (samtalsnivå eller bättre)
metric-repeated-pairs = par som möts igen
metric-kept-pairs = behållna par
metric-no-shows = förväntade värdar som uteblir
metric-affected = förväntat antal berörda personer
metric-violation = bruten regel: { $what }
metric-group = { $value } n={ $n } placerade { $rate } poäng { $score }
metric-suppressed = mindre grupper utelämnade (färre än { $k })
metric-blocking-pair = blockerande par: { $seeker } { $provider }
metric-solver = lösare
metric-seconds = sekunder
compare-size = { $seekers } sökande, { $providers } värdar

## En plans brutna regler; planens rader räknas från 1
violation-unknown-seeker = planens rad { $entry }: ingen sökande har id:t { $seeker }
violation-unknown-provider = planens rad { $entry }: ingen värd har id:t { $provider }
violation-placed-twice = planens rad { $entry }: { $seeker } är placerad en gång till
violation-pair-rules = { $seeker } hos { $provider } bryter mot { $rules }
violation-group-rules = gruppen hos { $provider } bryter en regel för hela gruppen: { $rules }
violation-keep-together = grupp { $set } som ska hållas ihop är delad
violation-host-events = värden { $host } har { $events } tillfällen, fler än sina { $max }
violation-times-overlap = { $seeker } har värdar vars tider överlappar: { $providers }
violation-lock-not-kept = { $seeker } är låst till { $provider } men inte placerad där

## Omgångar (samman rounds)
rounds-summary = { $rounds } omgångar: { $repeats ->
    [0] inga par som möts igen
    [one] ett par som möts igen
   *[other] { $repeats } par som möts igen
}; { $steps } söksteg på { $seconds } s
rounds-summary-time-limit = { $rounds } omgångar: { $repeats ->
    [0] inga par som möts igen
    [one] ett par som möts igen
   *[other] { $repeats } par som möts igen
}, det bästa som hittades inom tidsgränsen; { $steps } söksteg på { $seconds } s
rounds-people = nya bekanta per person: minst { $new_min } medel { $new_mean } högst { $new_max }; står över: minst { $out_min } högst { $out_max }; är värd: minst { $host_min } högst { $host_max }
rounds-round = omgång { $round }:
rounds-round-dated = omgång { $round } ({ $date }):
rounds-hosted = { $table } med { $host } som värd
rounds-sitting-out = står över: { $ids }
rounds-unseated = ingen plats: { $seeker } ({ $why })
rounds-no-table = inget bord klarar parreglerna
rounds-no-seat = alla bord personen kan sitta vid är fulla
rounds-broke = bordet bröt mot { $rules }
rounds-repeat = möts igen: { $a } och { $b } i omgång { $rounds }
rounds-repeat-before = möts igen: { $a } och { $b } i omgång { $rounds } (och tidigare)

## En löpande middag (samman running-dinner)
dinner-summary = { $teams } lag, { $courses } rätter: { $repeats ->
    [one] ett återseende
   *[other] { $repeats } återseenden
}, { $uncatered ->
    [one] ett gästlag utan mat
   *[other] { $uncatered } gästlag utan mat
}, { $km } km totalt (nedre gräns { $lower } km)
dinner-note = obs: { $note }
dinner-team = { $team } är värd för rätt { $course }: { $route } ({ $km } km)
dinner-change = ändrat: { $team } äter rätt { $course } hos { $to } i stället för hos { $from }

## Förslag för en sökande (samman suggest)
suggest-none = ingen värd passar { $seeker }
suggest-line = { $rank }. { $provider }  poäng { $score }
suggest-free = , { $n ->
    [one] en ledig plats
   *[other] { $n } lediga platser
}
suggest-current = , placerad här nu
suggest-move = , skulle flytta { $ids }

## Grafen över möjliga par (samman graph)
graph-estimate = uppskattning: sökande { $seekers }, värdar { $providers }, möjliga par { $edges }, minne för grafen { $memory }
graph-over-limit = { $edges } (över gränsen { $limit })
graph-built = sökande { $seekers }, värdar { $providers }, möjliga par { $edges } (byggd på { $seconds } s)
graph-seeker-degree = möjliga värdar per sökande: minst { $min } median { $median } medel { $mean } p90 { $p90 } högst { $max }
graph-provider-degree = möjliga sökande per värd: minst { $min } median { $median } medel { $mean } p90 { $p90 } högst { $max }
graph-isolated = sökande utan möjlig värd: { $seekers }; värdar utan möjlig sökande: { $providers }
graph-isolated-by-rule = sökande utan möjlig värd, efter den regel som ensam utesluter flest värdar:

## Fel i en instans (samman validate); orden efter en sökväg
-left-out = den här posten lämnas utanför matchningen
problem-version = formatversion { $found } stöds inte (det här är version { $supported })
problem-time-zone = inte ett IANA-tidszonsnamn som Europe/Stockholm
problem-at-least-one = måste vara minst 1
problem-seats-at-least-one = måste vara minst 1 (antalet platser sällskapet tar hos en värd)
problem-larger-than-every-capacity = { $seats } är fler platser än någon värd har (som mest { $largest }); ingen värd kan ta emot sällskapet
problem-priority = måste vara ett ändligt tal; { -left-out }
problem-minimum-above-capacity = { $minimum } är fler än värdens { $capacity } platser; { -left-out }
problem-host-size = måste vara minst 1 när en värdprofil anges; { -left-out }
problem-host-not-named = ingen värd har `{ $id }` i fältet `host`: skriv det i en värds `host`, som i {"{"}"id": "d1", "host": "{ $id }", "capacity": 4{"}"}
problem-weight = måste vara ett ändligt tal, 0 eller mer
problem-half-life = måste vara ett positivt antal dagar, till exempel 180
problem-distance = måste vara ett ändligt antal km, 0 eller mer
problem-reliability = måste vara ett tal från 0 till 1, till exempel 0.6
problem-needs-today = behöver policy.today, det datum då verifieringar bedöms
problem-empty = får inte vara tomt
problem-duplicate = dubblett av { $first }
problem-empty-tag = en tagg får inte vara tom
problem-accepts-nothing = anger inget värde, så ingen godtas
problem-language-code = inte en språkkod enligt ISO 639-1
problem-language-twice = språket står två gånger
problem-diet = inte en känd kost (se docs/rules.md; skriv custom:<tagg> för programmets egna)
problem-custom-diet = en egen kost behöver en tagg efter custom:
problem-skipped-time = ett klockslag som inte finns i { $zone }: klockan ställs fram då
problem-end-before-start = måste vara efter starten
problem-weekly-end = måste skilja sig från starten (ett slut före starten går över midnatt)
problem-latitude = latituden måste vara mellan -90 och 90; { -left-out }
problem-longitude = longituden måste vara mellan -180 och 180; { -left-out }
problem-travel = måste vara ett ändligt antal km, 0 eller mer; { -left-out }
problem-unknown-id = { $side ->
    [provider] ingen värd har id:t `{ $id }`
   *[seeker] ingen sökande har id:t `{ $id }`
}
problem-ranked-twice = { $side ->
    [provider] värden `{ $id }` är rangordnad två gånger
   *[seeker] den sökande `{ $id }` är rangordnad två gånger
}
problem-listed-twice = { $side ->
    [provider] värden `{ $id }` står två gånger
   *[seeker] den sökande `{ $id }` står två gånger
}
problem-unknown-host = `{ $id }` är varken en värds `host` eller id:t för en värd
problem-unknown-met = okänt id `{ $id }`: här ska stå id:t för en sökande eller en värds `host`, som i {"{"}"people": ["s1", "s2"], "date": "2026-10-04"{"}"}
problem-met-same-person = anger samma person två gånger: ett möte är mellan två personer
problem-set-too-small = en grupp behöver minst två sökande
problem-apart-and-together = `{ $first }` och `{ $second }` ska också hållas ihop
problem-locked-twice = den sökande `{ $id }` är låst två gånger
problem-locked-beyond-wants = den sökande `{ $id }` är låst två gånger till samma värd, eller till fler värdar än de { $wants } den önskar
problem-past-window = slutar före policy.today: en tid för ett kommande tillfälle ligger i det förflutna (fel årtal?)
problem-swapped = latitud och longitud verkar ha bytt plats: lästa åt andra hållet hamnar punkten bland instansens övriga platser
problem-far = ligger långt från alla andra platser (mer än tio gånger medianavståndet till deras mittpunkt): kontrollera koordinaterna
problem-no-shows = fler uteblivna tillfällen (no_show) än historiken har tillfällen för den här värdens `host`
invalid-instance = ogiltig instans: { $n ->
    [one] ett fel
   *[other] { $n } fel
}
at-row = { $file }, rad { $row }
at-cell = { $file }, rad { $row }, kolumn { $column }

## Att läsa ett kalkylark: orden efter filens namn
sheet-at = rad { $row }, kolumn { $column }: { $message }
sheet-bad = här står { $found }; skriv { $expected }
form-empty-cell = en tom cell
form-whole-number = ett heltal
form-decimal = ett decimaltal
form-date = ett datum
form-text-with-digits = en text med siffror
form-text = en text
expected-people = ett helt antal personer, till exempel 2
expected-km = ett avstånd i km, till exempel 2,5
expected-date = ett datum som 2026-08-01
expected-number = ett tal, till exempel 1,5
expected-seats = ett helt antal platser som sällskapet tar, till exempel 1
expected-wants = ett helt antal värdar eller volontärer som önskas samtidigt, till exempel 2
expected-yes-no = ja eller nej (även true/false, 1/0, yes/no)
expected-origin = nyanländ eller etablerad (newcomer eller established)
expected-gender = kvinna, man, blandat eller annat (female, male, mixed, other)
expected-languages = en lista med kod:nivå, till exempel sv:native;en:fluent
expected-diets = en lista med kända koster, till exempel vegan;halal (docs/rules.md)
expected-dated-window = en tid som 2026-09-05T17:00/2026-09-05T23:00
expected-window = en tid som tue 14:00-16:00 eller 2026-09-05T17:00/2026-09-05T23:00
expected-latitude = en latitud i grader, till exempel 59,33
expected-longitude = en longitud i grader, till exempel 18,06
expected-events = ett helt antal tillfällen som värden tar på sig, till exempel 1
expected-capacity = ett helt antal platser, till exempel 6
expected-kind = dinner, visit, workshop, experience, coaching eller other
expected-count = ett heltal, till exempel 3
expected-status = ready, in_training eller paused
sheet-missing-while-given = saknas fast { $other } är ifylld
sheet-accepts-items = skriv egenskap:värde, till exempel gender:female
sheet-empty-cell = får inte vara tom
sheet-needs-host = behöver värden i kolumnen `host`: gränsen gäller värden
sheet-differs-from-row = skiljer sig från rad { $first } för samma värd
sheet-empty-file = filen är tom: första raden ska ange kolumnerna
sheet-misspelt = ser ut att vara kolumnen { $column } felstavad; skriv { $column } (eller ge den ett tydligt annat namn om det är en egen kolumn)
sheet-column-twice = kolumnen finns två gånger
sheet-required-column = en kolumn som krävs saknas
sheet-too-many-cells = raden har { $cells } celler men rubrikraden har { $header }; kontrollera om { $delimiter ->
        [comma] ett kommatecken
        [semicolon] ett semikolon
       *[tab] ett tabbtecken
    } står inne i ett värde (sätt i så fall värdet inom citattecken)
sheet-not-csv = filen kan inte läsas som CSV (ett citattecken som inte stängs?)
sheet-no-sheet = arbetsboken har inget blad
sheet-first-sheet-unreadable = arbetsbokens första blad kan inte läsas
sheet-not-workbook = filen kan inte öppnas som arbetsbok (XLSX eller ODS); spara den igen från kalkylprogrammet
sheet-cell-error = cellen visar ett fel (som #VÄRDEFEL! eller #DIVISION/0!); rätta formeln eller skriv in värdet
sheet-cell-error-read-back = cellen visar ett fel (som #VÄRDEFEL! eller #DIVISION/0!)
sheet-cannot-read = kan inte läsas: { $reason }
sheet-cannot-write = kan inte skrivas: { $reason }

## Att läsa filerna ett kommando får
load-file = { $file }: { $message }
load-open = { $file }: kan inte öppnas ({ $reason })
load-no-such-file = filen finns inte
load-permission-denied = behörighet saknas
usage-policy-with-instance = en policyfil hör ihop med --seekers och --providers; en instansfil har sin egen policy
usage-both = ange antingen en instansfil eller --seekers och --providers, inte båda
usage-seekers-alone = --seekers behöver --providers: filen med värdar, volontärer eller grupper
usage-providers-alone = --providers behöver --seekers: filen med gäster eller deltagare
usage-nothing = ange en instansfil, eller --seekers FIL och --providers FIL

## Att läsa en JSON-fil: vad som står och vad som ska stå
json-found = här står { $found }
json-found-expected = här står { $found }; skriv { $expected }
json-found-text = en text
json-found-whole-number = ett heltal
json-found-decimal = ett decimaltal
json-found-boolean = true eller false
json-found-list = en lista
json-found-object = ett objekt
json-found-null = null
json-found-other = ett värde av ett annat slag
json-expect-whole-number = ett heltal, till exempel 4
json-expect-signed-number = ett heltal, till exempel -2 eller 4
json-expect-number = ett tal, till exempel 2.5
json-expect-boolean = true eller false
json-expect-text = en text inom citattecken, till exempel "g1"
json-expect-list = en lista inom hakparenteser, till exempel ["a", "b"]
json-expect-map = ett objekt inom klammerparenteser, till exempel {"{"}"id": "g1"{"}"}
json-expect-object = ett objekt inom klammerparenteser
json-not-a-date = inte ett verkligt datum eller klockslag; skriv ett datum som 2026-09-05 och en tid som 2026-09-05T18:00
json-wrong-length = en lista med fel längd; förväntat: { $expected }
json-not-json = inte JSON här{ $rest }: här ska stå ett värde (ett tal, en text inom citattecken, en lista eller ett objekt)
json-ends-early = filen tar slut för tidigt: en avslutande hakparentes eller klammerparentes saknas
json-trailing-comma = ett kommatecken före en avslutande hakparentes eller klammerparentes: ta bort det
json-key-not-string = ett fältnamn ska stå inom dubbla citattecken, till exempel "id"
json-at = vid { $path }: { $message }
json-line = { $message } (rad { $line }, kolumn { $column })
cannot-read = kan inte läsa { $file }: { $message }
cannot-read-instance = kan inte läsa instansen: { $message }
json-unknown-field = okänt fält `{ $field }`; fälten som finns är { $allowed }
json-missing-field = fältet `{ $field }` saknas
json-duplicate-field = fältet `{ $field }` står två gånger
json-unknown-variant = okänt namn; namnen som finns är { $allowed }

## Kommandots egna fel
cli-cannot-read = kan inte läsa { $file }: { $reason }
cli-cannot-write = kan inte skriva { $file }: { $reason }
cli-cannot-read-key = kan inte läsa nyckelfilen { $file }: { $reason }
cli-empty-key = nyckelfilen { $file } är tom: lägg en hemlighet på minst 16 slumpmässiga byte i den, till exempel med `head -c 32 /dev/urandom > { $file }`
cli-cannot-read-dinner = kan inte läsa den löpande middagen { $file }: { $reason }
cli-plan-after-options = ange planfilen som ska utvärderas efter flaggorna
cli-instance-then-plan = ange instansfilen och sedan planfilen
cli-not-a-date = { $option }: `{ $text }` är inte ett datum; skriv ÅÅÅÅ-MM-DD, till exempel 2026-10-04
cli-cancel-needs-previous = --cancel behöver --previous PLAN.json, planen som inställningen ändrar
cli-positive-km = { $option } måste vara ett positivt antal km, inte { $value }
cli-at-least-one = { $option } måste vara minst 1
cli-cannot-read-missing = kan inte läsa { $file }: filen finns inte
cli-cannot-read-denied = kan inte läsa { $file }: behörighet saknas

## Fel som går att rätta i indata
error-unknown-seeker = ingen sökande har id:t `{ $id }`
error-unknown-id = { $path }: { $what ->
    [provider] ingen värd
   *[seeker] ingen sökande
} har id:t `{ $id }`
error-limit = { $kind ->
    [seekers] sökande
    [providers] värdar
    [edges] möjliga par
   *[other] { $what }
}: { $count } är fler än gränsen { $limit } (policy.limits)
error-plan = kan inte läsa planen: { $message }
error-history-unknown-id = { $path }: { $what ->
    [provider] ingen värd
   *[seeker] ingen sökande
} har id:t `{ $id }`: planen måste vara en plan för den här instansen

## Running dinners: what is wrong with the input (after the path)

dinner-version = förväntade 1
dinner-courses = förväntade 2 till 12 rätter, till exempel 3
dinner-too-few-teams = { $teams } lag för { $courses } rätter: minst { $needed } behövs (varje bord har en värd och en gäst)
dinner-empty-id = får inte vara tomt
dinner-duplicate-id = `{ $id }` används två gånger
dinner-size = måste vara minst 1
dinner-location = förväntade latitud -90 till 90 och longitud -180 till 180, till exempel {"{"}"lat": 59.33, "lon": 18.07{"}"}
dinner-course-number = rätterna numreras 1 till { $courses }
dinner-must-host = ett lag måste kunna vara värd för minst en rätt
dinner-wishes = önskemålen om rätter (cannot_host) gör att inte var och en av de { $courses } rätterna kan få sina [{ $hosts }] värdar
dinner-unknown-team = `{ $id }` är inte ett lag i den här middagen
dinner-route-length = förväntade { $courses } rätter
dinner-every-team = den tidigare planen måste ge varje lag i middagen en rutt

## Rounds: an option out of range (after the option's name)

rounds-option-at-least-one = måste vara minst 1
rounds-option-time-limit = måste vara ett positivt antal sekunder, till exempel 10
rounds-option-too-many-people = { $people } personer (deltagare och värdar): omgångar planeras för högst { $max }
rounds-option-dates = { $rounds } omgångar per datum efterfrågades, men värdarnas daterade tider infaller på { $dates } datum; ge varje omgångs värdar en daterad tid på sitt datum
