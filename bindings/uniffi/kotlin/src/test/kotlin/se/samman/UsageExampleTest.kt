package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

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
        val guests = SeekerRecord(id = "party-1", partySize = 2u, diet = listOf("halal"))
        val dinner = ProviderRecord(id = "dinner-1", capacity = 4u, caters = listOf("halal", "vegetarian"))
        Instance.fromRecords(listOf(guests), listOf(dinner), PolicyRecord()).use { instance ->
            val plan = instance.solve(SolveOptions(solver = Solver.GREEDY))
            for (match in plan.matches) println("${match.seeker} -> ${match.provider}")
            println(instance.explain(plan, "party-1").summary)
        }
        try {
            Instance.fromJson("""{"version": 1, "providers": [{"id": "dinner-2", "capacity": 0}]}""").use { it.solve(SolveOptions()) }
        } catch (e: SammanException.InvalidInput) {
            for (problem in e.problems) println("${problem.path}: ${problem.message}")
        }
        // docs/mobile.md: end

        assertEquals("party-1 -> dinner-1", lines[0])
        assertEquals(true, lines[1].startsWith("party-1 is placed with dinner-1"), lines[1])
        assertEquals("providers[0].capacity: must be at least 1", lines[2])
        assertEquals(3, lines.size)
    }
}
