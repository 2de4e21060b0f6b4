package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import se.samman.core.*

/** Bad input reaches Kotlin as a typed exception with the core's kind and path, never a crash. */
class BadInputTest {
    private fun paths(error: SammanException.InvalidInput) = error.problems.map { it.path }

    @Test
    fun `malformed JSON names the place where reading stopped`() {
        val error = assertThrows<SammanException.InvalidInput> {
            Session.fromJson("""{"version": 1, "seekers": [{"id": "a", """)
        }
        assertEquals("invalid_input", error.kind)
        assertTrue("line 1" in error.problems.single().message, error.problems.single().message)
    }

    @Test
    fun `a field of the wrong type is named by its path`() {
        val error = assertThrows<SammanException.InvalidInput> {
            instanceFromJson("""{"version": 1, "seekers": [{"id": "a", "party_size": "two"}]}""")
        }
        assertEquals("seekers[0].party_size", error.path)
        assertEquals(listOf("seekers[0].party_size"), paths(error))
    }

    @Test
    fun `out-of-range values are every one reported with its path, record problems as warnings`() {
        val seeker = Seeker(id = "party-1", location = Location(lat = 91.0, lon = 18.0))
        val provider = Provider(id = "dinner-1", capacity = 0u, kind = ProviderKind.DINNER)
        val instance = Instance(seekers = listOf(seeker), providers = listOf(provider), policy = defaultPolicy())
        val problems = validate(instance).map { it.path }
        assertEquals(listOf("providers[0].capacity"), problems)
        // A problem of one record is a warning: that record is left out, the rest planned.
        assertEquals(listOf("seekers[0].location.lat"), warnings(instance).map { it.path })

        val error = assertThrows<SammanException.InvalidInput> { Session(instance) }
        assertEquals(problems, paths(error))
        assertEquals(problems.first(), error.path)
    }

    @Test
    fun `an unreadable date fails the call as invalid input, naming what was expected`() {
        val seeker = Seeker(
            id = "party-1",
            availability = Availability(dated = listOf(DatedWindow(start = "tomorrow evening", end = "2026-03-28T22:00"))),
        )
        val error = assertThrows<SammanException.InvalidInput> {
            Session(Instance(seekers = listOf(seeker), policy = defaultPolicy()))
        }
        assertEquals("invalid_input", error.kind)
        assertTrue("tomorrow" !in error.detail, "the text read is never echoed: ${error.detail}")
        assertTrue("2026-03-28T18:00" in error.detail, error.detail)
    }

    @Test
    fun `an instance over its limits raises LimitExceeded with the limit's path`() {
        val seekers = listOf(Seeker(id = "a"), Seeker(id = "b"))
        val policy = defaultPolicy().let { it.copy(limits = it.limits.copy(maxSeekers = 1uL)) }
        val instance = Instance(seekers = seekers, providers = listOf(Provider(id = "p", capacity = 2u, kind = ProviderKind.OTHER)), policy = policy)
        val error = assertThrows<SammanException.LimitExceeded> { Session(instance) }
        assertEquals("limit_exceeded", error.kind)
        assertEquals("policy.limits.max_seekers", error.path)
        assertTrue("seekers: 2 is more than the limit of 1" in error.detail, error.detail)
    }

    @Test
    fun `explaining an unknown seeker raises UnknownId`() {
        Session(Instance(seekers = listOf(Seeker(id = "a")), policy = defaultPolicy())).use { session ->
            val error = assertThrows<SammanException.UnknownId> { session.explain(null, listOf("ghost")) }
            assertEquals("unknown_id", error.kind)
            assertEquals("seeker", error.path)
        }
    }

    @Test
    fun `a plan from another instance is reported as violations, not figures`() {
        val plan = Pairs(matches = listOf(Pair(seeker = "ghost", provider = "nowhere")))
        Session(Instance(policy = defaultPolicy())).use { session ->
            val report = session.evaluatePlan(plan, defaultMetricsOptions())
            assertEquals(false, report.validity.valid)
            assertEquals(
                listOf(Violation.UnknownSeeker(entry = 0uL, seeker = "ghost"), Violation.UnknownProvider(entry = 0uL, provider = "nowhere")),
                report.validity.violations,
            )
        }
    }

    @Test
    fun `a panic inside samman raises Internal and the library keeps working`() {
        val error = assertThrows<SammanException.Internal> { panicForTests("deliberate") }
        assertEquals("deliberate", error.detail)
        assertEquals("internal", error.kind)
        // The process did not abort, and the library still answers.
        val instance = Instance(seekers = listOf(Seeker(id = "a")), providers = listOf(Provider(id = "p", capacity = 1u, kind = ProviderKind.OTHER)), policy = defaultPolicy())
        Session(instance).use { session -> assertEquals(1, session.solve(defaultOptions()).matches.size) }
    }
}
