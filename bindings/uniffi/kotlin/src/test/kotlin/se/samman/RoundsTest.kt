package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Rounds where everyone meets someone new, through the real library: Kirkman's schoolgirls
 * walk seven days in triples and every pair of girls walks together exactly once (counted
 * here), the same seed gives the same rounds, a bad option names its field, and a plan's
 * meetings are appended to the history.
 */
class RoundsTest {
    private fun kirkman(): Instance {
        val girls = (1..15).joinToString(",") { """{"id": "girl$it"}""" }
        val rows = (1..5).joinToString(",") { """{"id": "row$it", "capacity": 3}""" }
        return Instance.fromJson("""{"version": 1, "seekers": [$girls], "providers": [$rows]}""")
    }

    @Test
    fun kirkmansSchoolgirlsMeetEveryOtherGirlOnce() {
        val plan = solveRounds(
            kirkman(),
            RoundsOptionsRecord(rounds = 7u, neverAgain = true, seed = 1uL, timeLimitSeconds = 60.0),
        )
        assertEquals(0uL, plan.repeatPairs)
        assertEquals(7, plan.rounds.size)
        val pairs = plan.rounds.flatMap { round ->
            round.groups.flatMap { group ->
                group.members.flatMap { a -> group.members.filter { it > a }.map { b -> a to b } }
            }
        }
        assertEquals(105, pairs.size)
        assertEquals(105, pairs.toSet().size)
        assertTrue(plan.json.contains("\"repeat_pairs\":0"))
    }

    @Test
    fun theSameSeedGivesTheSameRounds() {
        val options = RoundsOptionsRecord(rounds = 3u, seed = 5uL, maxIterations = 400uL)
        assertEquals(solveRounds(kirkman(), options), solveRounds(kirkman(), options))
    }

    @Test
    fun aBadOptionNamesItsField() {
        val error = assertThrows(SammanException.InvalidInput::class.java) {
            solveRounds(kirkman(), RoundsOptionsRecord(rounds = 0u))
        }
        assertEquals("options.rounds", error.problems.single().path)
    }

    @Test
    fun aRunningDinnerRoutesEveryTeam() {
        val teams = (1..9).joinToString(",") {
            """{"id": "team-$it", "location": {"lat": ${59.33 + 0.001 * it}, "lon": 18.06}}"""
        }
        val json = planRunningDinner("""{"version": 1, "teams": [$teams]}""", 1uL)
        assertTrue(json.contains("\"repeat_meetings\":0"), json)
        assertTrue(json.contains("\"route\":["), json)
    }
}
