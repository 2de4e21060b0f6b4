package se.samman

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * The rules the programmes need (issue 13) reach Kotlin through the JSON instance format: a
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

    private fun excluded(plan: PlanRecord, seeker: String): List<RuleCount> {
        val reason = plan.unplaced.single { it.seeker == seeker }.reason
        return (reason as UnplacedReason.NoFeasibleProvider).excluded.sortedBy { it.rule }
    }

    @Test
    fun `every solver keeps the new rules and the family is left out with a warning`() {
        Instance.fromJson(instance(withTheOne = true)).use { instance ->
            assertEquals(listOf("seekers[1].party_size"), instance.warnings().map { it.path })
            for (solver in Solver.values()) {
                val plan = instance.solve(SolveOptions(solver = solver))
                assertEquals(listOf("older-woman" to "the-one"), plan.matches.map { it.seeker to it.provider })
                assertEquals(listOf(RuleCount(rule = "capacity", providers = 5u)), excluded(plan, "family"))
            }
        }
    }

    @Test
    fun `each new rule is named in the reason`() {
        Instance.fromJson(instance(withTheOne = false)).use { instance ->
            val plan = instance.solve(SolveOptions())
            val expected = listOf("accepts", "needs", "readiness", "same").map { RuleCount(rule = it, providers = 1u) }
            assertEquals(expected, excluded(plan, "older-woman"))
        }
    }
}
