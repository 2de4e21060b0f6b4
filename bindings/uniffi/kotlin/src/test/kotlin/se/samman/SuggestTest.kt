package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import se.samman.core.*

/**
 * Session.suggest, the coordinator's approval screen: the best feasible providers for a
 * seeker with free seats and who would have to move, against the real library. Four parties
 * of two, dinners of four and two seats, and a halal party no kitchen caters for.
 */
class SuggestTest {
    private fun programme(): Session = Session.fromJson(
        """{"version": 1,
            "seekers": [{"id": "party-1", "party_size": 2}, {"id": "party-2", "party_size": 2},
                        {"id": "party-3", "party_size": 2}, {"id": "party-4", "party_size": 2},
                        {"id": "party-halal", "party_size": 2, "diet": ["halal"]}],
            "providers": [{"id": "dinner-big", "capacity": 4}, {"id": "dinner-small", "capacity": 2}]}"""
    )

    @Test
    fun `without a plan every feasible provider is suggested with all its seats free`() {
        val session = programme()
        val suggestions = session.suggest(null, "party-1", 10u)
        assertEquals(setOf("dinner-big", "dinner-small"), suggestions.map { it.provider }.toSet())
        val capacity = mapOf("dinner-big" to 4u, "dinner-small" to 2u)
        for (s in suggestions) {
            assertEquals(capacity[s.provider], s.freeSeats)
            assertTrue(s.displaced.isEmpty() && !s.current)
        }
        val scores = suggestions.map { it.score }
        assertEquals(scores.sortedDescending(), scores)
        assertEquals(suggestions.take(1), session.suggest(null, "party-1", 1u))
        // No kitchen caters halal: the picky party has no feasible provider at all.
        assertTrue(session.suggest(null, "party-halal", 10u).isEmpty())
    }

    @Test
    fun `against a plan free seats add up and the top suggestion can be locked`() {
        val session = programme()
        val plan = session.solve(optionsFromJson("""{"solver": "greedy"}"""))
        val seats = mapOf("dinner-big" to 4, "dinner-small" to 2)
        assertEquals(3, plan.matches.size, "six seats for four parties of two")
        for (seeker in listOf("party-1", "party-2", "party-3", "party-4")) {
            for (s in session.suggest(plan, seeker, 10u)) {
                val others = plan.matches.count { it.provider == s.provider && it.seeker != seeker }
                assertEquals(seats.getValue(s.provider) - 2 * others, s.freeSeats.toInt())
            }
        }
    }

    @Test
    fun `an unknown seeker is an unknown id at the path seeker`() {
        val error = assertThrows<SammanException.UnknownId> { programme().suggest(null, "nobody", 5u) }
        assertEquals("unknown_id", error.kind)
        assertEquals("seeker", error.path)
    }
}

/** The explanation in words comes from the core, in Swedish or English, as `samman explain` prints it. */
class ExplainTextTest {
    @Test
    fun `the volunteer to verify is named first, in both languages`() {
        val session = Session.fromJson(
            """{"version": 1,
                "seekers": [{"id": "saida", "requires_verified": true}],
                "providers": [{"id": "vol-3", "kind": "visit", "capacity": 1}]}"""
        )
        val english = session.explainText(null, "saida", "en")
        assertTrue("What would help: verifying vol-3 would open one provider" in english, english)
        val swedish = session.explainText(null, "saida", "sv")
        assertTrue("Det här skulle hjälpa: att verifiera vol-3" in swedish, swedish)
        val error = assertThrows<SammanException.InvalidInput> { session.explainText(null, "saida", "fi") }
        assertEquals("lang", error.path)
    }
}
