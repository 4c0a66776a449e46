import Testing

@testable import NvdlaProbe

@Suite("Rule decoding")
struct RuleDecoderTests {
    static let valid = """
        schema: 1
        rules:
          - id: NVDLA-DRV-901
            area: driver
            severity: error
            each: dla
            applies: {fact: platform.dla_expected, gt: 0}
            when:
              all:
                - {fact: dla.dt.status, eq: okay}
                - {fact: dla.driver.bound, eq: false}
            title: t
            message: "{subject}: {dla.dt.path}"
            evidence: [dla.dt.status]
            remedy:
              summary: s
              commands: ["dmesg"]
        """

    func decode(_ text: String) throws(RuleFileError) -> [Rule] {
        try RuleDecoder(file: "test.yaml").decode(text)
    }

    func error(_ text: String) -> RuleFileError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a valid file decodes with its conditions, iteration and remedy")
    func decodesValid() throws {
        let rules = try decode(Self.valid)
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule.id == "NVDLA-DRV-901")
        #expect(rule.each == "dla")
        #expect(rule.remedy.commands == ["dmesg"])
        #expect(rule.origin == "test.yaml:3")
        guard case .all(let parts) = rule.when else {
            Issue.record("expected all")
            return
        }
        #expect(parts.count == 2)
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let replace: String
        let with: String
        let line: Int?
        let says: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(
            name: "unknown rule key", replace: "    title: t", with: "    titel: t", line: 12,
            says: "unknown key `titel`"),
        Broken(
            name: "unknown operator", replace: "eq: okay", with: "equals: okay", line: 10, says: "unknown key `equals`"),
        Broken(name: "typo in area", replace: "area: driver", with: "area: drivers", line: 4, says: "unknown area"),
        Broken(
            name: "id of another area", replace: "NVDLA-DRV-901", with: "NVDLA-MEM-901", line: 3,
            says: "does not carry the code"),
        Broken(name: "malformed id", replace: "NVDLA-DRV-901", with: "NVDLA-DRV-91", line: 3, says: "not of the form"),
        Broken(
            name: "lower-case prefix", replace: "NVDLA-DRV-901", with: "acme-DRV-901", line: 3, says: "not of the form"),
        Broken(
            name: "prefix of 17 characters", replace: "NVDLA-DRV-901", with: "ABCDEFGHIJKLMNOPQ-DRV-901", line: 3,
            says: "not of the form"),
        Broken(
            name: "prefix starting with a digit", replace: "NVDLA-DRV-901", with: "9ACME-DRV-901", line: 3,
            says: "not of the form"),
        Broken(
            name: "unknown area code", replace: "NVDLA-DRV-901", with: "ACME-GPU-901", line: 3, says: "not of the form"),
        Broken(
            name: "bad severity", replace: "severity: error", with: "severity: fatal", line: 5, says: "unknown severity"
        ),
        Broken(name: "schema 2", replace: "schema: 1", with: "schema: 2", line: 1, says: "unsupported schema"),
        Broken(name: "bad each", replace: "each: dla", with: "each: gpu", line: 6, says: "`each` must be"),
        Broken(
            name: "no remedy", replace: "    remedy:\n      summary: s\n      commands: [\"dmesg\"]", with: "", line: 3,
            says: "needs a `remedy`"),
        Broken(
            name: "bad regex", replace: "{fact: dla.dt.status, eq: okay}",
            with: "{fact: dla.dt.status, matches: '(unclosed'}",
            line: 10, says: "bad regex"),
        Broken(
            name: "two operators", replace: "eq: okay}", with: "eq: okay, ne: x}", line: 10,
            says: "exactly one operator"),
        Broken(name: "invalid YAML", replace: "    title: t", with: "    title: [t", line: nil, says: "not valid YAML"),
    ]

    @Test("a broken file names its file, line and problem", arguments: broken)
    func rejects(_ broken: Broken) {
        let text = Self.valid.replacingOccurrences(of: broken.replace, with: broken.with)
        #expect(text != Self.valid)
        let failure = error(text)
        #expect(failure?.file == "test.yaml")
        if let line = broken.line { #expect(failure?.line == line) }
        #expect(failure?.message.contains(broken.says) == true, "\(String(describing: failure))")
    }

    @Test("duplicate IDs within one source are refused, across sources they override")
    func duplicates() throws {
        var set = RuleSet()
        let text = Self.valid + "\n" + Self.valid.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        #expect(throws: RuleFileError.self) { try set.add(files: [("a.yaml", text)], label: "a") }
        var layered = RuleSet()
        try layered.add(files: [("a.yaml", Self.valid)], label: "embedded")
        try layered.add(
            files: [("b.yaml", Self.valid.replacingOccurrences(of: "title: t", with: "title: site"))], label: "site")
        #expect(layered.rules.count == 1)
        #expect(layered.rules.first?.title == "site")
        #expect(layered.origins["NVDLA-DRV-901"] == "site")
    }

    @Test("garbage and empty input give a clear error or nothing, never a crash")
    func garbage() {
        #expect(error("\u{0}\u{1}\u{2}binary") != nil)
        #expect(error("") != nil)
        #expect(error("- just\n- a list") != nil)
        #expect(error("schema: 1\nrules: 5")?.message.contains("must be a list") == true)
    }

    @Test("site rules may use any prefix of upper-case letters and digits; the area code still has to match")
    func sitePrefixes() throws {
        for id in ["ACME-DRV-901", "A-DRV-901", "FLEET7-DRV-901", "ABCDEFGHIJKLMNOP-DRV-901"] {
            let rules = try RuleDecoder(file: "site.yaml").decode(
                Self.valid.replacingOccurrences(of: "NVDLA-DRV-901", with: id))
            #expect(rules.map(\.id) == [id])
            #expect(rules.first?.area == .driver)
        }
        let wrongArea = error(Self.valid.replacingOccurrences(of: "NVDLA-DRV-901", with: "ACME-MEM-901"))
        #expect(wrongArea?.message.contains("does not carry the code") == true)
    }
}
