import Foundation

/// Renders message templates: `{key}` is replaced by the value `lookup` gives, `{key|filter}` formats it.
///
/// Filters: `mib` (bytes → "256 MiB"), `mhz` (Hz → "1369.6 MHz"), `hex` (integer → 0x2b), `upper`, `streamid`
/// (hex text such as a `cbfrsynra` value → its SMMU stream ID: `835` → `35`, the bits above 0x7f dropped).
public enum Template {
    /// The names referenced by `template` (without filters), in order.
    public static func names(in template: String) -> [String] {
        var names: [String] = []
        scan(template) { name, _ in names.append(name) }
        return names
    }

    /// The filters referenced by `template`.
    public static func filters(in template: String) -> [String] {
        var filters: [String] = []
        scan(template) { _, filter in if let filter { filters.append(filter) } }
        return filters
    }

    public static let knownFilters: Set<String> = ["mib", "mhz", "hex", "upper", "streamid"]

    /// Renders `template`; a name `lookup` does not know renders as `unknown(name)` (`(unknown)` by default).
    public static func render(
        _ template: String, lookup: (String) -> String?, unknown: (String) -> String = { _ in "(unknown)" }
    ) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                return out
            }
            let body = rest[rest.index(after: open)..<close]
            let parts = body.split(separator: "|", maxSplits: 1).map(String.init)
            let name = parts.first ?? ""
            if name.isEmpty || name.contains(where: \.isWhitespace) {
                out += rest[open...close]
            } else if let value = lookup(name) {
                out += apply(parts.count > 1 ? parts[1] : nil, to: value)
            } else {
                out += unknown(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    static func scan(_ template: String, _ visit: (String, String?) -> Void) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let body = rest[rest.index(after: open)..<close]
            let parts = body.split(separator: "|", maxSplits: 1).map(String.init)
            if let name = parts.first, !name.isEmpty, !name.contains(where: \.isWhitespace) {
                visit(name, parts.count > 1 ? parts[1] : nil)
            }
            rest = rest[rest.index(after: close)...]
        }
    }

    static func apply(_ filter: String?, to value: String) -> String {
        switch filter {
        case "mib"?:
            guard let bytes = Int64(value) else { return value }
            return Format.mib(bytes)
        case "mhz"?:
            guard let hz = Int64(value) else { return value }
            return Format.mhz(hz)
        case "hex"?:
            guard let number = Int64(value) else { return value }
            return "0x" + String(number, radix: 16)
        case "upper"?:
            return value.uppercased()
        case "streamid"?:
            let digits = value.lowercased().hasPrefix("0x") ? String(value.dropFirst(2)) : value
            guard !digits.isEmpty, digits.count <= 16, let number = UInt64(digits, radix: 16) else { return value }
            return String(Int(number & UInt64(SmmuClients.streamIDMask)), radix: 16)
        default:
            return value
        }
    }
}

/// Human formats for sizes and rates in reports.
public enum Format {
    /// Bytes as MiB, with one decimal only when not whole (`256 MiB`, `0.5 MiB`).
    public static func mib(_ bytes: Int64) -> String {
        let mib = Double(bytes) / 1_048_576
        if bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MiB" }
        return String(format: "%.1f MiB", mib)
    }

    /// A file size for people: `812 B`, `17.3 KiB`, `2.5 MiB`.
    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1_048_576 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return mib(Int64(bytes))
    }

    /// Hz as MHz (`1369.6 MHz`, `614.4 MHz`, `0 MHz`).
    public static func mhz(_ hz: Int64) -> String {
        if hz % 1_000_000 == 0 { return "\(hz / 1_000_000) MHz" }
        return String(format: "%.1f MHz", Double(hz) / 1_000_000)
    }
}
