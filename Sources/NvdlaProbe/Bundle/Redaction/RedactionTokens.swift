import Foundation

/// The replacement of every identifying value of one bundle: the same value always gets the same token, so findings
/// and evidence still line up across files; the private map translates tokens back and the manifest lists keyed
/// hashes of the originals.
///
/// Tokens keep the shape of what they replace where parsers care: MACs stay MACs in the original notation
/// (`02:00:00:00:00:01`, locally administered), IPv4 addresses come from the documentation ranges (RFC 5737),
/// IPv6 from `2001:db8::/32` (RFC 3849), UUIDs stay UUIDs. Names become `host-1`, `user-1`, `ssid-1`; serial
/// numbers `serial-1`; other identifiers `id-1`; keys and passwords `secret-1`.
final class RedactionTokens {
    /// What kind of value a token replaces.
    enum Category: String, CaseIterable, Sendable {
        case serial, host, user, mac, ipv4, ipv6, email, uuid, id, ssid, secret

        /// Names are words: a match must not touch letters, digits, `-` or `_`. Identifiers only must not touch
        /// letters or digits (`…_1421322045678` in a udev `ID_SERIAL` is still the serial).
        var isName: Bool { self == .host || self == .user || self == .ssid }
    }

    private var tokens: [String: String] = [:]  // category + NUL + canonical value → token
    private var originals: [String: (category: Category, original: String, canonical: String)] = [:]  // by token
    private var counters: [Category: Int] = [:]

    /// The canonical form a value is keyed by: lower case; a MAC as its twelve hex digits.
    static func canonical(_ value: String, _ category: Category) -> String {
        let lowered = value.lowercased()
        guard category == .mac else { return lowered }
        let hex = lowered.filter { $0.isHexDigit }
        return hex.count == 12 ? hex : lowered
    }

    /// The token of `value`, allocating the next one of its category the first time.
    func token(_ value: String, _ category: Category) -> String {
        let canonical = Self.canonical(value, category)
        let key = category.rawValue + "\u{0}" + canonical
        if let existing = tokens[key] { return existing }
        let number = (counters[category] ?? 0) + 1
        counters[category] = number
        let token: String
        switch category {
        case .mac:
            token =
                "02:00:00:"
                + [number >> 16, number >> 8, number].map { String(format: "%02x", $0 & 0xff) }.joined(
                    separator: ":")
        case .ipv4:
            let nets = ["192.0.2", "198.51.100", "203.0.113"]
            let index = (number - 1) / 254
            token =
                index < nets.count
                ? "\(nets[index]).\((number - 1) % 254 + 1)" : "10.255.\((number >> 8) & 0xff).\(number & 0xff)"
        case .ipv6: token = "2001:db8::" + String(number, radix: 16)
        case .uuid: token = "00000000-0000-4000-8000-" + String(format: "%012x", number)
        case .email: token = "user-\(number)@example.invalid"
        case .serial, .host, .user, .id, .ssid, .secret: token = "\(category.rawValue)-\(number)"
        }
        tokens[key] = token
        let shown = category == .mac && canonical.count == 12 ? Self.mac(canonical, like: ":") : value
        originals[token] = (category, shown, category == .mac ? shown : canonical)
        return token
    }

    /// `token` (a MAC token in colon notation) written in the notation of `original`: `-`, `_` or `:` between
    /// pairs, `.` between groups of four (Cisco), or no separator; upper case when the original is.
    static func mac(_ token: String, like original: String) -> String {
        let hex = token.filter { $0.isHexDigit }
        let pairs = stride(from: 0, to: 12, by: 2).map { i -> String in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return String(hex[start..<hex.index(start, offsetBy: 2)])
        }
        var text: String
        if original.contains(".") {
            text = stride(from: 0, to: 6, by: 2).map { pairs[$0] + pairs[$0 + 1] }.joined(separator: ".")
        } else if let separator = original.first(where: { $0 == ":" || $0 == "-" || $0 == "_" }) {
            text = pairs.joined(separator: String(separator))
        } else {
            text = pairs.joined()
        }
        if original.contains(where: { $0.isUppercase }) { text = text.uppercased() }
        return text
    }

    /// The private map: category → token → original value. Keys and passwords are not kept in clear text even
    /// there: the map says they were removed.
    var privateMap: [String: [String: String]] {
        var map: [String: [String: String]] = [:]
        for (token, entry) in originals {
            map[entry.category.rawValue, default: [:]][token] =
                entry.category == .secret ? "(removed; not kept)" : entry.original
        }
        return map
    }

    /// Every token with its category and the HMAC-SHA256 under `key` of `category`, NUL, the canonical value
    /// (lower case; a MAC as six colon-separated pairs).
    func hashedValues(key: [UInt8]) -> [BundleManifest.Redaction.Value] {
        originals.map { token, entry in
            BundleManifest.Redaction.Value(
                token: token, category: entry.category.rawValue,
                hmac: SHA256.hmacHex(key: key, Array((entry.category.rawValue + "\u{0}" + entry.canonical).utf8)))
        }.sorted { ($0.category, $0.token) < ($1.category, $1.token) }
    }

    /// Whether nothing was replaced.
    var isEmpty: Bool { originals.isEmpty }
}
