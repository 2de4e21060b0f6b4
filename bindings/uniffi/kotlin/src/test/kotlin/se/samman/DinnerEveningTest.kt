package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import se.samman.core.*

/**
 * One dinner evening in Stockholm, built from Kotlin records, planned by the real library.
 *
 * Anna (a woman) cooks halal and vegetarian and speaks Swedish and English; Bengt (a man)
 * caters for no diet and speaks Swedish only. Amal's party eats halal, Lina is vegetarian and
 * speaks English only, so both can only sit at Anna's. Omar is a man alone: with Anna the table
 * would seat an all-male party with an all-female one (the host counts), so he can only sit at
 * Bengt's. Kim's party is vegan, which nobody caters for.
 */
class DinnerEveningTest {
    private val evening = listOf(DatedWindow(start = "2026-03-28T17:00", end = "2026-03-28T23:00"))
    private val swedish = LanguageSkill(code = "sv", level = Level.NATIVE)

    private val providers = listOf(
        Provider(
            id = "dinner-anna",
            capacity = 4u,
            kind = ProviderKind.DINNER,
            hostProfile = Profile(origin = Origin.ESTABLISHED, gender = Gender.FEMALE),
            availability = Availability(dated = listOf(DatedWindow(start = "2026-03-28T18:00", end = "2026-03-28T22:00"))),
            location = Location(lat = 59.3326, lon = 18.0649),
            languages = listOf(swedish, LanguageSkill(code = "en", level = Level.FLUENT)),
            caters = listOf("halal", "vegetarian"),
        ),
        Provider(
            id = "dinner-bengt",
            capacity = 3u,
            kind = ProviderKind.DINNER,
            hostProfile = Profile(origin = Origin.ESTABLISHED, gender = Gender.MALE),
            availability = Availability(dated = listOf(DatedWindow(start = "2026-03-28T18:30", end = "2026-03-28T22:00"))),
            location = Location(lat = 59.3420, lon = 18.0500),
            languages = listOf(swedish),
        ),
    )

    private fun guest(id: String, size: UInt, gender: Gender, diet: List<String>, languages: List<LanguageSkill>) =
        Seeker(
            id = id,
            partySize = size,
            profile = Profile(origin = Origin.NEWCOMER, gender = gender),
            languages = languages,
            diet = diet,
            availability = Availability(dated = evening),
            location = Location(lat = 59.3300, lon = 18.0700),
            maxTravelKm = 10.0,
        )

    private val conversationalSwedish = LanguageSkill(code = "sv", level = Level.CONVERSATIONAL)
    private val seekers = listOf(
        guest("party-amal", 2u, Gender.FEMALE, listOf("halal"), listOf(conversationalSwedish)),
        guest("party-omar", 1u, Gender.MALE, listOf(), listOf(conversationalSwedish)),
        guest("party-lina", 1u, Gender.FEMALE, listOf("vegetarian"), listOf(LanguageSkill("en", Level.FLUENT))),
        guest("party-kim", 3u, Gender.MIXED, listOf("vegan"), listOf(conversationalSwedish)),
    )

    private val policy = defaultPolicy().let { it.copy(rules = it.rules.copy(genderParties = true)) }
    private val dinnerEvening = Instance(seekers = seekers, providers = providers, policy = policy)

    private fun session() = Session(dinnerEvening)

    @Test
    fun `everyone sits where the hard rules allow`() {
        assertEquals(listOf<Problem>(), validate(dinnerEvening))
        session().use { session ->
            val plan = session.solve(defaultOptions().copy(solver = SolverKind.GREEDY))
            val seats = plan.matches.associate { it.seeker to it.provider }
            assertEquals(
                mapOf("party-amal" to "dinner-anna", "party-lina" to "dinner-anna", "party-omar" to "dinner-bengt"),
                seats,
            )
            assertEquals(4uL, plan.peoplePlaced)
            assertEquals(listOf("party-kim"), plan.unplaced.map { it.seeker })
            assertTrue(plan.cancelled.isEmpty())
        }
    }

    @Test
    fun `no table serves a diet its kitchen does not cater for`() {
        session().use { session ->
            val plan = session.solve(defaultOptions())
            val caters = providers.associate { it.id to it.caters.toSet() }
            val diet = seekers.associate { it.id to it.diet.toSet() }
            for (match in plan.matches) {
                val missing = diet.getValue(match.seeker) - caters.getValue(match.provider)
                assertTrue(missing.isEmpty(), "${match.seeker} at ${match.provider} misses $missing")
            }
        }
    }

    @Test
    fun `no all-female party shares a table with an all-male one, the host counting`() {
        session().use { session ->
            val plan = session.solve(defaultOptions())
            val genderOf = seekers.associate { it.id to it.profile.gender }
            for (provider in providers) {
                val table = plan.matches.filter { it.provider == provider.id }.map { genderOf.getValue(it.seeker) } +
                    provider.hostProfile?.gender
                assertTrue(
                    !(Gender.FEMALE in table && Gender.MALE in table),
                    "${provider.id} seats an all-female and an all-male party: $table",
                )
            }
        }
    }

    @Test
    fun `the vegan party is told that only the diet rule is in the way, and what would open it`() {
        session().use { session ->
            val plan = session.solve(defaultOptions())
            val reason = plan.unplaced.single().reason
            assertTrue(reason is Reason.NoFeasibleProvider, "$reason")
            assertEquals(listOf(RuleCount(rule = Rule.DIET, providers = 2uL)), (reason as Reason.NoFeasibleProvider).only)

            val explanation = session.explain(plan, listOf("party-kim")).single()
            assertNull(explanation.placed)
            assertEquals(0uL, explanation.feasible)
            assertEquals(Rule.DIET, explanation.mostLimiting)
            // The core's relaxations reach Kotlin: asking both kitchens to cater opens both.
            val diet = explanation.relaxations.single { it.rule == Rule.DIET }
            assertEquals(2uL, diet.opens)
            assertEquals(Change.CaterFor(providers = listOf("dinner-anna", "dinner-bengt")), diet.change)
            assertTrue("vegan" !in diet.description, "an explanation never echoes a diet")
        }
    }

    @Test
    fun `a placed party's explanation names its table and the criteria behind the score`() {
        session().use { session ->
            val plan = session.solve(defaultOptions())
            val explanation = session.explain(plan, listOf("party-amal")).single()
            val placed = explanation.placed!!
            assertEquals("dinner-anna", placed.provider)
            assertEquals(1uL, explanation.feasible)
            assertEquals(plan.matches.first { it.seeker == "party-amal" }.score, placed.score, 1e-9)
            assertTrue(placed.contributions.any { it.criterion == Criterion.DISTANCE && it.value > 0.5 })
        }
    }

    @Test
    fun `metrics are the core's, seats counted over every provider`() {
        session().use { session ->
            val report = session.evaluate(session.solve(defaultOptions()), defaultMetricsOptions())
            assertTrue(report.validity.valid)
            val placement = report.placement
            assertEquals(4uL, placement.parties)
            assertEquals(3uL, placement.partiesPlaced)
            assertEquals(7uL, placement.people)
            assertEquals(4uL, placement.peoplePlaced)
            assertEquals(2uL, placement.providersTakingPlace)
            // The core's seat rate: people placed over every provider's seats (4 + 3).
            assertEquals(4.0 / 7.0, placement.seatRate!!, 1e-12)
        }
    }

    @Test
    fun `the same instance through JSON gives the same plan`() {
        session().use { fromRecords ->
            Session.fromJson(instanceToJson(dinnerEvening)).use { fromJson ->
                assertEquals(dinnerEvening, fromJson.instance())
                val options = defaultOptions().copy(seed = 7uL)
                assertEquals(planToJson(fromRecords.solve(options)), planToJson(fromJson.solve(options)))
            }
        }
    }

    @Test
    fun `weights, history, locks and a previous plan reach the core`() {
        val history = History(meetings = listOf(Meeting(seeker = "party-amal", host = "dinner-anna")))
        val weights = policy.weights.copy(continuity = 5.0)
        val instance = dinnerEvening.copy(policy = policy.copy(weights = weights), history = history)
        Session(instance).use { session ->
            val locked = defaultOptions().copy(locked = listOf(Pair(seeker = "party-lina", provider = "dinner-anna")))
            val plan = session.solve(locked)
            assertEquals("dinner-anna", plan.matches.single { it.seeker == "party-lina" }.provider)
            assertTrue(plan.matches.single { it.seeker == "party-amal" }.breakdown.continuity > 0f)

            val again = session.solve(defaultOptions().copy(previous = plan.matches.map { Pair(it.seeker, it.provider) }))
            assertTrue(again.moves.isEmpty(), "${again.moves}")
            // Amal's party sat at Bengt's in the previous plan, which has no halal kitchen: the
            // core reports the move of her two people.
            val moved = session.solve(defaultOptions().copy(previous = listOf(Pair("party-amal", "dinner-bengt"))))
            assertEquals(listOf(Move(seeker = "party-amal", from = "dinner-bengt", to = "dinner-anna", people = 2u)), moved.moves)

            val error = assertThrows<SammanException.UnknownId> {
                session.solve(defaultOptions().copy(locked = listOf(Pair(seeker = "nobody", provider = "dinner-anna"))))
            }
            assertEquals("unknown_id", error.kind)
            assertEquals("options.locked[0].seeker", error.path)
        }
    }
}
