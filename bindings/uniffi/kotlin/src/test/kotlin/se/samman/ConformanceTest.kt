package se.samman

import java.io.File
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import se.samman.core.*

/**
 * The conformance suite through Kotlin: every case of tests/conformance/cases (at the
 * repository root) gives the plan, metrics, explanations or error (kind and path) of
 * tests/conformance/expected, as it does in Rust, through the command and in Python. The
 * instance is read into Kotlin records and handed back to the library, so every field crosses
 * the boundary both ways; the answers are turned into JSON by the library's serde
 * (`planToJson`, ...) and compared field by field, numbers to 1e-9.
 */
class ConformanceTest {
    private val root = File(System.getProperty("samman.conformance.dir") ?: "../../../tests/conformance")

    private fun failure(error: SammanException): JSONObject {
        val (kind, path) = when (error) {
            is SammanException.InvalidInput -> error.kind to error.path
            is SammanException.LimitExceeded -> error.kind to error.path
            is SammanException.UnknownId -> error.kind to error.path
            is SammanException.Internal -> error.kind to error.path
        }
        return JSONObject().put("error", JSONObject().put("kind", kind).put("path", path))
    }

    private fun answer(case: JSONObject): JSONObject = try {
        val session = if (case.has("instance_text")) {
            Session.fromJson(case.getString("instance_text"))
        } else {
            Session(instanceFromJson(case.getJSONObject("instance").toString()))
        }
        session.use {
            val options = optionsFromJson(case.optJSONObject("options")?.toString() ?: "{}")
            val plan = it.solve(options)
            val metrics = it.evaluate(plan, defaultMetricsOptions())
            val ids = case.optJSONArray("explain")?.map { id -> id as String } ?: listOf()
            val explanations = it.explain(plan, ids)
            JSONObject()
                .put("plan", JSONObject(planToJson(plan)))
                .put("metrics", JSONObject(reportToJson(metrics)))
                .put("explanations", JSONArray(explanationsToJson(explanations)))
        }
    } catch (error: SammanException) {
        failure(error)
    }

    /** The first difference between two JSON values, numbers to 1e-9 (relative above 1). */
    private fun differs(expected: Any?, actual: Any?, path: String): String? {
        val a = if (expected == JSONObject.NULL) null else expected
        val b = if (actual == JSONObject.NULL) null else actual
        return when {
            a is Boolean || b is Boolean -> if (a == b) null else "$path: $a != $b"
            a is Number && b is Number -> {
                val (x, y) = a.toDouble() to b.toDouble()
                if (Math.abs(x - y) <= 1e-9 * maxOf(Math.abs(x), 1.0)) null else "$path: $x != $y"
            }
            a is JSONArray && b is JSONArray ->
                if (a.length() != b.length()) "$path: ${a.length()} items != ${b.length()}"
                else (0 until a.length()).firstNotNullOfOrNull { differs(a.get(it), b.get(it), "$path[$it]") }
            a is JSONObject && b is JSONObject ->
                (a.keySet() + b.keySet()).sorted().firstNotNullOfOrNull { differs(a.opt(it), b.opt(it), "$path.$it") }
            else -> if (a == b) null else "$path: $a != $b"
        }
    }

    @TestFactory
    fun `every case gives the expected answer`(): List<DynamicTest> {
        val cases = root.resolve("cases").listFiles { f -> f.extension == "json" }.orEmpty().sortedBy { it.name }
        assertTrue(cases.size >= 10, "the suite has its cases in $root")
        return cases.map { file ->
            DynamicTest.dynamicTest(file.nameWithoutExtension) {
                val expected = JSONObject(root.resolve("expected").resolve(file.name).readText())
                assertNull(differs(expected, answer(JSONObject(file.readText())), ""))
            }
        }
    }
}
