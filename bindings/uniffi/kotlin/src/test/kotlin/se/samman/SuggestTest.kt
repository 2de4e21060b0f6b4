package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * Instance.suggest, the coordinator's approval screen: the best feasible providers for a
 * seeker with free seats and who would have to move, against the real library. Expected
 * values follow from the instance: four parties of two, dinners of four and two seats, and a
 * halal party no kitchen caters for.
 */
class SuggestTest {
    private fun programme(): Instance {
        val guests = (1..4).map { SeekerRecord(id = "party-$it", partySize = 2u) }
        val dinners = listOf(
            ProviderRecord(id = "dinner-big", capacity = 4u),
            ProviderRecord(id = "dinner-small", capacity = 2u),
        )
        val picky = SeekerRecord(id = "party-halal", partySize = 2u, diet = listOf("halal"))
        return Instance.fromRecords(guests + picky, dinners, PolicyRecord())
    }

    @Test
    fun `without a plan every feasible provider is suggested with all its seats free`() {
        programme().use { instance ->
            val suggestions = instance.suggest(null, "party-1", 10u)
            assertEquals(setOf("dinner-big", "dinner-small"), suggestions.map { it.provider }.toSet())
            val capacity = mapOf("dinner-big" to 4u, "dinner-small" to 2u)
            for (s in suggestions) {
                assertEquals(capacity[s.provider], s.freeSeats)
                assertTrue(s.displaced.isEmpty() && !s.current)
                assertEquals(9, s.criteria.size)
            }
            val scores = suggestions.map { it.score }
            assertEquals(scores.sortedDescending(), scores)
            assertEquals(suggestions.take(1), instance.suggest(null, "party-1", 1u))
            // No kitchen caters halal: the picky party has no feasible provider at all.
            assertTrue(instance.suggest(null, "party-halal", 10u).isEmpty())
        }
    }

    @Test
    fun `against a plan free seats and displacements add up`() {
        programme().use { instance ->
            val plan = instance.solve(SolveOptions(solver = Solver.GREEDY))
            val seats = mapOf("dinner-big" to 4, "dinner-small" to 2)
            // Six seats for four parties of two: one party is left out and finds no free seat.
            assertEquals(3, plan.matches.size)
            var displacing = 0
            for (seeker in listOf("party-1", "party-2", "party-3", "party-4")) {
                for (s in instance.suggest(plan, seeker, 10u)) {
                    val others = plan.matches.count { it.provider == s.provider && it.seeker != seeker }
                    assertEquals(seats.getValue(s.provider) - 2 * others, s.freeSeats.toInt())
                    assertEquals(plan.matches.any { it.seeker == seeker && it.provider == s.provider },
                        s.current)
                    if (s.freeSeats >= 2u) {
                        assertTrue(s.displaced.isEmpty())
                    } else {
                        assertEquals(1, s.displaced.size, "one party of two frees the seats")
                        assertTrue(s.displaced[0] != seeker)
                        displacing += 1
                    }
                }
            }
            assertTrue(displacing >= 2, "the unplaced party would displace someone anywhere")
        }
    }

    @Test
    fun `an unknown seeker is invalid input naming the seeker`() {
        programme().use { instance ->
            val error = assertThrows<SammanException.InvalidInput> {
                instance.suggest(null, "nobody", 5u)
            }
            assertEquals(listOf("seeker"), error.problems.map { it.path })
        }
    }
}
