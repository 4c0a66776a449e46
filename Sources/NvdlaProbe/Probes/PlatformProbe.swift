import Foundation

/// Identifies the SoC, module SKU and expected DLA count from the device tree root node.
///
/// Reads `sys/firmware/devicetree/base/{compatible,model,nvidia,boardids}` and `etc/nv_tegra_release` (only to
/// tell a Tegra root whose device tree is hidden, e.g. in a container).
public struct PlatformProbe: Probe {
    public var area: Area { .platform }

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let dt = context.deviceTree
        let compatiblePath = dt.path("/") + "/compatible"
        let compatible = dt.strings("/", "compatible")
        facts.set("platform.compatible", from: compatible, source: compatiblePath) { .list($0) }
        let model = dt.string("/", "model")
        facts.set("platform.model", from: model, source: dt.path("/") + "/model") { model in
            let trimmed = model.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.count > 256 ? nil : .string(trimmed)
        }

        let list = compatible.value ?? []
        let soc = Self.soc(from: list)
        if let soc {
            facts.set("platform.soc", .string(soc), source: compatiblePath, raw: list.joined(separator: " "))
        } else {
            facts.set("platform.soc", from: compatible.map { _ in 0 }, source: compatiblePath) { _ in nil }
            if compatible.value != nil { facts.set("platform.soc", state: .missing(source: compatiblePath)) }
        }

        let releaseExists = context.root.exists("/etc/nv_tegra_release") == true
        let isTegra = soc?.hasPrefix("tegra") == true || (compatible.value == nil && releaseExists)
        facts.set(
            "platform.tegra", .bool(isTegra), source: soc != nil ? compatiblePath : "/etc/nv_tegra_release",
            raw: soc ?? (releaseExists ? "nv_tegra_release present" : nil))

        let boardidsPath = dt.path("/") + "/nvidia,boardids"
        let boardids = dt.string("/", "nvidia,boardids")
        var module: (String, String, String?)?  // value, source, raw
        if let raw = boardids.value, let parsed = Self.module(fromBoardIds: raw) {
            module = (parsed, boardidsPath, raw)
        } else if let parsed = Self.module(fromCompatible: list) {
            module = (parsed, compatiblePath, list.joined(separator: " "))
        }
        if let (value, source, raw) = module {
            facts.set("platform.module", .string(value), source: source, raw: raw)
            if let entry = ModuleTable.modules[value] {
                facts.set("platform.module_name", .string(entry.name), source: source)
            }
        } else {
            facts.set("platform.module", state: .missing(source: boardidsPath))
        }
        if let expected = ModuleTable.expectedDLA(module: module?.0, soc: soc) {
            facts.set(
                "platform.dla_expected", .int(Int64(expected)), source: module?.1 ?? compatiblePath,
                raw: module?.0 ?? soc)
        } else {
            facts.set("platform.dla_expected", state: .missing(source: module?.1 ?? boardidsPath))
        }
    }

    /// `nvidia,tegra234` → `tegra234` (the generation aliases like `nvidia,tegra23x` are skipped).
    static func soc(from compatible: [String]) -> String? {
        for entry in compatible {
            let name = entry.split(separator: ",").last.map(String.init) ?? entry
            if name.hasPrefix("tegra"), name.dropFirst(5).allSatisfy(\.isNumber), name.count > 5 {
                return name
            }
        }
        return nil
    }

    /// `3701:0005` (or `3701-0005-500`) → `p3701-0005`.
    static func module(fromBoardIds text: String) -> String? {
        let first = text.split(whereSeparator: { $0 == " " || $0 == "," }).first.map(String.init) ?? ""
        let parts = first.split(whereSeparator: { $0 == ":" || $0 == "-" })
        guard parts.count >= 2, parts[0].count == 4, parts[1].count == 4,
            parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber)
        else { return nil }
        return "p\(parts[0])-\(parts[1])"
    }

    /// `nvidia,p3737-0000+p3701-0005` → `p3701-0005` (the module is after the carrier board).
    static func module(fromCompatible compatible: [String]) -> String? {
        for entry in compatible {
            guard let plus = entry.lastIndex(of: "+") else { continue }
            let tail = entry[entry.index(after: plus)...]
            if let id = pNumber(tail) { return id }
        }
        return nil
    }

    static func pNumber<S: StringProtocol>(_ text: S) -> String? {
        let chars = Array(text)
        guard chars.count >= 10, chars[0] == "p", chars[5] == "-",
            chars[1..<5].allSatisfy(\.isNumber), chars[6..<10].allSatisfy(\.isNumber)
        else { return nil }
        return String(chars[0..<10])
    }
}
