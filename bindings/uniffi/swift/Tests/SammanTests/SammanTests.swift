// The Swift mirror of bindings/uniffi/kotlin/src/test/kotlin/se/samman/*.kt: one dinner
// evening built from the core's records and planned by the real library, and bad input raising
// typed errors with the core's kind and path. See DinnerEveningTest.kt for the story.
import XCTest
import Samman

final class DinnerEveningTests: XCTestCase {
    let evening = [DatedWindow(start: "2026-03-28T17:00", end: "2026-03-28T23:00")]
    let swedish = LanguageSkill(code: "sv", level: .native)
    let conversationalSwedish = LanguageSkill(code: "sv", level: .conversational)

    var providers: [Provider] {
        [
            Provider(
                id: "dinner-anna", kind: .dinner, capacity: 4,
                hostProfile: Profile(origin: .established, gender: .female),
                availability: Availability(dated: [DatedWindow(start: "2026-03-28T18:00", end: "2026-03-28T22:00")]),
                location: Location(lat: 59.3326, lon: 18.0649),
                languages: [swedish, LanguageSkill(code: "en", level: .fluent)],
                caters: ["halal", "vegetarian"],
                status: .ready
            ),
            Provider(
                id: "dinner-bengt", kind: .dinner, capacity: 3,
                hostProfile: Profile(origin: .established, gender: .male),
                availability: Availability(dated: [DatedWindow(start: "2026-03-28T18:30", end: "2026-03-28T22:00")]),
                location: Location(lat: 59.3420, lon: 18.0500),
                languages: [swedish],
                status: .ready
            ),
        ]
    }

    func guest(_ id: String, _ size: UInt32, _ gender: Gender, _ diet: [String], _ languages: [LanguageSkill]) -> Seeker {
        Seeker(
            id: id, partySize: size,
            profile: Profile(origin: .newcomer, gender: gender),
            languages: languages, diet: diet, availability: Availability(dated: evening),
            location: Location(lat: 59.3300, lon: 18.0700), maxTravelKm: 10.0
        )
    }

    var seekers: [Seeker] {
        [
            guest("party-amal", 2, .female, ["halal"], [conversationalSwedish]),
            guest("party-omar", 1, .male, [], [conversationalSwedish]),
            guest("party-lina", 1, .female, ["vegetarian"], [LanguageSkill(code: "en", level: .fluent)]),
            guest("party-kim", 3, .mixed, ["vegan"], [conversationalSwedish]),
        ]
    }

    func session() throws -> Session {
        var policy = defaultPolicy()
        policy.rules.genderParties = true
        return try Session(instance: Instance(seekers: seekers, providers: providers, policy: policy))
    }

    func testEveryoneSitsWhereTheHardRulesAllow() throws {
        var options = defaultOptions()
        options.solver = .greedy
        let plan = try session().solve(options: options)
        let seats = Dictionary(uniqueKeysWithValues: plan.matches.map { ($0.seeker, $0.provider) })
        XCTAssertEqual(seats, ["party-amal": "dinner-anna", "party-lina": "dinner-anna", "party-omar": "dinner-bengt"])
        XCTAssertEqual(plan.peoplePlaced, 4)
        XCTAssertEqual(plan.unplaced.map { $0.seeker }, ["party-kim"])
        XCTAssertTrue(plan.cancelled.isEmpty)
    }

    func testNoTableServesADietItsKitchenDoesNotCaterFor() throws {
        let plan = try session().solve(options: defaultOptions())
        let caters = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, Set($0.caters)) })
        let diet = Dictionary(uniqueKeysWithValues: seekers.map { ($0.id, Set($0.diet)) })
        for match in plan.matches {
            XCTAssertTrue(diet[match.seeker]!.isSubset(of: caters[match.provider]!), "\(match.seeker) at \(match.provider)")
        }
    }

    func testTheVeganPartyIsToldWhatWouldOpenATable() throws {
        let session = try session()
        let plan = try session.solve(options: defaultOptions())
        guard case let .noFeasibleProvider(_, only) = plan.unplaced[0].reason else {
            return XCTFail("\(plan.unplaced[0].reason)")
        }
        XCTAssertEqual(only, [RuleCount(rule: .diet, providers: 2)])
        let explanation = try session.explain(plan: plan, seekers: ["party-kim"])[0]
        XCTAssertNil(explanation.placed)
        XCTAssertEqual(explanation.mostLimiting, .diet)
        let diet = explanation.relaxations.first { $0.rule == .diet }!
        XCTAssertEqual(diet.opens, 2)
        XCTAssertFalse(diet.description.contains("vegan"))
    }

    func testMetricsAreTheCores() throws {
        let session = try session()
        let report = try session.evaluate(plan: session.solve(options: defaultOptions()), options: defaultMetricsOptions())
        XCTAssertTrue(report.validity.valid)
        XCTAssertEqual(report.placement.partiesPlaced, 3)
        XCTAssertEqual(report.placement.peoplePlaced, 4)
        XCTAssertEqual(report.placement.seatRate!, 4.0 / 7.0, accuracy: 1e-12)
    }
}

final class BadInputTests: XCTestCase {
    func failure(_ body: () throws -> Void) -> (kind: String, path: String)? {
        do {
            try body()
        } catch SammanError.InvalidInput(let kind, let path, _, _) {
            return (kind, path)
        } catch SammanError.LimitExceeded(let kind, let path, _) {
            return (kind, path)
        } catch SammanError.UnknownId(let kind, let path, _) {
            return (kind, path)
        } catch {
            XCTFail("expected a SammanError, got \(error)")
        }
        return nil
    }

    func testAFieldOfTheWrongTypeIsNamedByItsPath() {
        let found = failure { _ = try instanceFromJson(json: #"{"version": 1, "seekers": [{"id": "a", "party_size": "two"}]}"#) }
        XCTAssertEqual(found?.kind, "invalid_input")
        XCTAssertEqual(found?.path, "seekers[0].party_size")
    }

    func testOutOfRangeValuesAreReportedWithTheirPaths() throws {
        let seeker = Seeker(id: "party-1", location: Location(lat: 91.0, lon: 18.0))
        let provider = Provider(id: "dinner-1", kind: .dinner, capacity: 0, status: .ready)
        let instance = Instance(seekers: [seeker], providers: [provider], policy: defaultPolicy())
        let problems = try validate(instance: instance).map { $0.path }
        XCTAssertTrue(problems.contains("seekers[0].location.lat"))
        XCTAssertTrue(problems.contains("providers[0].capacity"))
        XCTAssertEqual(failure { _ = try Session(instance: instance) }?.path, problems.first)
    }

    func testAnInstanceOverItsLimitsRaisesLimitExceeded() {
        var policy = defaultPolicy()
        policy.limits.maxSeekers = 1
        let instance = Instance(
            seekers: [Seeker(id: "a"), Seeker(id: "b")],
            providers: [Provider(id: "p", kind: .other, capacity: 2, status: .ready)], policy: policy)
        let found = failure { _ = try Session(instance: instance) }
        XCTAssertEqual(found?.kind, "limit_exceeded")
        XCTAssertEqual(found?.path, "policy.limits.max_seekers")
    }

    func testAPanicInsideSammanRaisesInternalAndTheLibraryKeepsWorking() throws {
        XCTAssertThrowsError(try panicForTests(message: "deliberate")) { error in
            XCTAssertEqual(error as? SammanError, SammanError.Internal(kind: "internal", path: "", detail: "deliberate"))
        }
        let instance = Instance(
            seekers: [Seeker(id: "a")], providers: [Provider(id: "p", kind: .other, capacity: 1, status: .ready)], policy: defaultPolicy())
        XCTAssertEqual(try Session(instance: instance).solve(options: defaultOptions()).matches.count, 1)
    }
}

/// The Swift example of docs/mobile.md; scripts/check.d/31-swift-bindings.sh checks that the
/// lines between the markers are exactly the ```swift block of the document.
final class UsageExampleTests: XCTestCase {
    func testTheExampleOfDocsMobileMdRuns() throws {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }

        // docs/mobile.md: begin
        let guests = Seeker(id: "party-1", partySize: 2, diet: ["halal"])
        let dinner = Provider(id: "dinner-1", kind: .dinner, capacity: 4, caters: ["halal", "vegetarian"], status: .ready)
        let session = try Session(instance: Instance(seekers: [guests], providers: [dinner], policy: defaultPolicy()))
        var options = defaultOptions()
        options.solver = .greedy
        let plan = try session.solve(options: options)
        for match in plan.matches { print("\(match.seeker) -> \(match.provider)") }
        let report = try session.evaluate(plan: plan, options: defaultMetricsOptions())
        print("people placed: \(report.placement.peoplePlaced) of \(report.placement.people)")
        let why = try session.explain(plan: plan, seekers: ["party-1"])[0]
        print("feasible providers: \(why.feasible)")
        do {
            _ = try Session.fromJson(json: #"{"version": 1, "providers": [{"id": "dinner-2", "capacity": 0}]}"#)
        } catch SammanError.InvalidInput(_, _, _, let problems) {
            for problem in problems { print("\(problem.path): \(problem.message)") }
        }
        // docs/mobile.md: end

        XCTAssertEqual(lines, [
            "party-1 -> dinner-1",
            "people placed: 2 of 2",
            "feasible providers: 1",
            "providers[0].capacity: must be at least 1",
        ])
    }
}
