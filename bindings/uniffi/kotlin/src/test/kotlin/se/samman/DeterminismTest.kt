package se.samman

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.random.Random
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import se.samman.core.*

/**
 * The same instance and seed give the same plan: 100 times in a row for every solver and
 * objective, from an instance read back from its own JSON, and from several JVM threads
 * solving at once. A plan is compared whole (its data-class text, every field and score), and
 * every reference is computed in the test, never stored in it.
 */
class DeterminismTest {
    private val solvers = SolverKind.entries.toList()
    private val objectives = Objective.entries.toList()

    /**
     * A dinner programme of [hosts] hosts and [parties] guest parties in Stockholm over three
     * evenings, drawn from a seeded generator: diets, languages, genders, party sizes, travel
     * limits, minimums and preferences vary, so ties, group rules and cancellations all occur.
     * Small, because the tests run against the debug build of the library.
     */
    private fun programme(seed: Int, hosts: Int = 12, parties: Int = 40): Session {
        val random = Random(seed)
        val evenings = listOf("2026-03-26", "2026-03-27", "2026-03-28")
        val diets = listOf("halal", "vegetarian", "vegan", "gluten_free", "lactose_free")
        val languages = listOf("sv", "en", "ar", "fa", "so")
        fun window(day: String, from: Int) =
            DatedWindow(start = "${day}T$from:00", end = "${day}T${from + 4}:00")
        fun near() = Location(
            lat = 59.30 + random.nextDouble(0.0, 0.08),
            lon = 18.00 + random.nextDouble(0.0, 0.12),
        )
        fun spoken(): List<LanguageSkill> =
            languages.shuffled(random).take(1 + random.nextInt(2)).map {
                LanguageSkill(code = it, level = Level.entries[1 + random.nextInt(3)])
            }
        val providers = (0 until hosts).map { i ->
            Provider(
                id = "dinner-%02d".format(i),
                capacity = (3 + random.nextInt(4)).toUInt(),
                kind = ProviderKind.DINNER,
                host = "host-%02d".format(i % 10),
                minimum = if (random.nextInt(3) == 0) 2u else 0u,
                hostProfile = Profile(
                    origin = Origin.ESTABLISHED,
                    gender = if (random.nextBoolean()) Gender.FEMALE else Gender.MALE,
                ),
                availability = Availability(dated = listOf(window(evenings[i % 3], 17 + random.nextInt(2)))),
                location = near(),
                languages = listOf(LanguageSkill(code = "sv", level = Level.NATIVE)) +
                    spoken().filter { it.code != "sv" },
                caters = diets.filter { random.nextInt(3) == 0 },
            )
        }
        val seekers = (0 until parties).map { i ->
            Seeker(
                id = "party-%03d".format(i),
                partySize = (1 + random.nextInt(3)).toUInt(),
                profile = Profile(
                    origin = if (random.nextBoolean()) Origin.NEWCOMER else Origin.ESTABLISHED,
                    gender = Gender.entries[random.nextInt(Gender.entries.size)],
                ),
                languages = spoken(),
                diet = if (random.nextInt(3) == 0) listOf(diets[random.nextInt(diets.size)]) else listOf(),
                availability = Availability(dated = evenings.filter { random.nextInt(3) > 0 }.map { window(it, 16) }),
                location = near(),
                maxTravelKm = 3.0 + random.nextInt(8),
                preferences = providers.shuffled(random).take(random.nextInt(4)).map { it.id },
                waitingSince = "2026-0${1 + random.nextInt(3)}-1${random.nextInt(10)}",
            )
        }
        return Session(Instance(seekers = seekers, providers = providers, policy = defaultPolicy().copy(today = "2026-03-20")))
    }

    /** A plan without its wall-clock time (`stats.seconds`), the one field that may differ. */
    private fun Session.plan(solver: SolverKind, objective: Objective, seed: ULong = 7uL): Plan =
        solve(defaultOptions().copy(solver = solver, objective = objective, seed = seed))
            .let { it.copy(stats = it.stats.copy(seconds = 0.0)) }

    /** The programme solved 100 times per solver and objective. */
    private fun small() = programme(1, hosts = 6, parties = 20)

    @Test
    fun `the programmes are valid and every solver places someone`() {
        for (programme in listOf(small(), programme(2))) {
            programme.use { instance ->
                assertEquals(listOf<Problem>(), validate(instance.instance()))
                for (solver in solvers) {
                    val plan = instance.plan(solver, Objective.MAX_SCORE)
                    assertTrue(plan.matches.size >= 5, "$solver placed ${plan.matches.size}")
                    assertTrue(plan.unplaced.isNotEmpty(), "$solver: the programme is tight enough to leave some out")
                }
            }
        }
    }

    @Test
    fun `100 runs give identical plans for every solver and objective`() {
        small().use { instance ->
            for (solver in solvers) {
                for (objective in objectives) {
                    val reference = instance.plan(solver, objective)
                    repeat(100) { run ->
                        val plan = instance.plan(solver, objective)
                        assertEquals(reference, plan, "$solver $objective, run $run")
                        assertEquals(reference.toString(), plan.toString(), "$solver $objective, run $run")
                    }
                }
            }
        }
    }

    @Test
    fun `the same programme built twice or read back from JSON gives the same plans`() {
        programme(2).use { first ->
            programme(2).use { second ->
                Session.fromJson(instanceToJson(first.instance())).use { readBack ->
                    assertEquals(instanceToJson(first.instance()), instanceToJson(second.instance()))
                    for (solver in solvers) {
                        val reference = first.plan(solver, Objective.MAX_SCORE)
                        assertEquals(reference, second.plan(solver, Objective.MAX_SCORE), "$solver")
                        assertEquals(reference, readBack.plan(solver, Objective.MAX_SCORE), "$solver")
                    }
                }
            }
        }
    }

    @Test
    fun `threads solving one instance at once get identical plans`() {
        programme(3).use { instance ->
            val references = solvers.associateWith { instance.plan(it, Objective.MAX_SCORE) }
            val pool = Executors.newFixedThreadPool(8)
            try {
                val jobs = (0 until 25).flatMap { solvers }.map { solver ->
                    Callable { solver to instance.plan(solver, Objective.MAX_SCORE) }
                }
                val results = pool.invokeAll(jobs).map { it.get(120, TimeUnit.SECONDS) }
                assertEquals(jobs.size, results.size)
                for ((solver, plan) in results) {
                    assertEquals(references.getValue(solver), plan, "$solver")
                }
            } finally {
                pool.shutdown()
                assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
            }
        }
    }

    @Test
    fun `threads with different seeds and instances do not mix their answers`() {
        val instances = (4..5).map { programme(it) }
        try {
            val seeds = listOf(0uL, 1uL, 2uL)
            val keys = instances.indices.flatMap { i -> seeds.map { seed -> i to seed } }
            val expected = keys.associateWith { (i, seed) -> instances[i].plan(SolverKind.GROUPS, Objective.MAX_SCORE, seed) }
            val pool = Executors.newFixedThreadPool(4)
            try {
                val jobs = (0 until 3).flatMap { keys }.map { key ->
                    Callable { key to instances[key.first].plan(SolverKind.GROUPS, Objective.MAX_SCORE, key.second) }
                }
                for (future in pool.invokeAll(jobs)) {
                    val (key, plan) = future.get(120, TimeUnit.SECONDS)
                    assertEquals(expected.getValue(key), plan, "$key")
                }
            } finally {
                pool.shutdown()
                assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS))
            }
        } finally {
            instances.forEach { it.close() }
        }
    }
}
