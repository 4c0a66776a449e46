import Foundation
import Testing

@testable import NvdlaProbe

/// What people read: per-area marks, evidence with names and units, commands that can be pasted.
@Suite("Presentation")
struct PresentationTests {
    @Test("units: bytes as MiB, Hz as MHz (no cap below 0), percent, stream IDs in hex, counts as they are")
    func units() {
        #expect(FactUnit.of("memory.cma.total_bytes") == .bytes)
        #expect(FactUnit.of("memory.cma_total_kb") == .kilobytes)
        #expect(FactUnit.of("dla.0.clk.core.rate") == .hertz)
        #expect(FactUnit.of("dla.1.nvpmodel.core_cap") == .hertz)
        #expect(FactUnit.of("memory.cma.fragmentation_pct") == .percent)
        #expect(FactUnit.of("dla.0.dt.stream_id") == .hex)
        #expect(FactUnit.of("platform.dla_expected") == .count)
        #expect(FactUnit.bytes.format(67_108_864) == "64 MiB")
        #expect(FactUnit.bytes.format(15_597_568) == "14.9 MiB")
        #expect(FactUnit.kilobytes.format(524_288) == "512 MiB")
        #expect(FactUnit.hertz.format(614_400_000) == "614.4 MHz")
        #expect(FactUnit.hertz.format(-1) == "no cap")
        #expect(FactUnit.percent.format(97) == "97%")
        #expect(FactUnit.hex.format(43) == "0x2b")
        #expect(FactUnit.count.format(2) == "2")
    }

    @Test("evidence names a number and shows its unit; strings, yes/no and log lines stay as read")
    func evidenceLines() {
        let cma = Evidence(
            source: "/proc/meminfo", fact: "memory.cma.total_bytes", observed: "67108864",
            expected: "at least 512 MiB")
        #expect(EvidenceText.line(cma) == "/proc/meminfo: CMA size (CmaTotal) = 64 MiB (expected at least 512 MiB)")
        let mode = Evidence(
            source: "/var/lib/nvpmodel/status", fact: "clocks.nvpmodel.mode_id", observed: "1", expected: nil)
        #expect(EvidenceText.line(mode) == "/var/lib/nvpmodel/status: power mode ID (nvpmodel) = 1")
        #expect(
            EvidenceText.label("Switched layers by operator (`Shuffle ×6, Div ×3`)") == "switched layers by operator")
        #expect(EvidenceText.label("DLA core clock rate, Hz") == "DLA core clock rate")
        let status = Evidence(source: "/sys/…/status", fact: "dla.0.dt.status", observed: "okay", expected: nil)
        #expect(EvidenceText.line(status) == "/sys/…/status: okay")
        let bound = Evidence(source: "/sys/…/driver", fact: "dla.0.driver.bound", observed: "false", expected: "true")
        #expect(EvidenceText.line(bound) == "/sys/…/driver: false (expected true)")
        // A value that is not a number is shown as it is, never reformatted into a guess.
        let odd = Evidence(source: "/proc/meminfo", fact: "memory.cma.total_bytes", observed: "missing", expected: nil)
        #expect(EvidenceText.line(odd) == "/proc/meminfo: missing")
    }

    @Test("a log line that proves two facts (first and last of one match) is shown once")
    func duplicateEvidence() {
        let line = "nvdla 15880000.nvdla0: Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2"
        let first = Evidence(
            source: "/dev/kmsg (kmsg seq 35)", fact: "log.fw_load_failed.first", observed: line, expected: nil)
        let last = Evidence(
            source: "/dev/kmsg (kmsg seq 35)", fact: "log.fw_load_failed.last", observed: line, expected: nil)
        let other = Evidence(
            source: "/dev/kmsg (kmsg seq 36)", fact: "log.fw_load_failed.last", observed: line, expected: nil)
        #expect(EvidenceText.unique([first, last]).count == 1)
        #expect(EvidenceText.unique([first, other]).count == 2, "two lines of the log are two pieces of evidence")
    }

    @Test("no text report shows the same evidence line twice in one finding")
    func noDuplicateInReports() {
        for scenario in Fixtures.scenarios {
            let text = TextRenderer().render(Fixtures.check(scenario: scenario))
            var previous: [String] = []
            for line in text.split(separator: "\n").map(String.init) {
                guard line.hasPrefix("      seen: ") else {
                    if line.hasPrefix("  ") && !line.hasPrefix("      ") { previous = [] }
                    continue
                }
                #expect(!previous.contains(line), "\(scenario): \(line)")
                previous.append(line)
            }
        }
    }

    @Test("per-area marks: worst finding per area, ? for undecided checks, only areas that were checked")
    func areaStates() {
        let rules = Fixtures.rules
        let areas = Dictionary(rules.rules.map { ($0.id, $0.area) }, uniquingKeysWith: { a, _ in a })
        func states(_ scenario: String) -> [Area: AreaGlance.State] {
            Dictionary(
                uniqueKeysWithValues: AreaGlance.states(Fixtures.check(scenario: scenario), ruleAreas: areas).map {
                    ($0.area, $0.state)
                })
        }
        let unbound = states("jp6-agx-orin-unbound")
        #expect(unbound[.driver] == .error && unbound[.firmware] == .error && unbound[.platform] == .ok)
        #expect(unbound[.tensorrt] == nil && unbound[.userspace] == nil, "artefact-only areas are not shown")
        #expect(states("jp6-agx-orin-cma-fragmented")[.memory] == .warning)
        #expect(states("jp6-agx-orin-nvpmodel-15w")[.clocks] == .info)
        let nonroot = states("jp6-agx-orin-nonroot")
        #expect(nonroot[.memory] == .inconclusive && nonroot[.devnodes] == .ok)
        #expect(AreaGlance.states(Fixtures.check(scenario: "non-jetson"), ruleAreas: areas).isEmpty)
        // A site rule's area comes from the rule, not from its ID.
        var report = Fixtures.check(scenario: "jp6-agx-orin-64gb")
        #expect(AreaGlance.states(report, ruleAreas: [:]).isEmpty, "no rule areas known, no marks")
        report = Fixtures.check(scenario: "jp6-agx-orin-64gb")
        let site = Dictionary(report.passed.map { ($0.rule, Area.power) }, uniquingKeysWith: { a, _ in a })
        #expect(AreaGlance.states(report, ruleAreas: site).map(\.area) == [.power])
    }

    @Test("the per-area line in UTF-8 and in ASCII")
    func areaLine() {
        let report = Fixtures.check(scenario: "jp6-agx-orin-unbound")
        let renderer = TextRenderer(style: .plain, rules: Fixtures.rules)
        let line = renderer.render(report).split(separator: "\n")[2]
        #expect(line.hasPrefix("  ✓ platform  ✗ driver  ✓ nodes  ✓ device tree"))
        var ascii = renderer
        ascii.unicode = false
        let text = ascii.render(report)
        #expect(text.split(separator: "\n")[2].hasPrefix("  ok platform  X driver  ok nodes  ok device tree"))
        #expect(text.utf8.allSatisfy { $0 < 0x80 }, "LC_ALL=C output is ASCII")
    }

    @Test("remedy commands: facts fill them, globs stand in where a fact is unknown, <name> for the rest")
    func commandTemplates() {
        let facts = ["dla.sysfs.path": "/sys/bus/platform/devices/158c0000.nvdla1"]
        #expect(
            CommandTemplate.render("cat {dla.sysfs.path}/power/control") { facts[$0] }
                == "cat /sys/bus/platform/devices/158c0000.nvdla1/power/control")
        #expect(
            CommandTemplate.generic("cat {dla.sysfs.path}/power/control")
                == "cat /sys/bus/platform/devices/*.nvdla*/power/control")
        #expect(
            CommandTemplate.generic("udevadm info /dev/{dla.node.ctrl.name}") == "udevadm info /dev/nvhost-ctrl-nvdla*")
        #expect(CommandTemplate.generic("ls {site.thing}") == "ls <site.thing>")
        #expect(CommandTemplate.generic("echo '{not a template}'") == "echo '{not a template}'")
    }

    @Test("a root only its owner can read is named as a permission problem")
    func rootAccess() {
        let message = RootAccess.describe(path: "/srv/b", owner: 1000, mode: 0o700, me: 0)
        #expect(message.hasPrefix("/srv/b: permission denied: only its owner"))
        #expect(message.contains("uid 1000") && message.contains("mode 0700"))
        let mine = RootAccess.describe(path: "/srv/b", owner: 0, mode: 0o000, me: 0)
        #expect(mine.contains("mode 0") && !mine.contains("only its owner"))
        #expect(RootAccess.problem(Fixtures.path("jp6-agx-orin-64gb")) == nil)
        #expect(RootAccess.problem("/nonexistent/root") == nil, "a missing root is reported as missing elsewhere")
    }

    @Test("bundle names: nvdla-doctor-<host>-<date>.tar.gz, host token when redacting, safe characters")
    func bundleNames() throws {
        let temp = TemporaryDirectory()
        let root = temp.path + "/root"
        try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        try Data("board7.lab.example\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/hostname"))
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        let day = BundleName.day(date)
        #expect(day.count == 10 && day.hasPrefix("2026-"))
        let plain = BundleName.defaultName(root: SystemRoot(path: root), redact: false, date: date)
        #expect(plain == "nvdla-doctor-board7.lab.example-\(day).tar.gz")
        let redacted = BundleName.defaultName(root: SystemRoot(path: root), redact: true, date: date)
        #expect(redacted == "nvdla-doctor-host-1-\(day).tar.gz")
        #expect(BundleName.sanitized("a/b c;$(x)") == "a-b-c---x-")
        #expect(BundleName.sanitized("..") == "unknown-host" && BundleName.sanitized("") == "unknown-host")
        let none = BundleName.defaultName(root: Fixtures.root("non-jetson"), redact: false, date: date)
        #expect(none.hasPrefix("nvdla-doctor-") && none.hasSuffix("-\(day).tar.gz"))
    }
}
