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
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    static func writeBytes(_ root: String, _ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    /// Replaces the `CmaTotal`/`CmaFree` lines of `proc/meminfo` (kB, kernel layout `%-16s%8lu kB`).
    static func setCma(_ root: String, totalKB: Int, freeKB: Int) throws {
        let path = root + "/proc/meminfo"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        func line(_ key: String, _ kb: Int) -> String {
            (key + ":").padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: max(0, 8 - String(kb).count)) + "\(kb) kB"
        }
        let edited = lines.map { raw -> String in
            if raw.hasPrefix("CmaTotal:") { return line("CmaTotal", totalKB) }
            if raw.hasPrefix("CmaFree:") { return line("CmaFree", freeKB) }
            return String(raw)
        }
        try edited.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    static let cmaSize = "sys/firmware/devicetree/base/reserved-memory/linux,cma/size"

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
            try remove($0, "sys/firmware/devicetree/base/chosen/ids")
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
        // Issue 16: each correction of the platform model, on the smallest change of a stock tree.
        Variant(
            name: "CMA reservation short of the device tree's size", base: "jp6-agx-orin-64gb",
            findings: ["NVDLA-MEM-001:system"]
        ) {
            try setCma($0, totalKB: 262_144, freeKB: 243_000)
        },
        Variant(
            name: "custom DTB asking for less CMA than stock", base: "jp6-agx-orin-64gb",
            findings: ["NVDLA-MEM-005:system"]
        ) {
            try writeBytes($0, cmaSize, [0, 0, 0, 0, 0x10, 0, 0, 0])
            try setCma($0, totalKB: 262_144, freeKB: 243_000)
        },
        Variant(name: "container given every node it needs (NVIDIA runtime)", base: "jp6-agx-orin-64gb", findings: []) {
            try write($0, ".dockerenv", "")
            try write($0, "proc/1/cgroup", "0::/system.slice/docker-0123456789abcdef.scope\n")
        },
        Variant(name: "JetPack 5 firmware only in the SoC subdirectory", base: "jp5-agx-orin", findings: []) {
            try remove($0, "lib/firmware/nvhost_nvdla020.fw")
            try write($0, "lib/firmware/tegra23x/nvhost_nvdla020.fw", "falcon image")
        },
        Variant(name: "stock JetPack 4.4 (L4T 32.4.3, TensorRT 7.1.3)", base: "jp4-agx-xavier", findings: []) {
            try replace($0, "etc/nv_tegra_release", "REVISION: 5.1", "REVISION: 4.3")
            try replace($0, "var/lib/dpkg/status", "32.5.1-20210219084526", "32.4.3-20200625213809")
            try replace($0, "var/lib/dpkg/status", "4.5.1-b17", "4.4-b186")
            try replace($0, "proc/sys/kernel/osrelease", "4.9.201", "4.9.140")
            try replace($0, "proc/version", "4.9.201", "4.9.140")
        },
        Variant(
            name: "unknown release with another TensorRT major", base: "jp6-agx-orin-unknown-l4t",
            findings: ["NVDLA-VER-001:system", "NVDLA-VER-010:system"]
        ) {
            try replace(
                $0, "usr/include/aarch64-linux-gnu/NvInferVersion.h", "NV_TENSORRT_MAJOR 10", "NV_TENSORRT_MAJOR 8")
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
