/// Parses `/etc/passwd`: `name:password:uid:gid:gecos:home:shell` lines.
///
/// Comments (`#`), blank lines and NIS compat lines (`+…`, `-…`) are skipped. When a uid repeats, the first
/// name wins (as `getpwuid` would return).
public struct PasswdFile: Sendable, Equatable {
    /// One `/etc/passwd` account.
    public struct User: Sendable, Equatable {
        /// Login name.
        public let name: String
        /// Numeric user id.
        public let uid: UInt32
        /// Primary group id.
        public let gid: UInt32
        /// The GECOS (comment) field.
        public let gecos: String
        /// Home directory.
        public let home: String
        /// Login shell.
        public let shell: String
    }

    /// Accounts in file order.
    public let users: [User]
    /// uid → first name with that uid.
    public let names: [UInt32: String]
    /// 1-based numbers of lines that could not be parsed.
    public let malformedLines: [Int]

    /// The `/etc/passwd` account with that login name.
    public func user(named name: String) -> User? {
        users.first { $0.name == name }
    }

    /// Parses `/etc/passwd` text; never fails.
    public static func parse(_ text: String) -> PasswdFile {
        var users: [User] = []
        var names: [UInt32: String] = [:]
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let trimmed = ReaderLex.trimmed(line)
            if let first = trimmed.utf8.first, first == 0x23 || first == 0x2B || first == 0x2D { continue }
            if trimmed.isEmpty { continue }
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 7, !fields[0].isEmpty, let uid = ReaderLex.uint32(fields[2]),
                let gid = ReaderLex.uint32(fields[3])
            else {
                malformed.append(offset + 1)
                continue
            }
            let user = User(
                name: String(fields[0]), uid: uid, gid: gid, gecos: String(fields[4]),
                home: String(fields[5]),
                shell: String(fields[6]))
            users.append(user)
            if names[uid] == nil { names[uid] = user.name }
        }
        return PasswdFile(users: users, names: names, malformedLines: malformed)
    }
}
