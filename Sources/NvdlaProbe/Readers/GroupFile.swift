/// Parses `/etc/group`: `name:password:gid:member,member` lines.
///
/// Comments (`#`), blank lines and NIS compat lines (`+…`, `-…`) are skipped. When a gid repeats, the first
/// name wins (as `getgrgid` would return).
public struct GroupFile: Sendable, Equatable {
    /// One `/etc/group` entry.
    public struct Group: Sendable, Equatable {
        /// Group name, e.g. `video`.
        public let name: String
        /// Numeric group id.
        public let gid: UInt32
        /// Supplementary members (user names), e.g. `["ubuntu"]`.
        public let members: [String]
    }

    /// Groups in file order.
    public let groups: [Group]
    /// gid → first name with that gid.
    public let names: [UInt32: String]
    /// 1-based numbers of lines that could not be parsed.
    public let malformedLines: [Int]

    /// The `/etc/group` entry with that name.
    public func group(named name: String) -> Group? {
        groups.first { $0.name == name }
    }

    /// Names of the `/etc/group` groups listing the user as a member (primary group not included).
    public func groups(withMember user: String) -> [String] {
        groups.filter { $0.members.contains(user) }.map(\.name)
    }

    /// Parses `/etc/group` text; never fails.
    public static func parse(_ text: String) -> GroupFile {
        var groups: [Group] = []
        var names: [UInt32: String] = [:]
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let trimmed = ReaderLex.trimmed(line)
            if let first = trimmed.utf8.first, first == 0x23 || first == 0x2B || first == 0x2D { continue }
            if trimmed.isEmpty { continue }
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, !fields[0].isEmpty, let gid = ReaderLex.uint32(fields[2]) else {
                malformed.append(offset + 1)
                continue
            }
            let members = fields[3].split(separator: ",").map { String(ReaderLex.trimmed($0)) }
                .filter { !$0.isEmpty }
            let group = Group(name: String(fields[0]), gid: gid, members: members)
            groups.append(group)
            if names[gid] == nil { names[gid] = group.name }
        }
        return GroupFile(groups: groups, names: names, malformedLines: malformed)
    }
}
