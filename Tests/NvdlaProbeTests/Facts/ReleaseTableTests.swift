import Testing

@testable import NvdlaProbe

/// `Data/releases.yaml`: it decodes, and its lookups answer what NVIDIA ships (and nothing for what it does not know).
@Suite("Release table")
struct ReleaseTableTests {
    static let table: ReleaseTable = {
        do {
            return try ReleaseTable.load()
        } catch {
            Issue.record("Data/releases.yaml does not load: \(error)")
            return ReleaseTable()
        }
    }()

    @Test("the compiled-in table decodes, validates and is what `shipped` holds")
    func decodes() throws {
        let table = try ReleaseTable.load()
        #expect(table.releases.count == ReleaseTable.shipped.releases.count)
        #expect(table.releases.first?.l4t == "32.1.0")
        #expect(table.releases.last.map { $0.l4tMajor } == 39)
        #expect(Set(table.families.map(\.l4tMajor)) == [32, 34, 35, 36, 38, 39])
    }

    @Test("stock JetPack 4.4 to 4.5.1 ship TensorRT 7.1.3 with CUDA 10.2 and cuDNN 8.0")
    func jetpack44to451() {
        for l4t in ["32.4.3", "32.4.4", "32.5.0", "32.5.1", "32.5.2"] {
            let release = Self.table.exact(l4t)
            #expect(release?.tensorrt == "7.1.3", "\(l4t)")
            #expect(release?.cuda == "10.2.89", "\(l4t)")
            #expect(release?.cudnn == "8.0.0.180", "\(l4t)")
            #expect(release?.kernelSeries == "4.9", "\(l4t)")
        }
        #expect(Self.table.exact("32.4.3")?.jetpack == "4.4")
        #expect(Self.table.exact("32.5.2")?.jetpack == "4.5.1")
        #expect(Self.table.exact("32.3.1")?.tensorrtMajor == 6)
        #expect(Self.table.exact("32.1.0")?.tensorrtMajor == 5)
    }

    @Test("JetPack 7: R38 is Thor only with CUDA 13, R39 adds Orin and TensorRT 10.16")
    func jetpack7() {
        let thor = Self.table.exact("38.2.1")
        #expect(thor?.jetpack == "7.0")
        #expect(thor?.socs == ["tegra264"])
        #expect(thor?.cudaMajor == 13)
        #expect(thor?.tensorrt == "10.13.3.9")
        #expect(thor?.kernelSeries == "6.8")
        let orin = Self.table.exact("39.2.0")
        #expect(orin?.jetpack == "7.2")
        #expect(orin?.socs == ["tegra234", "tegra264"])
        #expect(orin?.tensorrt == "10.16.2.10")
        #expect(orin?.cudnn == "9.20.0.46")
        #expect(Self.table.family(major: 36)?.driver == .module)
        #expect(Self.table.family(major: 32)?.driver == .builtin)
    }

    @Test("exact lookups need the whole release; nearest gives a reference inside the family only")
    func byL4T() {
        #expect(Self.table.exact("36.4.3")?.jetpack == "6.2")
        #expect(Self.table.exact("35.4.1")?.jetpack == "5.1.2")
        #expect(Self.table.exact("36.4") == nil)
        #expect(Self.table.exact("36.4.9") == nil)
        #expect(Self.table.exact("garbage") == nil)
        #expect(Self.table.nearest("36.4.9")?.l4t == "36.4.7")
        #expect(Self.table.nearest("36.9.1")?.l4t == "36.5.2")
        #expect(Self.table.nearest("32.4.9")?.l4t == "32.4.4")
        #expect(Self.table.nearest("36.1.0")?.l4t == "36.2.0")
        #expect(Self.table.nearest("99.1") == nil)
        #expect(Self.table.family(of: "39.4.0")?.jetpackMajor == 7)
        #expect(Self.table.family(of: "31.1.0") == nil)
    }

    @Test("JetPack lookups: exact names with suffixes, and families")
    func byJetPack() {
        #expect(Self.table.releases(jetpack: "4.5.1").map(\.l4t) == ["32.5.1", "32.5.2"])
        #expect(Self.table.releases(jetpack: "6.0 DP").map(\.l4t) == ["36.2.0"])
        #expect(Self.table.releases(jetpack: "6.0dp").map(\.l4t) == ["36.2.0"])
        #expect(Self.table.releases(jetpack: "6.2").map(\.l4t) == ["36.4.3"])
        #expect(Self.table.releases(jetpack: "9.9").isEmpty)
        #expect(
            Self.table.releases(jetpackFamily: "6.2").map(\.l4t) == ["36.4.3", "36.4.4", "36.4.7", "36.5.0", "36.5.2"])
        #expect(Self.table.releases(jetpackFamily: "7").map(\.l4tMajor).allSatisfy { $0 == 38 || $0 == 39 })
    }

    @Test("component lookups find every release shipping a version, at any precision")
    func byComponent() {
        #expect(
            Self.table.releases(shipping: .tensorrt, version: "7.1.3").map(\.l4t) == [
                "32.4.3", "32.4.4", "32.5.0", "32.5.1", "32.5.2",
            ])
        #expect(Self.table.releases(shipping: .tensorrt, version: "8.5.2.2").allSatisfy { $0.l4tMajor == 35 })
        #expect(Self.table.releases(shipping: .tensorrt, version: "10.3").first?.l4t == "36.4.0")
        #expect(Self.table.releases(shipping: .cudnn, version: "8.9").map(\.l4t) == ["36.2.0", "36.3.0"])
        #expect(Self.table.releases(shipping: .cuda, version: "13").allSatisfy { $0.l4tMajor >= 38 })
        #expect(Self.table.releases(shipping: .cuda, version: "12.8").isEmpty)
        #expect(Self.table.releases(shipping: .tensorrt, version: "not a version").isEmpty)
    }

    @Test(
        "TensorRT drives the DLA up to 10.7, not from 10.8 to 11.4.0, and from 11.4.1 only on AGX Orin with JetPack 7.2.2+"
    )
    func tensorrtDLA() {
        func dla(_ version: String, _ jetpack: String?, _ module: String?) -> String {
            switch Self.table.tensorrtDLA(version: version, jetpack: jetpack, module: module) {
            case .yes: return "yes"
            case .no: return "no"
            case .unknown: return "unknown"
            }
        }
        #expect(dla("7.1.3", "4.4", "p2888-0001") == "yes")
        #expect(dla("10.3.0.30", "6.2", "p3701-0005") == "yes")
        #expect(dla("10.7.0", "6.2", "p3701-0005") == "yes")
        #expect(dla("10.8.0.43", "6.2", "p3701-0005") == "no")
        #expect(dla("10.16.2.10", "7.2", "p3701-0005") == "no")
        #expect(dla("11.2.1", "7.2", "p3701-0005") == "no")
        #expect(dla("11.4.0", "7.2.2", "p3701-0005") == "no")
        #expect(dla("11.4.1", "7.2.2", "p3701-0005") == "yes")
        #expect(dla("11.5.0", "7.3", "p3701-0008") == "yes")
        #expect(dla("11.4.1", "7.2.1", "p3701-0005") == "no")
        #expect(dla("11.4.1", "7.2.2", "p3767-0000") == "no")
        #expect(dla("11.4.1", nil, "p3701-0005") == "unknown")
        #expect(dla("11.4.1", "7.2.2", nil) == "unknown")
        #expect(dla("4.1.3", "3.3", nil) == "unknown")
        #expect(dla("rc", "6.2", nil) == "unknown")
        // What each release ships: every JetPack 4-6 TensorRT drives the DLA, JetPack 7's do not.
        for release in Self.table.releases {
            let shipped = Self.table.shippedTensorRTDLA(release, module: "p3701-0005")
            let word: String
            switch shipped {
            case .yes: word = "yes"
            case .no: word = "no"
            case .unknown: word = "unknown"
            }
            #expect(word == (release.l4tMajor >= 38 ? "no" : "yes"), "L4T \(release.l4t): \(shipped)")
        }
    }

    @Test(
        "a malformed table is refused with its line, never half-read",
        arguments: [
            ("schema: 2\nfamilies: []\nreleases: []\ntensorrt_dla: []\n", "schema"),
            (
                "schema: 1\nfamilies: [{l4t: \"36\", jetpack: \"6\", kernel: \"5.15\", driver: module, socs: [tegra234], source: s}]\nreleases:\n  - {l4t: \"36.4.3\", jetpack: \"6.2\", kernel: \"5.15\", cuda: \"12.6\", cudnn: \"9.3\", tensorrt: \"10.3\", source: s, typo: 1}\ntensorrt_dla: []\n",
                "unknown key"
            ),
            (
                "schema: 1\nfamilies: [{l4t: \"36\", jetpack: \"6\", kernel: \"5.15\", driver: module, socs: [tegra234], source: s}]\nreleases:\n  - {l4t: \"36.4.3\", jetpack: \"6.2\", kernel: \"5.15\", cuda: \"12.6\", cudnn: \"9.3\", tensorrt: \"10.3\", source: s}\n  - {l4t: \"36.4.0\", jetpack: \"6.1\", kernel: \"5.15\", cuda: \"12.6\", cudnn: \"9.3\", tensorrt: \"10.3\", source: s}\ntensorrt_dla: []\n",
                "out of order"
            ),
            (
                "schema: 1\nfamilies: [{l4t: \"36\", jetpack: \"6\", kernel: \"5.15\", driver: module, socs: [tegra234], source: s}]\nreleases:\n  - {l4t: \"36.4.3\", jetpack: \"5.1\", kernel: \"5.15\", cuda: \"12.6\", cudnn: \"9.3\", tensorrt: \"10.3\", source: s}\ntensorrt_dla: []\n",
                "JetPack"
            ),
            (
                "schema: 1\nfamilies: [{l4t: \"36\", jetpack: \"6\", kernel: \"5.15\", driver: module, socs: [tegra234], source: s}]\nreleases:\n  - {l4t: \"36.4.3\", jetpack: \"6.2\", kernel: \"5.15\", cuda: \"twelve\", cudnn: \"9.3\", tensorrt: \"10.3\", source: s}\ntensorrt_dla: []\n",
                "not a version"
            ),
            ("schema: 1\nfamilies: []\nreleases: [\n", "not YAML"),
            ("\u{0}\u{1}binary", "not"),
        ])
    func malformed(_ input: (String, String)) {
        do {
            _ = try ReleaseTable.load(input.0)
            Issue.record("accepted a malformed table")
        } catch let error as ReleaseTableError {
            #expect(error.description.contains(input.1), "\(error)")
            #expect(error.description.hasPrefix("Data/releases.yaml"))
        } catch {
            Issue.record("not a ReleaseTableError: \(error)")
        }
    }

    @Test("without a compiled-in table, load says so")
    func missing() {
        #expect(throws: ReleaseTableError.self) { try ReleaseTable.load(nil as String?) }
    }
}
