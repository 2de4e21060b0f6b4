package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

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
    private val evening = listOf(DatedWindowRecord(start = "2026-03-28T17:00", end = "2026-03-28T23:00"))
    private val swedish = LanguageRecord(code = "sv", level = LanguageLevel.NATIVE)

    private val providers = listOf(
        ProviderRecord(
            id = "dinner-anna",
            capacity = 4u,
            kind = ProviderKind.DINNER,
            hostProfile = ProfileRecord(origin = Origin.ESTABLISHED, gender = Gender.FEMALE),
            dated = listOf(DatedWindowRecord(start = "2026-03-28T18:00", end = "2026-03-28T22:00")),
            location = LocationRecord(lat = 59.3326, lon = 18.0649),
            languages = listOf(swedish, LanguageRecord(code = "en", level = LanguageLevel.FLUENT)),
            caters = listOf("halal", "vegetarian"),
        ),
        ProviderRecord(
            id = "dinner-bengt",
            capacity = 3u,
            kind = ProviderKind.DINNER,
            hostProfile = ProfileRecord(origin = Origin.ESTABLISHED, gender = Gender.MALE),
            dated = listOf(DatedWindowRecord(start = "2026-03-28T18:30", end = "2026-03-28T22:00")),
            location = LocationRecord(lat = 59.3420, lon = 18.0500),
            languages = listOf(swedish),
        ),
    )

    private fun guest(id: String, size: UInt, gender: Gender, diet: List<String>, languages: List<LanguageRecord>) =
        SeekerRecord(
            id = id,
            partySize = size,
            profile = ProfileRecord(origin = Origin.NEWCOMER, gender = gender),
            languages = languages,
            diet = diet,
            dated = evening,
            location = LocationRecord(lat = 59.3300, lon = 18.0700),
            maxTravelKm = 10.0,
        )

    private val conversationalSwedish = LanguageRecord(code = "sv", level = LanguageLevel.CONVERSATIONAL)
    private val seekers = listOf(
        guest("party-amal", 2u, Gender.FEMALE, listOf("halal"), listOf(conversationalSwedish)),
        guest("party-omar", 1u, Gender.MALE, listOf(), listOf(conversationalSwedish)),
        guest("party-lina", 1u, Gender.FEMALE, listOf("vegetarian"), listOf(LanguageRecord("en", LanguageLevel.FLUENT))),
        guest("party-kim", 3u, Gender.MIXED, listOf("vegan"), listOf(conversationalSwedish)),
    )

    private fun instance() = Instance.fromRecords(seekers, providers, PolicyRecord(rules = HardRulesRecord(genderParties = true)))

    @Test
    fun `everyone sits where the hard rules allow`() {
        instance().use { instance ->
            assertEquals(listOf<Problem>(), instance.validate())
            val plan = instance.solve(SolveOptions(solver = Solver.GREEDY))
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
        instance().use { instance ->
            val plan = instance.solve(SolveOptions())
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
        instance().use { instance ->
            val plan = instance.solve(SolveOptions())
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
    fun `the vegan party is told that only the diet rule is in the way`() {
        instance().use { instance ->
            val plan = instance.solve(SolveOptions())
            val reason = plan.unplaced.single().reason
            assertTrue(reason is UnplacedReason.NoFeasibleProvider, "$reason")
            val only = (reason as UnplacedReason.NoFeasibleProvider).only
            assertEquals(listOf(RuleCount(rule = "diet", providers = 2u)), only)

            val explanation = instance.explain(plan, "party-kim")
            assertNull(explanation.provider)
            assertEquals(0u, explanation.feasibleProviders)
            assertTrue("relaxing diet alone would open 2" in explanation.summary, explanation.summary)
            assertTrue("vegan" !in explanation.summary, "an explanation never echoes a diet")
        }
    }

    @Test
    fun `a placed party's explanation names its table and criteria`() {
        instance().use { instance ->
            val plan = instance.solve(SolveOptions())
            val explanation = instance.explain(plan, "party-amal")
            assertEquals("dinner-anna", explanation.provider)
            assertEquals(1u, explanation.feasibleProviders)
            assertEquals(plan.matches.first { it.seeker == "party-amal" }.score, explanation.score)
            assertTrue(explanation.criteria.any { it.criterion == "distance" && it.value > 0.5 })
        }
    }

    @Test
    fun `metrics count placed seekers, people and seats`() {
        instance().use { instance ->
            val metrics = instance.evaluate(instance.solve(SolveOptions()))
            assertEquals(4u, metrics.seekers)
            assertEquals(3u, metrics.seekersPlaced)
            assertEquals(7uL, metrics.people)
            assertEquals(4uL, metrics.peoplePlaced)
            assertEquals(0.75, metrics.matchRate, 1e-12)
            assertEquals(2u, metrics.providersUsed)
            assertEquals(4.0 / 7.0, metrics.seatFillRate, 1e-12)
        }
    }

    @Test
    fun `the same instance through JSON gives the same plan`() {
        instance().use { fromRecords ->
            Instance.fromJson(fromRecords.toJson()).use { fromJson ->
                assertEquals(fromRecords.seekers(), fromJson.seekers())
                assertEquals(fromRecords.solve(SolveOptions(seed = 7uL)), fromJson.solve(SolveOptions(seed = 7uL)))
            }
        }
    }

    @Test
    fun `the Kotlin default policy is the core's default policy`() {
        assertEquals(defaultPolicy(), PolicyRecord())
    }
}
