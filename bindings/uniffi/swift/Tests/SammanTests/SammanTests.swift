// The Swift mirror of bindings/uniffi/kotlin/src/test/kotlin/se/samman/*.kt: one dinner
// evening built from Swift records and planned by the real library, and bad input raising
// typed errors. See DinnerEveningTest.kt for the story of the evening.
import XCTest
import Samman

final class DinnerEveningTests: XCTestCase {
    let evening = [DatedWindowRecord(start: "2026-03-28T17:00", end: "2026-03-28T23:00")]
    let swedish = LanguageRecord(code: "sv", level: .native)
    let conversationalSwedish = LanguageRecord(code: "sv", level: .conversational)

    var providers: [ProviderRecord] {
        [
            ProviderRecord(
                id: "dinner-anna", capacity: 4, kind: .dinner,
                hostProfile: ProfileRecord(origin: .established, gender: .female),
                dated: [DatedWindowRecord(start: "2026-03-28T18:00", end: "2026-03-28T22:00")],
                location: LocationRecord(lat: 59.3326, lon: 18.0649),
                languages: [swedish, LanguageRecord(code: "en", level: .fluent)],
                caters: ["halal", "vegetarian"]
            ),
            ProviderRecord(
                id: "dinner-bengt", capacity: 3, kind: .dinner,
                hostProfile: ProfileRecord(origin: .established, gender: .male),
                dated: [DatedWindowRecord(start: "2026-03-28T18:30", end: "2026-03-28T22:00")],
                location: LocationRecord(lat: 59.3420, lon: 18.0500),
                languages: [swedish]
            ),
        ]
    }

    func guest(_ id: String, _ size: UInt32, _ gender: Gender, _ diet: [String], _ languages: [LanguageRecord]) -> SeekerRecord {
        SeekerRecord(
            id: id, partySize: size,
            profile: ProfileRecord(origin: .newcomer, gender: gender),
            languages: languages, diet: diet, dated: evening,
            location: LocationRecord(lat: 59.3300, lon: 18.0700), maxTravelKm: 10.0
        )
    }

    var seekers: [SeekerRecord] {
        [
            guest("party-amal", 2, .female, ["halal"], [conversationalSwedish]),
            guest("party-omar", 1, .male, [], [conversationalSwedish]),
            guest("party-lina", 1, .female, ["vegetarian"], [LanguageRecord(code: "en", level: .fluent)]),
            guest("party-kim", 3, .mixed, ["vegan"], [conversationalSwedish]),
        ]
    }

    func instance() throws -> Instance {
        try Instance.fromRecords(seekers: seekers, providers: providers, policy: PolicyRecord(rules: HardRulesRecord(genderParties: true)))
    }

    func testEveryoneSitsWhereTheHardRulesAllow() throws {
        let instance = try instance()
        XCTAssertEqual(try instance.validate(), [])
        let plan = try instance.solve(options: SolveOptions(solver: .greedy))
        let seats = Dictionary(uniqueKeysWithValues: plan.matches.map { ($0.seeker, $0.provider) })
        XCTAssertEqual(seats, ["party-amal": "dinner-anna", "party-lina": "dinner-anna", "party-omar": "dinner-bengt"])
        XCTAssertEqual(plan.peoplePlaced, 4)
        XCTAssertEqual(plan.unplaced.map { $0.seeker }, ["party-kim"])
        XCTAssertTrue(plan.cancelled.isEmpty)
    }

    func testNoTableServesADietItsKitchenDoesNotCaterFor() throws {
        let plan = try instance().solve(options: SolveOptions())
        let caters = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, Set($0.caters)) })
        let diet = Dictionary(uniqueKeysWithValues: seekers.map { ($0.id, Set($0.diet)) })
        for match in plan.matches {
            XCTAssertTrue(diet[match.seeker]!.isSubset(of: caters[match.provider]!), "\(match.seeker) at \(match.provider)")
        }
    }

    func testNoAllFemalePartySharesATableWithAnAllMaleOne() throws {
        let plan = try instance().solve(options: SolveOptions())
        let genderOf = Dictionary(uniqueKeysWithValues: seekers.map { ($0.id, $0.profile.gender) })
        for provider in providers {
            let table = plan.matches.filter { $0.provider == provider.id }.map { genderOf[$0.seeker]! }
                + [provider.hostProfile?.gender]
            XCTAssertFalse(table.contains(.female) && table.contains(.male), "\(provider.id): \(table)")
        }
    }

    func testTheVeganPartyIsToldThatOnlyTheDietRuleIsInTheWay() throws {
        let instance = try instance()
        let plan = try instance.solve(options: SolveOptions())
        guard case let .noFeasibleProvider(_, only) = plan.unplaced[0].reason else {
            return XCTFail("\(plan.unplaced[0].reason)")
        }
        XCTAssertEqual(only, [RuleCount(rule: "diet", providers: 2)])
        let explanation = try instance.explain(plan: plan, seeker: "party-kim")
        XCTAssertNil(explanation.provider)
        XCTAssertTrue(explanation.summary.contains("relaxing diet alone would open 2"))
        XCTAssertFalse(explanation.summary.contains("vegan"))
    }

    func testMetricsCountPlacedSeekersPeopleAndSeats() throws {
        let instance = try instance()
        let metrics = try instance.evaluate(plan: instance.solve(options: SolveOptions()))
        XCTAssertEqual(metrics.seekersPlaced, 3)
        XCTAssertEqual(metrics.peoplePlaced, 4)
        XCTAssertEqual(metrics.matchRate, 0.75, accuracy: 1e-12)
        XCTAssertEqual(metrics.seatFillRate, 4.0 / 7.0, accuracy: 1e-12)
    }

    func testTheSwiftDefaultPolicyIsTheCoresDefaultPolicy() throws {
        XCTAssertEqual(try defaultPolicy(), PolicyRecord())
    }
}

final class BadInputTests: XCTestCase {
    func paths(_ body: () throws -> Void) -> [String] {
        do {
            try body()
        } catch SammanError.InvalidInput(let problems) {
            return problems.map { $0.path }
        } catch {
            XCTFail("expected InvalidInput, got \(error)")
        }
        XCTFail("expected InvalidInput, got no error")
        return []
    }

    func testAFieldOfTheWrongTypeIsNamedByItsPath() {
        let found = paths { _ = try Instance.fromJson(json: #"{"version": 1, "seekers": [{"id": "a", "party_size": "two"}]}"#) }
        XCTAssertEqual(found, ["seekers[0].party_size"])
    }

    func testMalformedJsonRaisesInvalidInput() {
        XCTAssertEqual(paths { _ = try Instance.fromJson(json: #"{"version": 1, "seekers": [{"id": "a", "#) }).count, 1)
    }

    func testOutOfRangeValuesAreReportedWithTheirPaths() throws {
        let seeker = SeekerRecord(id: "party-1", location: LocationRecord(lat: 91.0, lon: 18.0))
        let provider = ProviderRecord(id: "dinner-1", capacity: 0)
        let instance = try Instance.fromRecords(seekers: [seeker], providers: [provider], policy: PolicyRecord())
        let problems = try instance.validate().map { $0.path }
        XCTAssertTrue(problems.contains("seekers[0].location.lat"))
        XCTAssertTrue(problems.contains("providers[0].capacity"))
        XCTAssertEqual(paths { _ = try instance.solve(options: SolveOptions()) }, problems)
    }

    func testAnInstanceOverItsLimitsRaisesLimitExceeded() throws {
        let policy = PolicyRecord(limits: LimitsRecord(maxSeekers: 1))
        let instance = try Instance.fromRecords(
            seekers: [SeekerRecord(id: "a"), SeekerRecord(id: "b")],
            providers: [ProviderRecord(id: "p", capacity: 2)], policy: policy)
        XCTAssertThrowsError(try instance.solve(options: SolveOptions())) { error in
            guard case SammanError.LimitExceeded(let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("seekers: 2 is more than the limit of 1"))
        }
    }

    func testAPanicInsideSammanRaisesInternalAndTheLibraryKeepsWorking() throws {
        XCTAssertThrowsError(try panicForTests(message: "deliberate")) { error in
            XCTAssertEqual(error as? SammanError, SammanError.Internal(detail: "deliberate"))
        }
        let instance = try Instance.fromRecords(
            seekers: [SeekerRecord(id: "a")], providers: [ProviderRecord(id: "p", capacity: 1)], policy: PolicyRecord())
        XCTAssertEqual(try instance.solve(options: SolveOptions()).matches.count, 1)
    }
}

/// The Swift example of docs/mobile.md; scripts/check.d/31-swift-bindings.sh checks that the
/// lines between the markers are exactly the ```swift block of the document.
final class UsageExampleTests: XCTestCase {
    func testTheExampleOfDocsMobileMdRuns() throws {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }

        // docs/mobile.md: begin
        let guests = SeekerRecord(id: "party-1", partySize: 2, diet: ["halal"])
        let dinner = ProviderRecord(id: "dinner-1", capacity: 4, caters: ["halal", "vegetarian"])
        let instance = try Instance.fromRecords(seekers: [guests], providers: [dinner], policy: PolicyRecord())
        let plan = try instance.solve(options: SolveOptions(solver: .greedy))
        for match in plan.matches { print("\(match.seeker) -> \(match.provider)") }
        print(try instance.explain(plan: plan, seeker: "party-1").summary)
        do {
            _ = try Instance.fromJson(json: #"{"version": 1, "providers": [{"id": "dinner-2", "capacity": 0}]}"#)
                .solve(options: SolveOptions())
        } catch SammanError.InvalidInput(let problems) {
            for problem in problems { print("\(problem.path): \(problem.message)") }
        }
        // docs/mobile.md: end

        XCTAssertEqual(lines[0], "party-1 -> dinner-1")
        XCTAssertTrue(lines[1].hasPrefix("party-1 is placed with dinner-1"))
        XCTAssertEqual(lines[2], "providers[0].capacity: must be at least 1")
        XCTAssertEqual(lines.count, 3)
    }
}
