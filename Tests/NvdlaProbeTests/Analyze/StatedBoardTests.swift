import Testing

@testable import NvdlaProbe

/// A board only a person names, values inside links, lines that list alternatives, and field values that are no board:
/// written for the shapes seen in held-out tickets (forum and GitHub pastes), with other boards and wordings.
@Suite("Stated boards, links and lists")
struct StatedBoardTests {
    static func analyze(_ text: String) -> Report {
        AnalyzeJob.analyze(text: text, name: "paste.txt", rules: Fixtures.rules)
    }

    @Test(
        "a board a person names is reported by its family's name, marked as stated",
        arguments: [
            ("I am running the detector on my TX2 and it is slow.", "Jetson TX2", "tegra186"),
            ("We use an Orin Nano devkit for this project.", "Jetson Orin Nano", "tegra234"),
            ("Our Xavier drops frames.\nIt is the Xavier NX with the 8GB module.", "Jetson Xavier NX", "tegra194"),
        ])
    func namedInProse(_ text: String, _ model: String, _ soc: String) {
        let report = Self.analyze(text)
        #expect(report.platform.model == model)
        #expect(report.facts.bool("platform.model.stated") == true)
        #expect(report.platform.soc == soc)
    }

    @Test("a board a tool printed is not marked as stated")
    func printedModel() {
        let report = Self.analyze("$ cat /proc/device-tree/model\nNVIDIA Jetson AGX Orin Developer Kit\n")
        #expect(report.platform.model == "NVIDIA Jetson AGX Orin Developer Kit")
        #expect(report.facts.bool("platform.model.stated") != true)
    }

    @Test("two finer names of one family leave the family's own name")
    func ambiguousRefinement() {
        let report = Self.analyze("My Xavier is slow.\nIs the Xavier NX faster?\nOr the AGX Xavier?")
        #expect(report.platform.soc == "tegra194")
        #expect(report.platform.model == "Jetson Xavier")
    }

    @Test("a bare nano on an R36 release is shown as an Orin Nano")
    func nanoOnR36() {
        let report = Self.analyze(
            "jetson@nano:~$ cat /etc/nv_tegra_release\n# R36 (release), REVISION: 4.3, GCID: 1, BOARD: generic, EABI: aarch64, DATE: x\n"
        )
        #expect(report.platform.soc == "tegra234")
        #expect(report.platform.model == "Jetson Orin Nano")
    }

    @Test("a board inside a link ranks below the person's words")
    func boardInLink() {
        let report = Self.analyze(
            """
            I followed https://forums.developer.nvidia.com/t/pci-express-on-jetson-nano/1050 on my Jetson TX2.
            """)
        #expect(report.platform.soc == "tegra186")
        #expect(report.platform.model == "Jetson TX2")
    }

    @Test(
        "versions inside a link are no evidence",
        arguments: [
            "Docs: https://docs.nvidia.com/jetson/archives/r35.5.0/DeveloperGuide/index.html",
            "see <https://developer.nvidia.com/embedded/jetson-linux-r3643> and [notes](https://x.org/L4T_36.4.3/)",
        ])
    func versionInLink(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.platform.l4t == nil)
    }

    @Test("a version next to a link, not inside it, still counts")
    func versionBesideLink() {
        let report = Self.analyze("deb https://repo.download.nvidia.com/jetson/common r36.4 main\nL4T 36.4.3\n")
        #expect(report.platform.l4t == "36.4.3")
    }

    @Test(
        "a line that lists several GPUs or SoCs names none",
        arguments: [
            "device/of_node/name in ['gv11b', 'gp10b', 'ga10b', 'gpu']",
            "supported: gm20b, gp10b and gv11b",
        ])
    func listedAlternatives(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.platform.soc == nil)
    }

    @Test("one GPU named twice on a line still names it")
    func sameNameTwice() {
        let report = Self.analyze("[    5.1] gv11b 17000000.gv11b: gv11b: probe ok")
        #expect(report.platform.soc == "tegra194")
    }

    @Test(
        "a field name followed by punctuation or a sentence with a link is no board",
        arguments: [
            #"    self.nvp = NVPmodel(os.environ["JETSON_TYPE"], jetson_clocks=self.jc)"#,
            "We flashed the jetson linux in the device, we then tried again. - https://docs.nvidia.com/jetson/x",
        ])
    func notABoard(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.platform.model == nil)
    }

    @Test("URLSpan: inside an address, beside it, and without one")
    func urlSpan() {
        let line = Array("see https://a.org/jetson-nano/r35.5.0 and r36.4 (https://b.org/x)".utf8)
        line.withUnsafeBufferPointer { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            func range(_ s: String) -> Range<Int> {
                let r = text.range(of: s)!
                let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                return start..<(start + s.utf8.count)
            }
            #expect(URLSpan.contains(bytes, range("jetson-nano")))
            #expect(URLSpan.contains(bytes, range("r35.5.0")))
            #expect(!URLSpan.contains(bytes, range("r36.4")))
            #expect(URLSpan.contains(bytes, range("b.org")))
            #expect(!URLSpan.contains(bytes, range("see")))
        }
        Array("no address here".utf8).withUnsafeBufferPointer { #expect(!URLSpan.contains($0, 0..<2)) }
    }
}
