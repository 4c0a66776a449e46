import Testing

@testable import NvdlaProbe

/// The `signals:` grammar of rule files: decoding, attribution, benign follow-ups, and errors with file:line.
@Suite("Signal decoding and scanning")
struct SignalDecoderTests {
    static let file = """
        schema: 1
        signals:
          - signal: smmu_fault
            literals: ["context fault"]
            match: '(?<smmu>[0-9a-f]+)\\.iommu: Unhandled context fault: .*cbfrsynra=0x(?<sid>[0-9a-f]+)'
            attribute: {key: "{smmu}:{sid}", dla0: '^8000000:0*2b$', dla1: '^12000000:0*23$'}
          - signal: fw_load_failed
            literals: ["Direct firmware load"]
            match: 'Direct firmware load for (?<file>\\S+) failed'
            unless: {followed_by: 'looking for firmware in subdirectory', within: 2}
        """

    func decode(_ text: String) throws(RuleFileError) -> [LogSignal] {
        try RuleDecoder(file: "sig.yaml").decodeFile(text).signals
    }

    func error(_ text: String) -> RuleFileError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("signals decode and attribute by (SMMU, SID); the rest is another client")
    func attribution() throws {
        let signals = try decode(Self.file)
        #expect(signals.map(\.name) == ["smmu_fault", "fw_load_failed"])
        let scanner = SignalScanner(signals: signals)
        scanner.scan("arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, cbfrsynra=0x2b, cb=2", location: "a")
        scanner.scan("arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, cbfrsynra=0x2b, cb=2", location: "b")
        scanner.scan("arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, cbfrsynra=0x23, cb=2", location: "c")
        var facts = FactTable()
        scanner.record(into: &facts, instances: ["0", "1"], source: "log")
        #expect(facts.int("log.smmu_fault.count") == 3)
        #expect(facts.int("dla.0.log.smmu_fault.count") == 1)
        #expect(facts.int("dla.1.log.smmu_fault.count") == 1)
        #expect(facts.int("log.smmu_fault.other.count") == 1)
        #expect(facts["dla.1.log.smmu_fault.first"]?.source == "c")
        #expect(facts.string("log.smmu_fault.last")?.contains("0x23") == true)
    }

    @Test("a match followed by its benign line within the window does not count; outside it does")
    func benignWindow() throws {
        let scanner = SignalScanner(signals: try decode(Self.file))
        scanner.scan("Direct firmware load for a.fw failed with error -2", location: "1")
        scanner.scan("looking for firmware in subdirectory", location: "2")
        scanner.scan("Direct firmware load for b.fw failed with error -2", location: "3")
        scanner.scan("unrelated", location: "4")
        scanner.scan("unrelated", location: "5")
        scanner.scan("looking for firmware in subdirectory", location: "6")
        var facts = FactTable()
        scanner.record(into: &facts, instances: [], source: "log")
        #expect(facts.int("log.fw_load_failed.count") == 1)
        #expect(facts.int("log.fw_load_failed.benign.count") == 1)
        #expect(facts.string("log.fw_load_failed.first")?.contains("b.fw") == true)
    }

    @Test("a sentence signal is read on a line taken for a person's words; the others only on machine lines")
    func sentences() {
        let report = ArtifactAnalysisTests.analyze(
            """
            Every engine build in the new image stops with
            Target GPU SM 72 is not supported by this TensorRT release.
            and I also saw the DLA refuse me: Cannot create DLA engine, 1 not available
            We never see the GPU allocate though, failed to allocate memory for the buffers
            """)
        #expect(report.facts.int("log.trt_sm_unsupported.count") == 1)
        #expect(report.facts.int("log.trt_no_dla_engine.count") == 1)
        #expect(report.findings.map(\.id).contains("NVDLA-USR-012"))
        let prose = ArtifactAnalysisTests.analyze("The TensorRT release notes say which GPU targets are supported.")
        #expect(prose.findings.isEmpty)
        #expect(prose.facts.int("log.trt_sm_unsupported.count") ?? 0 == 0)
    }

    @Test(
        "grammar errors name file and line (1-based)",
        arguments: [
            ("schema: 1\nsignals:\n  - signal: x\n    match: 'a'\n    colour: red\n", 5, "unknown key `colour`"),
            ("schema: 1\nsignals:\n  - signal: Bad-Name\n    match: 'a'\n", 3, "lower_snake_case"),
            ("schema: 1\nsignals:\n  - signal: x\n    match: '(a'\n", 4, "bad regex"),
            (
                "schema: 1\nsignals:\n  - signal: x\n    match: '(?<a>b)'\n    attribute: {key: '{zz}', dla0: 'x'}\n",
                5,
                "does not capture"
            ),
            (
                "schema: 1\nsignals:\n  - signal: x\n    match: 'a'\n    unless: {followed_by: 'b', within: 0}\n", 5,
                "`within`"
            ),
            ("schema: 1\nsignals:\n  - signal: x\n", 3, "missing `match`"),
            ("schema: 1\nsignals:\n  - signal: x\n    sentence: true\n    match: 'a'\n", 4, "needs literals"),
            (
                "schema: 1\nsignals:\n  - signal: x\n    sentence: true\n    literals: [a]\n    caseless: true\n"
                    + "    match: 'a'\n", 4, "takes no `caseless`"
            ),
        ])
    func errors(_ text: String, _ line: Int, _ message: String) {
        let problem = error(text)
        #expect(problem?.line == line, "\(String(describing: problem))")
        #expect(problem?.message.contains(message) == true, "\(String(describing: problem))")
    }

    @Test("every shipped signal is catalogued, and the rule files' signals lint clean")
    func shippedSignals() {
        let names = Set(Fixtures.rules.signals.map(\.name))
        #expect(names == Set(FactCatalogue.signalSpecs.map(\.name)))
        #expect(RuleLint.lint(signals: Fixtures.rules.signals).isEmpty)
    }
}
