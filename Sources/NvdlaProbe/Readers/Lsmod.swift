/// Parses `lsmod` output: a `Module  Size  Used by` header, then `name size count [users]` rows.
///
/// Example rows: `nvhost_nvdla  196608  0` and `host1x  180224  6 nvhost_nvdla,host1x_nvhost`.
public struct Lsmod: Sendable, Equatable {
    /// One `lsmod` row.
    public struct Module: Sendable, Equatable {
        /// The module name, e.g. `nvhost_nvdla`.
        public let name: String
        /// Memory size in bytes.
        public let size: Int64
        /// The `Used by` count; `nil` when printed as `-`.
        public let usedBy: Int?
        /// Names of the using modules (`[permanent]` excluded).
        public let users: [String]
    }

    /// Rows in output order.
    public let modules: [Module]
    /// 1-based numbers of non-blank, non-header lines that could not be parsed.
    public let malformedLines: [Int]

    /// The `lsmod` row for that module name (`-` and `_` treated alike), if listed.
    public func module(named name: String) -> Module? {
        let wanted = String(name.map { $0 == "-" ? "_" : $0 })
        return modules.first { $0.name == wanted }
    }

    /// Parses `lsmod` output; never fails.
    public static func parse(_ text: String) -> Lsmod {
        var modules: [Module] = []
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let columns = ReaderLex.fields(line)
            if columns.isEmpty { continue }
            if columns[0] == "Module", columns.count >= 2, columns[1] == "Size" { continue }
            guard columns.count >= 3, let size = ReaderLex.int64(columns[1]), size >= 0 else {
                malformed.append(offset + 1)
                continue
            }
            let usedBy = ReaderLex.int(columns[2])
            guard usedBy != nil || columns[2] == "-" else {
                malformed.append(offset + 1)
                continue
            }
            var users: [String] = []
            for column in columns.dropFirst(3) {
                for user in column.split(separator: ",") where user != "[permanent]" && user != "-" {
                    users.append(String(user))
                }
            }
            modules.append(Module(name: String(columns[0]), size: size, usedBy: usedBy, users: users))
        }
        return Lsmod(modules: modules, malformedLines: malformed)
    }
}
