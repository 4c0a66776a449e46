import Foundation

/// Replaces secrets in captured text and path names with consistent tokens, and keeps the private map back.
///
/// Secrets: the module serial number (device-tree `serial-number`, and any `serial number: X` / `serialno=X`
/// value seen in captured text), host names (`/etc/hostname`, `/proc/sys/kernel/hostname`), user names of
/// people (`/etc/passwd` accounts with uid 1000–65533), MAC, IPv4 and IPv6 addresses (`AddressScanner`). The same
/// value always maps to the same token (`serial-1`, `host-1`, `user-1`, `02:00:00:00:00:01`, `192.0.2.1`,
/// `2001:db8::1`), so findings still line up. P-numbers, versions and group names are kept: rules compare them.
/// User names that are also platform vocabulary (`nvidia`, `ubuntu`…) are only replaced in `/home/<name>`.
final class Redactor {
    /// Token categories, as they appear in the private map.
    enum Category: String, Codable, CaseIterable {
        case serial, host, user, mac, ipv4, ipv6
    }

    /// Names too common in platform text to replace everywhere (compatibles, package names, paths).
    static let vocabulary: Set<String> = [
        "nvidia", "ubuntu", "jetson", "tegra", "root", "admin", "user", "video", "render", "docker", "debian", "dla",
        "orin", "xavier", "nano", "agx", "linux", "l4t", "default", "test", "guest",
    ]

    private(set) var literals: [(value: [UInt8], category: Category)] = []
    /// The token of the root's own host name (`host-1`), allocated when it is learnt so bundle names can use it.
    private(set) var hostToken: String?
    private(set) var tokens: [String: String] = [:]  // category + "\0" + value → token
    private var counters: [Category: Int] = [:]
    private let serialPattern: Regex2?

    init() {
        serialPattern = try? Regex2(
            #"serial(?:[ _-]?(?:number|no|num))?["']?\s*[:=]\s*["']?(?<value>[A-Za-z0-9][A-Za-z0-9-]{3,})"#,
            caseless: true)
    }

    /// Learns the secrets a root holds: serial number, host names and user names.
    func learn(from root: SystemRoot) {
        for path in ["/sys/firmware/devicetree/base/serial-number", "/proc/device-tree/serial-number"] {
            if let bytes = root.readBytes(path, cap: 4096).value?.bytes { addLiteral(clean(bytes), .serial) }
        }
        for path in ["/etc/hostname", "/proc/sys/kernel/hostname"] {
            if let bytes = root.readBytes(path, cap: 4096).value?.bytes {
                let name = clean(bytes)
                addLiteral(name, .host)
                if hostToken == nil, literals.contains(where: { $0.value == name }) {
                    hostToken = token(for: String(decoding: name, as: UTF8.self), .host)
                }
                if let dot = name.firstIndex(of: 0x2E) { addLiteral(Array(name[..<dot]), .host) }
            }
        }
        if let text = root.readText("/etc/passwd", cap: 4 * 1024 * 1024).value {
            for user in PasswdFile.parse(text).users where (1000..<65534).contains(user.uid) {
                if Self.vocabulary.contains(user.name.lowercased()) {
                    addLiteral(Array("/home/\(user.name)".utf8), .user, prefix: "/home/")
                } else {
                    addLiteral(Array(user.name.utf8), .user)
                }
            }
        }
    }

    /// Learns serial numbers written as `serial number: X` (or `serialno=X`) in `bytes`.
    func learnSerials(in bytes: [UInt8]) {
        guard let serialPattern, bytes.count < 64 * 1024 * 1024 else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.range(of: "serial", options: .caseInsensitive) != nil else { return }
        for line in text.split(separator: "\n") where line.range(of: "serial", options: .caseInsensitive) != nil {
            if let value = serialPattern.captures(in: String(line))?["value"] {
                addLiteral(Array(value.utf8), .serial)
            }
        }
    }

    private func clean(_ bytes: [UInt8]) -> [UInt8] {
        Array(
            String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                .utf8)
    }

    private var prefixes: [String: String] = [:]

    private func addLiteral(_ value: [UInt8], _ category: Category, prefix: String = "") {
        guard value.count >= 3, !literals.contains(where: { $0.value == value }) else { return }
        if !prefix.isEmpty { prefixes[String(decoding: value, as: UTF8.self)] = prefix }
        literals.append((value, category))
        literals.sort { $0.value.count > $1.value.count }
    }

    /// `bytes` with every secret replaced; `nil` when nothing was replaced.
    func redact(_ bytes: [UInt8]) -> [UInt8]? {
        var out = bytes
        var changed = false
        for (value, category) in literals {
            if let replaced = replaceLiteral(value, category, in: out) {
                out = replaced
                changed = true
            }
        }
        let matches = AddressScanner.scan(out)
        if !matches.isEmpty {
            var result: [UInt8] = []
            result.reserveCapacity(out.count)
            var cursor = 0
            for match in matches {
                result.append(contentsOf: out[cursor..<match.range.lowerBound])
                let original = String(decoding: out[match.range], as: UTF8.self).lowercased()
                let category: Category = match.kind == .mac ? .mac : match.kind == .ipv4 ? .ipv4 : .ipv6
                result.append(contentsOf: token(for: original, category).utf8)
                cursor = match.range.upperBound
            }
            result.append(contentsOf: out[cursor...])
            out = result
            changed = true
        }
        return changed ? out : nil
    }

    /// `text` with every secret replaced.
    func redact(_ text: String) -> String {
        redact(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    private func replaceLiteral(_ value: [UInt8], _ category: Category, in bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= value.count, let first = value.first else { return nil }
        var out: [UInt8] = []
        var i = 0
        var changed = false
        let last = bytes.count - value.count
        let valueText = String(decoding: value, as: UTF8.self)
        while i < bytes.count {
            if i <= last, bytes[i] == first, bytes[i..<(i + value.count)].elementsEqual(value),
                i == 0 || !isWordByte(bytes[i - 1]) || !isWordByte(first),
                i + value.count == bytes.count || !isWordByte(bytes[i + value.count])
                    || !isWordByte(value[value.count - 1])
            {
                let prefix = prefixes[valueText] ?? ""
                out.append(contentsOf: (prefix + token(for: valueText, category, prefix: prefix)).utf8)
                i += value.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// Letters, digits, `_` and `-`: a secret is replaced only where it is a whole word of these.
    private func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }

    /// The token of `value`, allocating the next one of its category the first time.
    private func token(for value: String, _ category: Category, prefix: String = "") -> String {
        let key = category.rawValue + "\u{0}" + value
        if let existing = tokens[key] { return existing }
        let number = (counters[category] ?? 0) + 1
        counters[category] = number
        let token: String
        switch category {
        case .serial: token = "serial-\(number)"
        case .host: token = "host-\(number)"
        case .user: token = "user-\(number)"
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
        }
        tokens[key] = token
        return token
    }

    /// The private map: token → original value, by category (for support to translate a report back).
    var privateMap: [String: [String: String]] {
        var map: [String: [String: String]] = [:]
        for (key, token) in tokens {
            let parts = key.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            map[String(parts[0]), default: [:]][token] = String(parts[1])
        }
        return map
    }
}
