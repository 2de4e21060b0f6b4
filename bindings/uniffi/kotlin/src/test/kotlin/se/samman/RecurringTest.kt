package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import se.samman.core.*

/**
 * Programmes that recur, through the real library: rounds where everyone meets someone new
 * (counted here from the tables, not taken from the plan's own figures), a plan's meetings
 * appended to the history, and a running dinner's routes.
 */
class RecurringTest {
    private fun tables(people: Int, tables: Int, seats: UInt) = Instance(
        seekers = (1..people).map { Seeker(id = "p$it") },
        providers = (1..tables).map { Provider(id = "t$it", capacity = seats, kind = ProviderKind.OTHER) },
        policy = defaultPolicy(),
    )

    /** Times each pair of people shares a table across the rounds. */
    private fun pairCounts(plan: RoundsPlan): Map<kotlin.Pair<String, String>, Int> {
        val counts = mutableMapOf<kotlin.Pair<String, String>, Int>()
        for (round in plan.rounds) {
            for (group in round.groups) {
                val people = group.members.sorted()
                for (i in people.indices) {
                    for (j in i + 1 until people.size) {
                        val pair = people[i] to people[j]
                        counts[pair] = (counts[pair] ?: 0) + 1
                    }
                }
            }
        }
        return counts
    }

    @Test
    fun `Kirkman's fifteen schoolgirls walk seven days without walking twice with anyone`() {
        Session(tables(15, 5, 3u)).use { session ->
            val plan = session.solveRounds(defaultRoundsOptions().copy(rounds = 7u, seed = 1uL))
            assertEquals(0uL, plan.repeatPairs)
            assertEquals(7, plan.rounds.size)
            for (round in plan.rounds) {
                assertEquals((1..15).map { "p$it" }.toSet(), round.groups.flatMap { it.members }.toSet())
                assertTrue(round.groups.all { it.members.size == 3 })
            }
            val counts = pairCounts(plan)
            // 7 days × 5 triples × 3 pairs = 105 = 15·14/2: every pair exactly once.
            assertEquals(105, counts.size)
            assertTrue(counts.values.all { it == 1 })
        }
    }

    @Test
    fun `the same seed gives the same rounds, and the JSON is the command's format`() {
        Session(tables(24, 6, 4u)).use { session ->
            val options = RoundsOptions(rounds = 5u, providers = RoundProviders.SAME, seed = 9uL, maxIterations = 500uL)
            val first = session.solveRounds(options)
            // Equal but for the seconds the search took, which the JSON leaves out.
            val json = roundsPlanToJson(first)
            assertEquals(json, roundsPlanToJson(session.solveRounds(options)))
            assertTrue(json.startsWith("{\"rounds\":[{\"round\":1,\"groups\":[{\"provider\":"), json)
        }
    }

    @Test
    fun `an option out of range is refused with the option as its path`() {
        Session(tables(6, 2, 3u)).use { session ->
            val error = assertThrows<SammanException.InvalidInput> {
                session.solveRounds(defaultRoundsOptions().copy(rounds = 0u))
            }
            assertEquals("rounds", error.path)
        }
    }

    @Test
    fun `history added from a plan holds every pair at each table and no other`() {
        val instance = tables(9, 3, 3u)
        Session(instance).use { session ->
            val plan = session.solve(defaultOptions())
            val next = session.addHistory(plan, "2026-10-04")
            val expected = plan.matches.groupBy({ it.provider }, { it.seeker }).values.flatMap { table ->
                val people = table.sorted()
                people.indices.flatMap { i -> (i + 1 until people.size).map { j -> listOf(people[i], people[j]) } }
            }.toSet()
            assertEquals(expected, next.history.met.map { it.people.sorted() }.toSet())
            assertTrue(next.history.met.all { it.date == "2026-10-04" })
            // The next round reports as met again exactly the pairs of the history it seats
            // together (here some must be: nobody may return to their table, so a table takes
            // its three from two earlier tables).
            Session(next).use { later ->
                val rounds = later.solveRounds(
                    RoundsOptions(rounds = 1u, providers = RoundProviders.SAME, neverAgain = true, seed = 3uL, maxIterations = 200uL),
                )
                val again = pairCounts(rounds).keys.map { listOf(it.first, it.second) }.toSet() intersect expected
                assertEquals(again, rounds.repeats.filter { it.inHistory }.map { it.people }.toSet())
                assertEquals(again.size.toULong(), rounds.repeatPairs)
            }
            val unknown = plan.copy(matches = plan.matches.mapIndexed { i, m -> if (i == 0) m.copy(provider = "nowhere") else m })
            val error = assertThrows<SammanException.UnknownId> { session.addHistory(unknown, null) }
            assertEquals("matches[0].provider", error.path)
        }
    }

    @Test
    fun `a running dinner routes every team through each course, hosting once`() {
        val teams = (1..12).map { i ->
            Team(id = "team-$i", size = 2u, location = Location(lat = 59.33 + 0.001 * (i % 4), lon = 18.06 + 0.001 * (i / 4)))
        }
        val dinner = RunningDinner(
            version = 1u,
            teams = teams,
            waitingList = listOf(Team(id = "late", location = Location(lat = 59.331, lon = 18.061))),
        )
        val plan = planRunningDinner(dinner, 2uL)
        assertEquals(3u, plan.courses)
        assertEquals(0uL, plan.repeatMeetings)
        for (team in plan.teams) {
            assertEquals(team.id, team.route[(team.hosts - 1u).toInt()])
            assertEquals(1, team.route.count { it == team.id })
        }
        // No two teams share a table twice, counted here from the tables.
        val met = mutableSetOf<Set<String>>()
        for (table in plan.tables) {
            val people = table.guests + table.host
            for (a in people) for (b in people) if (a < b) assertTrue(met.add(setOf(a, b)), "$a and $b met twice")
        }
        assertTrue(plan.totalKm >= plan.lowerBoundKm)
        val after = cancelRunningDinner(dinner, plan, listOf("team-3"), 2uL)
        assertEquals(listOf("late"), after.fromWaitingList)

        val error = assertThrows<SammanException.InvalidInput> {
            planRunningDinner(dinner.copy(teams = teams.mapIndexed { i, t -> if (i == 2) t.copy(cannotHost = listOf(7u)) else t }), 0uL)
        }
        assertEquals("teams[2].cannot_host[0]", error.path)
    }
}
