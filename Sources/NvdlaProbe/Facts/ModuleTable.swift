/// Jetson modules by P-number: name and how many DLA cores the SKU has.
///
/// Sources: Docs/platform.md §3.4 (NVIDIA DLA FAQ; nvpmodel confs; jetson_stats `MODULE_NAME_TABLE`; partner
/// copies of the Orin NX data sheet for NX 8GB = 1 DLA; OE4T/meta-tegra `agx-thor-t5000.inc`/`agx-thor-t4000.inc`
/// for the Thor P-numbers, and NVIDIA's TensorRT 11.4.1 DLA page: Thor has no DLA).
public enum ModuleTable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let dlaCount: Int
    }

    /// Exact SKUs.
    public static let modules: [String: Entry] = [
        "p3701-0000": Entry(name: "NVIDIA Jetson AGX Orin", dlaCount: 2),
        "p3701-0002": Entry(name: "NVIDIA Jetson IGX Orin (Developer Kit)", dlaCount: 2),
        "p3701-0004": Entry(name: "NVIDIA Jetson AGX Orin (32GB ram)", dlaCount: 2),
        "p3701-0005": Entry(name: "NVIDIA Jetson AGX Orin (64GB ram)", dlaCount: 2),
        "p3701-0008": Entry(name: "NVIDIA Jetson AGX Orin Industrial", dlaCount: 2),
        "p3767-0000": Entry(name: "NVIDIA Jetson Orin NX (16GB ram)", dlaCount: 2),
        "p3767-0001": Entry(name: "NVIDIA Jetson Orin NX (8GB ram)", dlaCount: 1),
        "p3767-0003": Entry(name: "NVIDIA Jetson Orin Nano (8GB ram)", dlaCount: 0),
        "p3767-0004": Entry(name: "NVIDIA Jetson Orin Nano (4GB ram)", dlaCount: 0),
        "p3767-0005": Entry(name: "NVIDIA Jetson Orin Nano (Developer kit)", dlaCount: 0),
        "p2888-0001": Entry(name: "NVIDIA Jetson AGX Xavier (16GB ram)", dlaCount: 2),
        "p2888-0003": Entry(name: "NVIDIA Jetson AGX Xavier (32GB ram)", dlaCount: 2),
        "p2888-0004": Entry(name: "NVIDIA Jetson AGX Xavier (32GB ram)", dlaCount: 2),
        "p2888-0005": Entry(name: "NVIDIA Jetson AGX Xavier (64GB ram)", dlaCount: 2),
        "p2888-0006": Entry(name: "NVIDIA Jetson AGX Xavier (8GB ram)", dlaCount: 2),
        "p2888-0008": Entry(name: "NVIDIA Jetson AGX Xavier Industrial (32GB ram)", dlaCount: 2),
        "p3668-0000": Entry(name: "NVIDIA Jetson Xavier NX (Developer kit)", dlaCount: 2),
        "p3668-0001": Entry(name: "NVIDIA Jetson Xavier NX", dlaCount: 2),
        "p3668-0003": Entry(name: "NVIDIA Jetson Xavier NX (16GB ram)", dlaCount: 2),
        "p3448-0000": Entry(name: "NVIDIA Jetson Nano (Developer Kit Version)", dlaCount: 0),
        "p3448-0002": Entry(name: "NVIDIA Jetson Nano module (16Gb eMMC)", dlaCount: 0),
        "p3448-0003": Entry(name: "NVIDIA Jetson Nano (2 GB ram)", dlaCount: 0),
        "p3310-1000": Entry(name: "NVIDIA Jetson TX2", dlaCount: 0),
        "p3489-0000": Entry(name: "NVIDIA Jetson TX2i", dlaCount: 0),
        "p3489-0888": Entry(name: "NVIDIA Jetson TX2 4GB", dlaCount: 0),
        "p3636-0001": Entry(name: "NVIDIA Jetson TX2 NX", dlaCount: 0),
        "p2180-1000": Entry(name: "NVIDIA Jetson TX1", dlaCount: 0),
        "p3834-0008": Entry(name: "NVIDIA Jetson AGX Thor (T5000)", dlaCount: 0),
        "p3834-0000": Entry(name: "NVIDIA Jetson T4000", dlaCount: 0),
    ]

    /// Module families whose every SKU has the same DLA count (for SKUs not in `modules`).
    public static let families: [String: Int] = [
        "p3701": 2, "p2888": 2, "p3668": 2, "p3448": 0, "p3310": 0, "p3489": 0, "p3636": 0, "p2180": 0, "p3834": 0,
    ]

    /// SoCs that have no DLA at all, whatever the module (Thor is tegra264).
    public static let socsWithoutDLA: Set<String> = ["tegra210", "tegra186", "tegra264"]

    /// SoCs that have DLA cores on some modules.
    public static let socsWithDLA: Set<String> = ["tegra194", "tegra234"]

    /// Whether `module` (a P-number) is a known Jetson module rather than a carrier board.
    public static func isModule(_ module: String) -> Bool {
        modules[module] != nil || families[String(module.prefix(5))] != nil || module.hasPrefix("p3767")
    }

    /// The expected DLA count for `module` on `soc`; nil when it cannot be told.
    public static func expectedDLA(module: String?, soc: String?) -> Int? {
        if let soc, socsWithoutDLA.contains(soc) { return 0 }
        guard let module else { return nil }
        if let entry = modules[module] { return entry.dlaCount }
        let family = String(module.prefix(5))
        return families[family]
    }
}
