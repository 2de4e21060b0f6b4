package se.samman

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Test
import se.samman.core.*

/**
 * `pseudonymize` from Kotlin (docs/privacy.md): every id replaced by a keyed hash, checked
 * against an independent HMAC-SHA-256 computed here with the JDK, references kept intact, and
 * the plan of the pseudonymised instance the same plan under the new names.
 */
class PseudonymizeTest {
    private val key = "a secret key of the organisation".toByteArray()

    /** The documented pseudonym: kind, `_`, the first 20 hex digits of HMAC(key, kind 0 id). */
    private fun pseudonym(kind: String, id: String): String {
        val mac = Mac.getInstance("HmacSHA256").apply { init(SecretKeySpec(key, "HmacSHA256")) }
        val digest = mac.doFinal(kind.toByteArray() + byteArrayOf(0) + id.toByteArray())
        return kind + "_" + digest.joinToString("") { "%02x".format(it) }.take(20)
    }

    private val instance = Instance(
        seekers = listOf(
            Seeker(id = "anna", preferences = listOf("dinner-1")),
            Seeker(id = "bo", blocked = listOf("dinner-1")),
        ),
        providers = listOf(
            Provider(id = "dinner-1", capacity = 2u, kind = ProviderKind.DINNER, host = "household-1"),
            Provider(id = "dinner-2", capacity = 2u, kind = ProviderKind.DINNER),
        ),
        policy = defaultPolicy(),
        history = History(meetings = listOf(Meeting(seeker = "anna", host = "household-1"))),
        constraints = Constraints(locked = listOf(Pair(seeker = "anna", provider = "dinner-1"))),
    )

    @Test
    fun `every id becomes its keyed hash and references stay intact`() {
        val out = pseudonymize(instance, key)
        assertEquals(listOf(pseudonym("s", "anna"), pseudonym("s", "bo")), out.seekers.map { it.id })
        assertEquals(listOf(pseudonym("p", "dinner-1"), pseudonym("p", "dinner-2")), out.providers.map { it.id })
        assertEquals(listOf(pseudonym("p", "dinner-1")), out.seekers[0].preferences)
        assertEquals(listOf(pseudonym("p", "dinner-1")), out.seekers[1].blocked)
        // A provider without a host is its own host, under its id.
        assertEquals(listOf(pseudonym("h", "household-1"), pseudonym("h", "dinner-2")), out.providers.map { it.host })
        assertEquals(Meeting(seeker = pseudonym("s", "anna"), host = pseudonym("h", "household-1")), out.history.meetings.single())
        assertEquals(Pair(seeker = pseudonym("s", "anna"), provider = pseudonym("p", "dinner-1")), out.constraints.locked.single())
        assertNotEquals(out, pseudonymize(instance, "another key".toByteArray()))
    }

    @Test
    fun `the pseudonymised instance gets the same plan under the new names`() {
        val plan = Session(instance).use { it.solve(defaultOptions()) }
        val renamed = Session(pseudonymize(instance, key)).use { it.solve(defaultOptions()) }
        assertEquals(
            plan.matches.map { pseudonym("s", it.seeker) to pseudonym("p", it.provider) },
            renamed.matches.map { it.seeker to it.provider },
        )
    }
}
