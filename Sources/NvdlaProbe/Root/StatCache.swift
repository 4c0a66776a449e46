import Foundation

/// Lazily loaded ownership data of a root: `.nvdla-doctor/stat.tsv` in snapshots, `etc/passwd` and `etc/group`.
final class StatCache: @unchecked Sendable {
    struct Accounts: Sendable {
        let users: [UInt32: String]
        let groups: [UInt32: String]
    }
    struct Table: Sendable {
        let entries: [String: FileStat]
        /// Why `stat.tsv` exists but could not be read (a FIFO, a directory, no permission).
        var failure: Unreadable?
    }

    private let lock = NSLock()
    private var loadedTable: Table?
    private var loadedAccounts: Accounts?

    /// The snapshot's stat table (empty when the file is absent or the root is live).
    func table(for root: SystemRoot) -> Table {
        lock.lock()
        defer { lock.unlock() }
        if let loadedTable { return loadedTable }
        var entries: [String: FileStat] = [:]
        var failure: Unreadable?
        let read = root.readMeta("/.nvdla-doctor/stat.tsv", cap: SystemRoot.tableCap)
        if case .unreadable(let why) = read { failure = why }
        if let data = read.value {
            let parsed = StatTable.parse(String(decoding: data, as: UTF8.self))
            for (entryPath, entry) in parsed.entries {
                entries[entryPath] = FileStat(
                    kind: FileStat.Kind(rawValue: entry.type.rawValue) ?? .other, mode: entry.mode ?? 0,
                    user: entry.user, group: entry.group, major: entry.major, minor: entry.minor)
            }
        }
        let table = Table(entries: entries, failure: failure)
        loadedTable = table
        return table
    }

    /// uid and gid names from the root's `etc/passwd` and `etc/group`.
    func accounts(for root: SystemRoot) -> Accounts {
        lock.lock()
        if let loadedAccounts {
            lock.unlock()
            return loadedAccounts
        }
        lock.unlock()
        let users = root.readText("/etc/passwd", cap: 4 * 1024 * 1024).value.map { PasswdFile.parse($0).names }
        let groups = root.readText("/etc/group", cap: 4 * 1024 * 1024).value.map { GroupFile.parse($0).names }
        let accounts = Accounts(users: users ?? [:], groups: groups ?? [:])
        lock.lock()
        loadedAccounts = accounts
        lock.unlock()
        return accounts
    }
}

extension FileStat {
    static let placeholder = FileStat(kind: .other, mode: 0, user: nil, group: nil)
}
