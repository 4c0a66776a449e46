import Foundation

/// Identifies the SoC, module SKU and expected DLA count from the device tree.
///
/// The module P-number comes from, in order: `chosen/ids` (written by UEFI on L4T R35 and later, module first:
/// `3767-0000-301 3768-0000-ES1`), the root `nvidia,boardids` (`3701:0005`, older bootloaders), the property names
/// of `chosen/plugin-manager/ids` (CBoot on R32: `2888-0001-400`), and the module part of the root `compatible`
/// (`nvidia,p3737-0000+p3701-0005`), which names the DTB, not always the module: on JetPack 5 an AGX Orin 64GB
/// runs the p3701-0000 DTB (Docs/platform.md §3.4). Also reads `model`, `chosen/nvidia,sku` and
/// `etc/nv_tegra_release` (only to tell a Tegra root whose device tree is hidden, e.g. in a container).
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

        let module = Self.identifyModule(dt, compatible: list)
        let idsPath = dt.path("/chosen") + "/ids"
        facts.set(
            "platform.module_sku", from: dt.string("/chosen", "nvidia,sku"), source: dt.path("/chosen") + "/nvidia,sku"
        ) { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.count > 128 ? nil : .string(trimmed)
        }
        if let (value, source, raw) = module {
            facts.set("platform.module", .string(value), source: source, raw: raw)
            if let entry = ModuleTable.modules[value] {
                facts.set("platform.module_name", .string(entry.name), source: source)
            }
        } else {
            facts.set("platform.module", state: .missing(source: idsPath))
        }
        if let expected = ModuleTable.expectedDLA(module: module?.0, soc: soc) {
            facts.set(
                "platform.dla_expected", .int(Int64(expected)), source: module?.1 ?? compatiblePath,
                raw: module?.0 ?? soc)
        } else {
            facts.set("platform.dla_expected", state: .missing(source: module?.1 ?? idsPath))
        }
    }

    /// The module P-number with the file it came from and the raw text, from the first source that names one.
    static func identifyModule(_ dt: DeviceTree, compatible: [String]) -> (String, String, String?)? {
        for (node, name) in [("/chosen", "ids"), ("/", "nvidia,boardids")] {
            if let raw = dt.property(node, name).value.flatMap(idText), let parsed = module(fromIds: raw) {
                return (parsed, dt.path(node) + "/" + name, raw)
            }
        }
        let pluginIds = "/chosen/plugin-manager/ids"
        if let names = dt.entryNames(pluginIds).value, let parsed = module(fromIds: names.joined(separator: " ")) {
            return (parsed, dt.path(pluginIds), names.joined(separator: " "))
        }
        if let parsed = module(fromCompatible: compatible) {
            return (parsed, dt.path("/") + "/compatible", compatible.joined(separator: " "))
        }
        return nil
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

    /// Board-ID property bytes as text: NULs (terminator or separators) become spaces; nil unless printable ASCII.
    static func idText(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.count <= 4096, bytes.allSatisfy({ $0 == 0 || (0x20...0x7e).contains($0) }) else {
            return nil
        }
        let text = String(decoding: bytes.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The module among board IDs (`3767-0000-301 3768-0000-ES1`, `3701:0005`, `2822-0000-300 2888-0001-400`):
    /// the first ID that is a known module, else the first ID.
    static func module(fromIds text: String) -> String? {
        let ids = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\0" }).compactMap {
            pNumber(fromId: $0)
        }
        return ids.first(where: ModuleTable.isModule) ?? ids.first
    }

    /// `3701:0005`, `3701-0005-500` or `p3701-0005` → `p3701-0005`.
    static func pNumber<S: StringProtocol>(fromId id: S) -> String? {
        let text = String(id)
        let trimmed = text.hasPrefix("p") ? text.dropFirst() : Substring(text)
        let parts = trimmed.split(whereSeparator: { $0 == ":" || $0 == "-" })
        guard parts.count >= 2, parts[0].count == 4, parts[1].count == 4,
            parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
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
