package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import se.samman.core.*

/**
 * The Kotlin example of docs/mobile.md, run as a test. scripts/check.d/30-kotlin.sh checks that
 * the lines between the markers are exactly the ```kotlin block of the document.
 */
class UsageExampleTest {
    @Test
    fun `the example of docs mobile md runs`() {
        val lines = mutableListOf<String>()
        fun println(line: String) = lines.add(line)

        // docs/mobile.md: begin
        val guests = Seeker(id = "party-1", partySize = 2u, diet = listOf("halal"))
        val dinner = Provider(id = "dinner-1", capacity = 4u, kind = ProviderKind.DINNER, status = ProviderStatus.READY, caters = listOf("halal", "vegetarian"))
        val instance = Instance(seekers = listOf(guests), providers = listOf(dinner), policy = defaultPolicy())
        Session(instance).use { session ->
            val plan = session.solve(defaultOptions().copy(solver = SolverKind.GREEDY))
            for (match in plan.matches) println("${match.seeker} -> ${match.provider}")
            val report = session.evaluate(plan, defaultMetricsOptions())
            println("people placed: ${report.placement.peoplePlaced} of ${report.placement.people}")
            val why = session.explain(plan, listOf("party-1")).single()
            println("feasible providers: ${why.feasible}")
        }
        try {
            Session.fromJson("""{"version": 1, "providers": [{"id": "dinner-2", "capacity": 0}]}""")
        } catch (e: SammanException.InvalidInput) {
            for (problem in e.problems) println("${problem.path}: ${problem.message}")
        }
        // docs/mobile.md: end

        assertEquals("party-1 -> dinner-1", lines[0])
        assertEquals("people placed: 2 of 2", lines[1])
        assertEquals("feasible providers: 1", lines[2])
        assertEquals("providers[0].capacity: must be at least 1", lines[3])
        assertEquals(4, lines.size)
    }
}
