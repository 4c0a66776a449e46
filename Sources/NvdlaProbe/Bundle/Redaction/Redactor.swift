import Foundation

/// Replaces identifying values in a bundle's files, path names and texts with consistent tokens
/// (`RedactionTokens`), by field rather than by string.
///
/// First it learns: the identity fields of the root's own files (`IdentityFields`: hostname, hosts, passwd,
/// group, machine-id, device-tree serial) and of every captured file, and the values keys and phrases name in
/// their text (`KeyedValueScanner`). Then each file gets its fields replaced where they are, keyed values and
/// well-formed addresses, e-mails and UUIDs (`PatternScanner`) replaced wherever they are, and learned values
/// replaced as whole words elsewhere — unless the value is also a word the diagnosis uses (`RedactionVocabulary`):
/// a host named `dev` stays `dev` in `/dev/nvhost-ctrl-nvdla0`. Learned serial numbers and identifiers are
/// replaced even next to `_` (udev's `ID_SERIAL=VENDOR_MODEL_SERIAL`), names only as whole words.
///
/// The package database (`/var/lib/dpkg/status`) is public package metadata: its versions look like addresses
/// and its maintainers' addresses identify no user, so only learned values are replaced there. Binary files
/// are not scanned as text; the device tree's MAC properties are replaced as raw bytes.
final class Redactor {
    let tokens = RedactionTokens()
    private var learned: [String: (value: String, category: RedactionTokens.Category)] = [:]
    /// Account names with a uid below 1000 (and the usual system names): not people.
    private var systemAccounts = RedactionVocabulary.systemAccounts
    /// Account names with a people uid in `/etc/passwd`.
    private var people: Set<String> = []
    private var vocabulary = RedactionVocabulary()
    private var literals: [(bytes: [UInt8], category: RedactionTokens.Category)] = []
    private var literalFirstBytes = [Bool](repeating: false, count: 256)

    /// Files every Linux root keeps identity in; learned even when the check did not read them.
    static let identityFiles = [
        "/etc/hostname", "/proc/sys/kernel/hostname", "/etc/mailname", "/etc/hosts", "/etc/passwd", "/etc/group",
        "/etc/machine-id", "/var/lib/dbus/machine-id", "/sys/firmware/devicetree/base/serial-number",
    ]

    /// Files holding public package metadata.
    static let packageDatabases: Set<String> = ["/var/lib/dpkg/status", "/var/lib/dpkg/available"]

    // MARK: Learning

    /// The token of the root's own host name, allocated first so it is `host-1` in the bundle and in the bundle's
    /// default file name (`BundleName`); nil when the root records no host name.
    private(set) var hostToken: String?

    /// Learns the identity files of `root` (read through a root of its own, so they join no read trail).
    func learn(identityOf root: SystemRoot) {
        for path in Self.identityFiles {
            if let bytes = root.readBytes(path, cap: 4 * 1024 * 1024).value?.bytes { learn(path: path, bytes: bytes) }
        }
        for path in ["/etc/hostname", "/proc/sys/kernel/hostname"] where hostToken == nil {
            guard let bytes = root.readBytes(path, cap: 4096).value?.bytes else { continue }
            let name = String(decoding: bytes, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
            if !name.isEmpty { hostToken = tokens.token(name, .host) }
        }
    }

    /// Learns the values of a file's fields and keys.
    func learn(path: String, bytes: [UInt8]) {
        if path == "/etc/passwd", let text = String(bytes: bytes, encoding: .utf8) {
            for user in PasswdFile.parse(text).users {
                if IdentityFields.peopleIDs.contains(Int(user.uid)) {
                    people.insert(user.name.lowercased())
                } else {
                    systemAccounts.insert(user.name.lowercased())
                }
            }
        }
        for field in IdentityFields.fields(path: path, bytes: bytes) where !field.binaryMAC {
            learn(String(decoding: bytes[field.range], as: UTF8.self), field.category)
        }
        guard Self.isText(bytes), !Self.packageDatabases.contains(path) else { return }
        for found in KeyedValueScanner.scan(bytes) {
            learn(String(decoding: bytes[found.range], as: UTF8.self), found.category)
        }
    }

    /// Learns the values keys and path positions name in `text` (a path, a link target).
    func learn(text: String) {
        let bytes = Array(text.utf8)
        for found in KeyedValueScanner.scan(bytes) {
            learn(String(decoding: bytes[found.range], as: UTF8.self), found.category)
        }
    }

    private func learn(_ raw: String, _ category: RedactionTokens.Category) {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
        guard !value.isEmpty else { return }
        learned[category.rawValue + "\u{0}" + RedactionTokens.canonical(value, category)] = (value, category)
        if category == .host, let dot = value.firstIndex(of: ".") {
            learn(String(value[..<dot]), .host)
            let domain = String(value[value.index(after: dot)...])
            if domain.contains(".") { learn(domain, .host) }
        }
    }

    /// Whether `name` (a user value) belongs to a person, not to a system account.
    private func isPerson(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return people.contains(lowered) || !systemAccounts.contains(lowered)
    }

    /// Ends learning: decides which learned values are replaced everywhere (as whole words) and which only in
    /// their fields, given the words the diagnosis uses.
    func seal(vocabulary: RedactionVocabulary) {
        self.vocabulary = vocabulary
        var table: [(bytes: [UInt8], category: RedactionTokens.Category)] = []
        for (_, entry) in learned {
            let (value, category) = entry
            if vocabulary.contains(value) { continue }
            switch category {
            case .host, .ssid:
                guard value.count >= 3 else { continue }
            case .user:
                guard value.count >= 3, isPerson(value) else { continue }
            case .serial, .id:
                guard value.count >= 6, value.contains(where: \.isNumber) else { continue }
            case .secret:
                guard value.count >= 6 else { continue }
            case .mac:
                let hex = RedactionTokens.canonical(value, .mac)
                guard hex.count == 12, hex.allSatisfy(\.isHexDigit) else { continue }
                table.append((Array(hex.utf8), .mac))  // the bare form; other notations are patterns
                continue
            case .ipv4, .ipv6, .email, .uuid:
                continue  // found by shape everywhere
            }
            table.append((Array(value.lowercased().utf8), category))
        }
        literals = table.sorted { $0.bytes.count > $1.bytes.count }
        literalFirstBytes = [Bool](repeating: false, count: 256)
        for literal in literals { literalFirstBytes[Int(literal.bytes[0])] = true }
    }

    // MARK: Redacting

    /// A replacement: the byte range, what it is, and how strongly it was found (fields win ties).
    private struct Span {
        let range: Range<Int>
        let category: RedactionTokens.Category
        let priority: Int
        var binaryMAC = false
    }

    /// `bytes` of the file at `path` with every identifying value replaced; nil when nothing was.
    func redact(path: String, bytes: [UInt8]) -> [UInt8]? {
        var spans: [Span] = []
        for field in IdentityFields.fields(path: path, bytes: bytes) where !field.range.isEmpty {
            if field.category == .user, !isPerson(String(decoding: bytes[field.range], as: UTF8.self)) { continue }
            spans.append(Span(range: field.range, category: field.category, priority: 3, binaryMAC: field.binaryMAC))
        }
        if Self.isText(bytes) {
            if !Self.packageDatabases.contains(path) { spans += keyedAndPatternSpans(bytes) }
            spans += literalSpans(bytes)
        }
        return apply(spans, to: bytes)
    }

    /// `text` (a path, a link target, the report) with every identifying value replaced.
    func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let spans = keyedAndPatternSpans(bytes) + literalSpans(bytes)
        return apply(spans, to: bytes).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// JSON text (the stored report) with every string redacted as text, so escapes such as `\n` never hide a
    /// value's boundary; text that is not JSON is redacted as text.
    func redact(json text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: redactStrings(in: object),
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return redact(text) }
        return String(decoding: data, as: UTF8.self) + (text.hasSuffix("\n") ? "\n" : "")
    }

    private func redactStrings(in object: Any) -> Any {
        switch object {
        case let string as String: return redact(string)
        case let array as [Any]: return array.map(redactStrings)
        case let dictionary as [String: Any]:
            return Dictionary(
                dictionary.map { (redact($0.key), redactStrings(in: $0.value)) },
                uniquingKeysWith: { first, _ in first })
        default: return object
        }
    }

    private func keyedAndPatternSpans(_ bytes: [UInt8]) -> [Span] {
        var spans: [Span] = []
        for found in KeyedValueScanner.scan(bytes) {
            if found.category == .user, !isPerson(String(decoding: bytes[found.range], as: UTF8.self)) { continue }
            spans.append(Span(range: found.range, category: found.category, priority: 2))
        }
        for match in PatternScanner.scan(bytes) {
            let category: RedactionTokens.Category
            switch match.kind {
            case .mac: category = .mac
            case .ipv4: category = .ipv4
            case .ipv6: category = .ipv6
            case .email: category = .email
            case .uuid: category = .uuid
            }
            spans.append(Span(range: match.range, category: category, priority: 1))
        }
        return spans
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Learned values found as whole words (names) or next to no letter or digit (identifiers).
    private func literalSpans(_ bytes: [UInt8]) -> [Span] {
        guard !literals.isEmpty else { return [] }
        var spans: [Span] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let first = Self.lower(bytes[i])
            guard literalFirstBytes[Int(first)] else {
                i += 1
                continue
            }
            var matched: Span?
            for literal in literals where literal.bytes[0] == first && i + literal.bytes.count <= n {
                let count = literal.bytes.count
                var equal = true
                for k in 1..<count where Self.lower(bytes[i + k]) != literal.bytes[k] {
                    equal = false
                    break
                }
                guard equal else { continue }
                let isName = literal.category.isName
                func joins(_ b: UInt8) -> Bool { PatternScanner.isAlnum(b) || (isName && (b == 0x2D || b == 0x5F)) }
                if i > 0, joins(bytes[i - 1]), joins(literal.bytes[0]) { continue }
                if i + count < n, joins(bytes[i + count]), joins(literal.bytes[count - 1]) { continue }
                matched = Span(range: i..<(i + count), category: literal.category, priority: 0)
                break
            }
            if let matched {
                spans.append(matched)
                i = matched.range.upperBound
            } else {
                i += 1
            }
        }
        return spans
    }

    /// Applies the non-overlapping spans: where spans overlap, the longest wins, then fields before keys,
    /// patterns and learned words. Overlaps are resolved cluster by cluster, so the cost stays linear in the
    /// number of spans.
    private func apply(_ spans: [Span], to bytes: [UInt8]) -> [UInt8]? {
        guard !spans.isEmpty else { return nil }
        let byStart = spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var accepted: [Span] = []
        var cluster: [Span] = []
        var clusterEnd = 0
        func resolve() {
            let ordered = cluster.sorted {
                ($0.range.count, $0.priority, -$0.range.lowerBound) > (
                    $1.range.count, $1.priority, -$1.range.lowerBound
                )
            }
            var kept: [Span] = []
            for span in ordered where !kept.contains(where: { $0.range.overlaps(span.range) }) { kept.append(span) }
            accepted += kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
            cluster.removeAll(keepingCapacity: true)
        }
        for span in byStart {
            if !cluster.isEmpty, span.range.lowerBound >= clusterEnd { resolve() }
            clusterEnd = cluster.isEmpty ? span.range.upperBound : max(clusterEnd, span.range.upperBound)
            cluster.append(span)
        }
        resolve()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for span in accepted {
            out += bytes[cursor..<span.range.lowerBound]
            out += replacement(for: span, in: bytes)
            cursor = span.range.upperBound
        }
        out += bytes[cursor...]
        return out == bytes ? nil : out
    }

    /// The token bytes that replace `span`.
    private func replacement(for span: Span, in bytes: [UInt8]) -> [UInt8] {
        let original = String(decoding: bytes[span.range], as: UTF8.self)
        if span.binaryMAC {
            let hex = bytes[span.range].map { String(format: "%02x", $0) }.joined()
            let token = tokens.token(hex, .mac).filter(\.isHexDigit)
            return stride(from: 0, to: 12, by: 2).map { i in
                let start = token.index(token.startIndex, offsetBy: i)
                return UInt8(token[start..<token.index(start, offsetBy: 2)], radix: 16) ?? 0
            }
        }
        switch span.category {
        case .mac:
            return Array(RedactionTokens.mac(tokens.token(original, .mac), like: original).utf8)
        case .ipv6:
            if let lastColon = original.lastIndex(of: ":"), original[lastColon...].contains(".") {
                let prefix = original[...lastColon].lowercased()
                let v4 = String(original[original.index(after: lastColon)...])
                if prefix == "::ffff:" || prefix == "::" || prefix == "64:ff9b::" {
                    return Array((prefix + tokens.token(v4, .ipv4)).utf8)
                }
            }
            return Array(tokens.token(original, .ipv6).utf8)
        case .id:
            return Array(tokens.token(original, Self.isUUID(original) ? .uuid : .id).utf8)
        default:
            let value = original.trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
            return Array(tokens.token(value, span.category).utf8)
        }
    }

    /// Whether `value` is written as a UUID (8-4-4-4-12 hex digits).
    static func isUUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// Whether `bytes` is text: no control bytes but tab, newline, carriage return and NUL (device-tree strings).
    static func isText(_ bytes: [UInt8]) -> Bool {
        !bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x00 } && !bytes.contains(0x7F)
    }

    /// The private map and the keyed hashes of the manifest, under a fresh random key.
    func outputs() -> (privateMap: [String: [String: String]], key: [UInt8], hashed: [BundleManifest.Redaction.Value]) {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return (tokens.privateMap, key, tokens.hashedValues(key: key))
    }
}
