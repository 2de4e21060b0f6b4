package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Bad input reaches Kotlin as a typed exception naming each offending field, never a crash. */
class BadInputTest {
    private fun paths(error: SammanException.InvalidInput) = error.problems.map { it.path }

    @Test
    fun `malformed JSON names the place where reading stopped`() {
        val error = assertThrows<SammanException.InvalidInput> {
            Instance.fromJson("""{"version": 1, "seekers": [{"id": "a", """)
        }
        val problem = error.problems.single()
        assertTrue("line 1" in problem.message, problem.message)
    }

    @Test
    fun `a field of the wrong type is named by its path`() {
        val error = assertThrows<SammanException.InvalidInput> {
            Instance.fromJson("""{"version": 1, "seekers": [{"id": "a", "party_size": "two"}]}""")
        }
        assertEquals(listOf("seekers[0].party_size"), paths(error))
    }

    @Test
    fun `out-of-range values are every one reported with its path`() {
        val seeker = SeekerRecord(id = "party-1", location = LocationRecord(lat = 91.0, lon = 18.0))
        val provider = ProviderRecord(id = "dinner-1", capacity = 0u)
        Instance.fromRecords(listOf(seeker), listOf(provider), PolicyRecord()).use { instance ->
            val problems = instance.validate().map { it.path }
            assertEquals(listOf("providers[0].capacity"), problems)
            // A problem of one record is a warning: that record is left out, the rest planned.
            assertEquals(listOf("seekers[0].location.lat"), instance.warnings().map { it.path })

            val error = assertThrows<SammanException.InvalidInput> { instance.solve(SolveOptions()) }
            assertEquals(problems, paths(error))
        }
    }

    @Test
    fun `an unreadable date fails when the instance is built`() {
        val seeker = SeekerRecord(
            id = "party-1",
            dated = listOf(DatedWindowRecord(start = "tomorrow evening", end = "2026-03-28T22:00")),
        )
        val error = assertThrows<SammanException.InvalidInput> {
            Instance.fromRecords(listOf(seeker), listOf(), PolicyRecord(today = "28/03/2026"))
        }
        assertEquals(listOf("seekers[0].availability.dated[0].start", "policy.today"), paths(error))
    }

    @Test
    fun `an instance over its limits raises LimitExceeded`() {
        val seekers = listOf(SeekerRecord(id = "a"), SeekerRecord(id = "b"))
        val policy = PolicyRecord(limits = LimitsRecord(maxSeekers = 1uL))
        Instance.fromRecords(seekers, listOf(ProviderRecord(id = "p", capacity = 2u)), policy).use { instance ->
            val error = assertThrows<SammanException.LimitExceeded> { instance.solve(SolveOptions()) }
            assertTrue("seekers: 2 is more than the limit of 1" in error.detail, error.detail)
        }
    }

    @Test
    fun `a plan from another instance is refused with paths`() {
        val plan = PlanRecord(
            solver = Solver.GREEDY,
            matches = listOf(MatchRecord(seeker = "ghost", provider = "nowhere", seats = 1u, score = 1.0)),
            unplaced = listOf(),
            cancelled = listOf(),
            totalScore = 1.0,
            peoplePlaced = 1uL,
        )
        Instance.fromRecords(listOf(), listOf(), PolicyRecord()).use { instance ->
            val error = assertThrows<SammanException.InvalidInput> { instance.evaluate(plan) }
            assertEquals(listOf("plan.matches[0].seeker", "plan.matches[0].provider"), paths(error))
        }
    }

    @Test
    fun `a panic inside samman raises Internal and the library keeps working`() {
        val error = assertThrows<SammanException.Internal> { panicForTests("deliberate") }
        assertEquals("deliberate", error.detail)
        // The process did not abort, and the library still answers.
        Instance.fromRecords(listOf(SeekerRecord(id = "a")), listOf(ProviderRecord(id = "p", capacity = 1u)), PolicyRecord())
            .use { instance -> assertEquals(1, instance.solve(SolveOptions()).matches.size) }
    }
}
