/// Where identifying values live, by file: the fields of the files a board keeps its identity in, as byte ranges.
///
/// | file | fields |
/// |---|---|
/// | `/etc/hostname`, `/etc/mailname`, `/proc/sys/kernel/hostname` | the name |
/// | `/etc/hosts` | every name but `localhost*` and `ip6-*` |
/// | `/etc/passwd`, `/etc/shadow` | login name and GECOS full name of people (uid 1000–65533), password hashes |
/// | `/etc/group`, `/etc/gshadow` | personal groups (gid 1000–65533) and members (people only, decided later) |
/// | `/etc/machine-id`, `/var/lib/dbus/machine-id`, `/proc/sys/kernel/random/boot_id` | the id |
/// | sysfs and device-tree `serial`, `serial_number`, `serial-number`, `serialno`, `*_serial`, `product_uuid` | the value |
/// | sysfs `address`, `perm_address` of a network interface | the MAC |
/// | device-tree `mac-address`, `local-mac-address` (6 raw bytes) | the MAC |
/// | `/proc/cmdline`, device-tree `chosen/bootargs` | `CommandLineFields` |
/// | udev database `/run/udev/data/*` | `E:` properties naming a serial, UUID, WWN or asset tag |
/// | NetworkManager keyfiles | `id=` (the connection's name, usually the SSID) |
/// | netplan | the names under `access-points:` |
///
/// Everything else (keys such as `psk=`, addresses, e-mails) is found in all text by `KeyedValueScanner` and
/// `PatternScanner`.
enum IdentityFields {
    /// One field: its category and byte range; `binaryMAC` for six raw bytes.
    struct Field: Equatable {
        let category: RedactionTokens.Category
        let range: Range<Int>
        var binaryMAC = false
    }

    /// The people's uid range of Debian and Ubuntu (`/etc/adduser.conf` FIRST_UID..LAST_UID, and below nobody).
    static let peopleIDs: Range<Int> = 1000..<65534

    static let hostnameFiles: Set<String> = ["/etc/hostname", "/etc/mailname", "/proc/sys/kernel/hostname"]
    static let machineIDFiles: Set<String> = [
        "/etc/machine-id", "/var/lib/dbus/machine-id", "/proc/sys/kernel/random/boot_id",
    ]
    static let serialAttributes: Set<String> = [
        "serial", "serial_number", "serial-number", "serialno", "product_serial", "board_serial", "chassis_serial",
        "chassis_asset_tag",
    ]
    static let deviceTreeRoots = ["/sys/firmware/devicetree/base/", "/proc/device-tree/"]

    /// The identity fields of the file at `path` (an absolute path inside the root).
    static func fields(path: String, bytes: [UInt8]) -> [Field] {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let inDeviceTree = deviceTreeRoots.contains { path.hasPrefix($0) }
        if hostnameFiles.contains(path) { return firstLine(bytes).map { [Field(category: .host, range: $0)] } ?? [] }
        if machineIDFiles.contains(path) { return firstLine(bytes).map { [Field(category: .id, range: $0)] } ?? [] }
        switch path {
        case "/etc/hosts": return hosts(bytes)
        case "/etc/passwd", "/etc/shadow": return accounts(bytes, shadow: path == "/etc/shadow")
        case "/etc/group", "/etc/gshadow": return groups(bytes, shadow: path == "/etc/gshadow")
        case "/proc/cmdline": return CommandLineFields.scan(bytes, 0..<bytes.count).map(\.field)
        default: break
        }
        if inDeviceTree, path.hasSuffix("/chosen/bootargs") {
            return CommandLineFields.scan(bytes, 0..<bytes.count).map(\.field)
        }
        if inDeviceTree, name == "mac-address" || name == "local-mac-address", bytes.count == 6 {
            return [Field(category: .mac, range: 0..<6, binaryMAC: true)]
        }
        if path.hasPrefix("/sys/") || inDeviceTree {
            if serialAttributes.contains(name) {
                return firstLine(bytes).map { [Field(category: .serial, range: $0)] } ?? []
            }
            if name == "product_uuid" { return firstLine(bytes).map { [Field(category: .id, range: $0)] } ?? [] }
            if (name == "address" || name == "perm_address"), path.contains("/net/") {
                return firstLine(bytes).map { [Field(category: .mac, range: $0)] } ?? []
            }
        }
        if path.hasPrefix("/run/udev/data/") { return udev(bytes) }
        if path.hasPrefix("/etc/NetworkManager/system-connections/")
            || path.hasPrefix("/run/NetworkManager/system-connections/")
        {
            return keyfileIDs(bytes)
        }
        if path.hasPrefix("/etc/netplan/") || path.hasPrefix("/run/netplan/") || path.hasPrefix("/lib/netplan/") {
            return accessPoints(bytes)
        }
        return []
    }

    // MARK: Lines and fields

    /// Each line's byte range (without the newline).
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lines.append(start..<end)
            start = end + 1
        }
        return lines
    }

    /// `range` without surrounding spaces, tabs, carriage returns and NULs.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x00 }
        while lower < upper, blank(bytes[lower]) { lower += 1 }
        while upper > lower, blank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The first line's value, trimmed; nil when empty.
    static func firstLine(_ bytes: [UInt8]) -> Range<Int>? {
        guard let line = lines(bytes).first else { return nil }
        let value = trimmed(bytes, line)
        return value.isEmpty ? nil : value
    }

    /// The `separator`-separated fields of `line`.
    static func split(_ bytes: [UInt8], _ line: Range<Int>, by separator: UInt8) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        for i in line where bytes[i] == separator {
            fields.append(start..<i)
            start = i + 1
        }
        fields.append(start..<line.upperBound)
        return fields
    }

    static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 10, bytes[range].allSatisfy(PatternScanner.isDigit) else { return nil }
        return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isComment(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let value = trimmed(bytes, line)
        return value.isEmpty || bytes[value.lowerBound] == 0x23
    }

    // MARK: Files

    private static func hosts(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        for line in lines(bytes) where !isComment(bytes, line) {
            var content = line
            if let hash = bytes[line].firstIndex(of: 0x23) { content = line.lowerBound..<hash }
            for name in content.split(bytes: bytes, maxFields: 64).dropFirst() {
                let text = String(decoding: bytes[name], as: UTF8.self).lowercased()
                if text.hasPrefix("localhost") || text.hasPrefix("ip6-") || text == "broadcasthost" { continue }
                fields.append(Field(category: .host, range: name))
            }
        }
        return fields
    }

    private static func accounts(_ bytes: [UInt8], shadow: Bool) -> [Field] {
        var fields: [Field] = []
        for line in lines(bytes) where !isComment(bytes, line) {
            let parts = split(bytes, line, by: 0x3A)
            guard parts.count >= 2, !parts[0].isEmpty else { continue }
            if shadow {
                fields.append(Field(category: .user, range: parts[0]))
                let hash = String(decoding: bytes[parts[1]], as: UTF8.self)
                if hash.count > 2, !["*", "!", "!!", "x"].contains(hash) {
                    fields.append(Field(category: .secret, range: parts[1]))
                }
                continue
            }
            guard parts.count >= 7, let uid = number(bytes, parts[2]), peopleIDs.contains(uid) else { continue }
            fields.append(Field(category: .user, range: parts[0]))
            var fullName = parts[4]
            if let comma = bytes[fullName].firstIndex(of: 0x2C) { fullName = fullName.lowerBound..<comma }
            fullName = trimmed(bytes, fullName)
            if !fullName.isEmpty, !bytes[fullName].elementsEqual(bytes[parts[0]]) {
                fields.append(Field(category: .user, range: fullName))
            }
        }
        return fields
    }

    private static func groups(_ bytes: [UInt8], shadow: Bool) -> [Field] {
        var fields: [Field] = []
        for line in lines(bytes) where !isComment(bytes, line) {
            let parts = split(bytes, line, by: 0x3A)
            guard parts.count >= 4, !parts[0].isEmpty else { continue }
            if !shadow, let gid = number(bytes, parts[2]), peopleIDs.contains(gid) {
                fields.append(Field(category: .user, range: parts[0]))
            }
            for memberList in shadow ? parts.dropFirst(2) : parts.dropFirst(3) {
                for member in split(bytes, memberList, by: 0x2C) where !member.isEmpty {
                    fields.append(Field(category: .user, range: member))
                }
            }
        }
        return fields
    }

    /// udev database properties that identify the device: `*SERIAL*` (for `ID_SERIAL`, only the serial part —
    /// `ID_SERIAL_SHORT` when the entry has it, else what follows the last `_`; the vendor and model stay),
    /// `*UUID*`, `*WWN*`, `*ASSET_TAG*`.
    private static func udev(_ bytes: [UInt8]) -> [Field] {
        var properties: [(key: String, value: Range<Int>)] = []
        for line in lines(bytes)
        where line.count > 2 && bytes[line.lowerBound] == 0x45 && bytes[line.lowerBound + 1] == 0x3A {
            let body = (line.lowerBound + 2)..<line.upperBound
            guard let equals = bytes[body].firstIndex(of: 0x3D) else { continue }
            properties.append(
                (String(decoding: bytes[body.lowerBound..<equals], as: UTF8.self), (equals + 1)..<line.upperBound))
        }
        let short = properties.first { $0.key == "ID_SERIAL_SHORT" }.map { bytes[$0.value] }
        var fields: [Field] = []
        for (key, value) in properties where !value.isEmpty {
            if key.contains("SERIAL") {
                var range = value
                if !key.hasSuffix("SHORT") {
                    if let short, !short.isEmpty, bytes[value].count > short.count,
                        bytes[value].suffix(short.count).elementsEqual(short)
                    {
                        range = (value.upperBound - short.count)..<value.upperBound
                    } else if let underscore = bytes[value].lastIndex(of: 0x5F) {
                        range = (underscore + 1)..<value.upperBound
                    }
                }
                if !range.isEmpty { fields.append(Field(category: .serial, range: range)) }
            } else if key.contains("UUID") || key.contains("WWN") || key.contains("ASSET_TAG") {
                fields.append(Field(category: .id, range: value))
            }
        }
        return fields
    }

    /// NetworkManager keyfile `id=` lines: the connection name, for Wi-Fi the SSID as the user typed it.
    private static func keyfileIDs(_ bytes: [UInt8]) -> [Field] {
        lines(bytes).compactMap { line in
            let value = trimmed(bytes, line)
            guard value.count > 3, bytes[value].starts(with: Array("id=".utf8)) else { return nil }
            return Field(category: .ssid, range: (value.lowerBound + 3)..<value.upperBound)
        }
    }

    /// netplan `access-points:` entries: each child key is an SSID.
    private static func accessPoints(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        var parentIndent: Int?
        var childIndent: Int?
        for line in lines(bytes) {
            let content = trimmed(bytes, line)
            guard !content.isEmpty, bytes[content.lowerBound] != 0x23 else { continue }
            let indent = content.lowerBound - line.lowerBound
            if let parent = parentIndent, indent <= parent {
                parentIndent = nil
                childIndent = nil
            }
            if let parent = parentIndent, indent > parent, bytes[content.upperBound - 1] == 0x3A {
                if childIndent == nil { childIndent = indent }
                if indent == childIndent {
                    var key = content.lowerBound..<(content.upperBound - 1)
                    key = trimmed(bytes, key)
                    if key.count >= 2, [0x22, 0x27].contains(bytes[key.lowerBound]),
                        bytes[key.upperBound - 1] == bytes[key.lowerBound]
                    {
                        key = (key.lowerBound + 1)..<(key.upperBound - 1)
                    }
                    if !key.isEmpty { fields.append(Field(category: .ssid, range: key)) }
                }
                continue
            }
            if bytes[content].elementsEqual(Array("access-points:".utf8)) { parentIndent = indent }
        }
        return fields
    }
}

/// Identifying fields of a kernel command line (`/proc/cmdline`, device-tree `chosen/bootargs`, or the
/// `Kernel command line:` log line): the host name in `ip=client:server:gw:mask:HOST:dev:…` and `hostname=`;
/// serial numbers (`androidboot.serialno=`, any key naming a serial); `PARTUUID=`, `UUID=` values of `root=`,
/// `resume=` and the like; MACs given without separators to keys naming a MAC. Addresses in `ip=`, `nfsroot=` and
/// `BOOTIF=` are found by `PatternScanner`; `cma=`, `firmware_class.path=` and the rest are kept.
enum CommandLineFields {
    /// One field of a command line.
    struct Found: Equatable {
        let category: RedactionTokens.Category
        let range: Range<Int>
        var field: IdentityFields.Field { IdentityFields.Field(category: category, range: range) }
    }

    static func scan(_ bytes: [UInt8], _ range: Range<Int>) -> [Found] {
        var found: [Found] = []
        for token in range.split(bytes: bytes, maxFields: 4096) {
            guard let equals = bytes[token].firstIndex(of: 0x3D) else { continue }
            let key = String(decoding: bytes[token.lowerBound..<equals], as: UTF8.self).lowercased()
            var value = (equals + 1)..<token.upperBound
            if value.count >= 2, bytes[value.lowerBound] == 0x22, bytes[value.upperBound - 1] == 0x22 {
                value = (value.lowerBound + 1)..<(value.upperBound - 1)
            }
            guard !value.isEmpty else { continue }
            if key == "ip" {
                let parts = IdentityFields.split(bytes, value, by: 0x3A)
                if parts.count > 4, !parts[4].isEmpty { found.append(Found(category: .host, range: parts[4])) }
            } else if key == "hostname" || key.hasSuffix(".hostname") {
                found.append(Found(category: .host, range: value))
            } else if key.contains("serial") {
                found.append(Found(category: .serial, range: value))
            } else if key.contains("mac") || key == "ethaddr",
                value.count == 12, bytes[value].allSatisfy(PatternScanner.isHex)
            {
                found.append(Found(category: .mac, range: value))
            } else if let inner = bytes[value].firstIndex(of: 0x3D) {
                let kind = String(decoding: bytes[value.lowerBound..<inner], as: UTF8.self).uppercased()
                if kind == "PARTUUID" || kind == "UUID", inner + 1 < value.upperBound {
                    found.append(Found(category: .id, range: (inner + 1)..<value.upperBound))
                }
            }
        }
        return found
    }
}
