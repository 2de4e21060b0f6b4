package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import se.samman.core.*

/**
 * The rules the programmes need (issue 13) reach Kotlin through the core's own types: a
 * provider in training, a need only some rooms offer, a female-visitor wish, a coach's region,
 * and a family larger than every table, planned by the real library.
 */
class ProgrammeRulesTest {
    private fun instance(withTheOne: Boolean): String {
        val theOne = if (withTheOne) {
            """, {"id": "the-one", "capacity": 6, "offers": ["hearing_loop"],
                  "host_profile": {"gender": "female", "extra": {"region": "north"}}}"""
        } else {
            ""
        }
        return """
            {"version": 1,
             "seekers": [
               {"id": "older-woman", "needs": ["hearing_loop"], "accepts": {"gender": ["female"]},
                "profile": {"extra": {"region": "north"}}},
               {"id": "family", "party_size": 7}
             ],
             "providers": [
               {"id": "in-training", "capacity": 6, "status": "in_training", "offers": ["hearing_loop"],
                "host_profile": {"gender": "female", "extra": {"region": "north"}}},
               {"id": "male-volunteer", "capacity": 6, "offers": ["hearing_loop"],
                "host_profile": {"gender": "male", "extra": {"region": "north"}}},
               {"id": "no-loop", "capacity": 6,
                "host_profile": {"gender": "female", "extra": {"region": "north"}}},
               {"id": "south", "capacity": 6, "offers": ["hearing_loop"],
                "host_profile": {"gender": "female", "extra": {"region": "south"}}}$theOne
             ],
             "policy": {"rules": {"same": ["region"]}}}
        """.trimIndent()
    }

    private fun excluded(plan: Plan, seeker: String): List<RuleCount> {
        val reason = plan.unplaced.single { it.seeker == seeker }.reason
        return (reason as Reason.NoFeasibleProvider).excluded.sortedBy { it.rule.name }
    }

    @Test
    fun `every solver keeps the new rules and the family is left out with a warning`() {
        val session = Session.fromJson(instance(withTheOne = true))
        assertEquals(listOf("seekers[1].party_size"), session.warnings().map { it.path })
        for (solver in SolverKind.values()) {
            val plan = session.solve(defaultOptions().copy(solver = solver))
            assertEquals(listOf("older-woman" to "the-one"), plan.matches.map { it.seeker to it.provider }, "$solver")
            // Larger than every table; the provider in training is also not ready.
            assertEquals(
                listOf(RuleCount(rule = Rule.CAPACITY, providers = 5u), RuleCount(rule = Rule.READINESS, providers = 1u)),
                excluded(plan, "family"),
            )
        }
    }

    @Test
    fun `each new rule is named in the reason`() {
        val session = Session.fromJson(instance(withTheOne = false))
        val plan = session.solve(defaultOptions())
        val expected = listOf(Rule.ACCEPTS, Rule.NEEDS, Rule.READINESS, Rule.SAME)
            .map { RuleCount(rule = it, providers = 1u) }
        assertEquals(expected, excluded(plan, "older-woman"))
    }

    @Test
    fun `the new fields are the core's own record fields`() {
        val provider = Provider(id = "room-1", capacity = 4u, kind = ProviderKind.WORKSHOP)
            .copy(status = "paused", offers = listOf("step_free"))
        val seeker = Seeker(id = "p-1", needs = listOf("step_free"), accepts = mapOf("origin" to listOf("established")))
        val back = instanceFromJson(instanceToJson(Instance(seekers = listOf(seeker), providers = listOf(provider), policy = defaultPolicy())))
        assertEquals("paused", back.providers.single().status)
        assertEquals(listOf("step_free"), back.seekers.single().needs)
        assertEquals(mapOf("origin" to listOf("established")), back.seekers.single().accepts)
    }

    @Test
    fun `a project group takes its seats and a household hosts once`() {
        val coach = Provider(id = "coach", capacity = 2u, kind = ProviderKind.COACHING)
        val groups = (0 until 2).map { Seeker(id = "group-$it", partySize = 5u, seats = 1u) }
        val coaching = Instance(seekers = groups, providers = listOf(coach), policy = defaultPolicy())
        val plan = Session.fromJson(instanceToJson(coaching)).solve(defaultOptions())
        assertEquals(listOf(1u, 1u), plan.matches.map { it.seats })
        assertEquals(10uL, plan.peoplePlaced)

        val dinners = listOf("saturday", "sunday").map {
            Provider(id = it, capacity = 2u, kind = ProviderKind.DINNER).copy(host = "household-7")
        }
        val guests = (0 until 4).map { Seeker(id = "guest-$it") }
        val hosted = Instance(
            seekers = guests, providers = dinners, policy = defaultPolicy(),
            hosts = listOf(Host(id = "household-7", maxEvents = 1u)),
        )
        for (solver in SolverKind.values()) {
            val once = Session.fromJson(instanceToJson(hosted)).solve(defaultOptions().copy(solver = solver))
            assertEquals(1, once.matches.map { it.provider }.toSet().size, "$solver")
            assertEquals(listOf(GroupRule.HostEvents(host = "household-7")), once.cancelled.single().rules, "$solver")
        }
    }
    @Test
    fun `an older person who wants two volunteers gets two, never the same one twice`() {
        val older = listOf(Seeker(id = "older-1", wants = 2u), Seeker(id = "older-2"))
        val volunteers = (1..3).map { Provider(id = "v$it", capacity = 1u, kind = ProviderKind.VISIT) }
        val visits = Instance(seekers = older, providers = volunteers, policy = defaultPolicy())
        val session = Session.fromJson(instanceToJson(visits))
        for (solver in SolverKind.values()) {
            val plan = session.solve(defaultOptions().copy(solver = solver))
            val mine = plan.matches.filter { it.seeker == "older-1" }.map { it.provider }
            assertEquals(2, mine.toSet().size, "$solver")
            assertEquals(3uL, plan.peoplePlaced, "$solver")
            val report = session.evaluate(plan, defaultMetricsOptions())
            assertEquals(2uL, report.placement.fullyServed, "$solver")
            val explained = session.explain(plan, listOf("older-1")).single()
            assertEquals(mine.toSet(), (listOf(explained.placed!!) + explained.alsoPlaced).map { it.provider }.toSet())
        }
        assertEquals(2u, instanceFromJson(instanceToJson(visits)).seekers.first().wants)
    }
}
