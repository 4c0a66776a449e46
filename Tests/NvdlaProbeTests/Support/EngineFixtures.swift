import Foundation

/// Small variations of fixture scenarios, made at test time, for rules whose broken state no committed
/// scenario carries.
enum EngineFixtures {
    struct Variant: Sendable, CustomStringConvertible {
        let name: String
        let base: String
        let findings: [String]
        let mutate: @Sendable (String) throws -> Void
        var description: String { name }
    }

    static func replace(_ root: String, _ relative: String, _ old: String, _ new: String) throws {
        let path = root + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile) }
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func append(_ root: String, _ relative: String, _ line: String) throws {
        let path = root + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func remove(_ root: String, _ relative: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relative)
    }

    static let dla0 = "sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0"

    static let dla1 = "sys/devices/platform/bus@0/13e00000.host1x/158c0000.nvdla1"

    static func write(_ root: String, _ relative: String, _ text: String) throws {
        try text.write(toFile: root + "/" + relative, atomically: false, encoding: .utf8)
    }

    static let table: [Variant] = [
        Variant(
            name: "AGX with a fused-off DLA0", base: "jp6-agx-orin-unbound",
            findings: ["NVDLA-DRV-003:dla0", "NVDLA-FW-001:system"]
        ) {
            try append($0, ".nvdla-doctor/kmsg", "3,900,9000000,-;nvdla 15880000.nvdla0: NVDLA0 IP is disabled in Fuse")
        },
        Variant(name: "no platform device for DLA0", base: "jp6-agx-orin-64gb", findings: ["NVDLA-DRV-004:dla0"]) {
            try remove($0, "sys/bus/platform/devices/15880000.nvdla0")
        },
        Variant(name: "module stuck unloading", base: "jp6-agx-orin-64gb", findings: ["NVDLA-DRV-007:system"]) {
            try replace($0, "proc/modules", "nvhost_nvdla 311296 0 - Live", "nvhost_nvdla 311296 0 - Unloading")
        },
        Variant(name: "JP5 channel node missing", base: "jp5-agx-orin", findings: ["NVDLA-DEV-002:dla1"]) {
            try replace($0, ".nvdla-doctor/stat.tsv", "/dev/nvhost-nvdla1\tc\t0660\troot\tvideo\t508:57\n", "")
        },
        Variant(name: "node unknown to udev", base: "jp6-agx-orin-64gb", findings: ["NVDLA-DEV-005:dla0"]) {
            try remove($0, "run/udev/data/c492:0")
        },
        Variant(name: "runtime suspend disabled", base: "jp6-agx-orin-64gb", findings: ["NVDLA-PWR-002:dla0"]) {
            try "on\n".write(toFile: $0 + "/\(dla0)/power/control", atomically: false, encoding: .utf8)
        },
        Variant(name: "module SKU not identifiable", base: "jp6-agx-orin-64gb", findings: ["NVDLA-PLAT-002:system"]) {
            try remove($0, "sys/firmware/devicetree/base/nvidia,boardids")
            try Data("nvidia,tegra234\0".utf8).write(
                to: URL(fileURLWithPath: $0 + "/sys/firmware/devicetree/base/compatible"))
        },
        Variant(name: "empty firmware file", base: "jp6-agx-orin-64gb", findings: ["NVDLA-FW-002:system"]) {
            try write($0, "lib/firmware/nvhost_nvdla020.fw", "")
        },
        Variant(
            name: "firmware package of another release", base: "jp6-agx-orin-64gb", findings: ["NVDLA-FW-003:system"]
        ) {
            let stanza = "Architecture: arm64\nVersion: 36.4.3-20250107174145\nDescription: NVIDIA Firmware Package"
            try replace(
                $0, "var/lib/dpkg/status", stanza, stanza.replacingOccurrences(of: "36.4.3-2025", with: "36.3.0-2024"))
        },
        Variant(name: "DLA cap written below MAXN", base: "jp6-agx-orin-64gb", findings: ["NVDLA-CLK-002:dla1"]) {
            try write($0, "\(dla1)/clk_cap/dla1_core", "1113600000\n")
        },
        Variant(name: "DLA busy with floating clocks", base: "jp6-agx-orin-64gb", findings: ["NVDLA-CLK-004:dla0"]) {
            try write($0, "\(dla0)/power/runtime_status", "active\n")
        },
        Variant(name: "CMA debugfs with one large free run", base: "jp6-agx-orin-cma-fragmented", findings: []) {
            try write(
                $0, "sys/kernel/debug/cma/cma-linux,cma/bitmap",
                Array(repeating: "0", count: 4096).joined(separator: " ") + "\n")
        },
        Variant(name: "no L4T release anywhere", base: "jp5-agx-orin-no-dpkg", findings: ["NVDLA-VER-002:system"]) {
            try remove($0, "etc/nv_tegra_release")
        },
    ]

    /// Applies `variant` to a fresh copy of its base; nil when the mutation no longer fits the fixture.
    static func make(_ variant: Variant, in temp: TemporaryDirectory) -> String? {
        let root = temp.copy(scenario: variant.base)
        do {
            try variant.mutate(root)
            return root
        } catch {
            return nil
        }
    }

    static func variants(in temp: TemporaryDirectory) -> [String] {
        table.compactMap { make($0, in: temp) }
    }
}
