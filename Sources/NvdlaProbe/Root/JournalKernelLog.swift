import CSystemd
import Foundation

/// The kernel's messages in the systemd journal (`_TRANSPORT=kernel`), read with libsystemd's `sd_journal` API: what
/// `journalctl -k` shows, for a user who may read the journal (groups `systemd-journal`, `adm`) but not `/dev/kmsg`
/// (`kernel.dmesg_restrict=1`, the default on JetPack).
enum JournalKernelLog {
    /// Largest message taken from one entry.
    static let messageCap = 64 * 1024

    /// This boot's kernel messages from the local system journal, or, with `files`, the last boot's kernel messages
    /// in those journal files. `.missing` when there is no journal or it holds no kernel message of the boot;
    /// `.unreadable(.permission)` when journal files exist but none could be opened.
    static func read(files: [String]? = nil) -> ReadResult<[KernelLogLine]> {
        var journal: OpaquePointer?
        let opened: Int32
        if let files {
            var pointers = files.map { strdup($0) }
            defer { for pointer in pointers { free(pointer) } }
            pointers.append(nil)
            opened = pointers.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -EINVAL }
                return base.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    sd_journal_open_files(&journal, $0, 0)
                }
            }
        } else {
            opened = sd_journal_open(&journal, Int32(SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM))
        }
        guard opened >= 0, let journal else { return ErrnoClass.result(-opened) }
        defer { sd_journal_close(journal) }
        // The system journal opened with no file in it: none could be opened (no group access) or there is none.
        if files == nil && sd_journal_has_runtime_files(journal) <= 0 && sd_journal_has_persistent_files(journal) <= 0 {
            return systemJournalExists() ? .unreadable(.permission) : .missing
        }
        _ = sd_journal_set_data_threshold(journal, messageCap)
        guard sd_journal_add_match(journal, "_TRANSPORT=kernel", 0) >= 0 else { return .unreadable(.io) }
        guard let boot = files == nil ? currentBoot() : lastBoot(journal) else { return .missing }
        guard sd_journal_add_match(journal, "_BOOT_ID=\(boot)", 0) >= 0 else { return .unreadable(.io) }
        guard sd_journal_seek_head(journal) >= 0 else { return .unreadable(.io) }
        var lines: [KernelLogLine] = []
        var total = 0
        while total < SystemRoot.kernelLogCap, sd_journal_next(journal) > 0 {
            guard let message = field(journal, "MESSAGE") else { continue }
            total += message.utf8.count
            let level = field(journal, "PRIORITY").flatMap { Int($0) }
            let usec = field(journal, "_SOURCE_MONOTONIC_TIMESTAMP").flatMap { UInt64($0) }
            let seconds = usec.map { Double($0) / 1_000_000 }
            let location = seconds.map { String(format: "+%.6f s", $0) } ?? "entry \(lines.count + 1)"
            lines.append(KernelLogLine(level: level, seconds: seconds, message: message, location: location))
        }
        return lines.isEmpty ? .missing : .value(lines)
    }

    /// The value of `name` in the current entry (invalid UTF-8 replaced), nil when absent.
    static func field(_ journal: OpaquePointer, _ name: String) -> String? {
        var data: UnsafeRawPointer?
        var length = 0
        guard sd_journal_get_data(journal, name, &data, &length) >= 0, let data, length > name.utf8.count else {
            return nil
        }
        let bytes = UnsafeRawBufferPointer(start: data, count: length).dropFirst(name.utf8.count + 1)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The running kernel's boot ID as 32 hex digits.
    static func currentBoot() -> String? {
        var id = sd_id128_t()
        guard sd_id128_get_boot(&id) >= 0 else { return nil }
        return withUnsafeBytes(of: id.bytes) { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// The boot ID of the newest kernel entry (journal files from another machine or an earlier boot).
    static func lastBoot(_ journal: OpaquePointer) -> String? {
        guard sd_journal_seek_tail(journal) >= 0, sd_journal_previous(journal) > 0 else { return nil }
        return field(journal, "_BOOT_ID")
    }

    /// Whether the system journal directories hold anything (then opening none of it means no permission).
    static func systemJournalExists() -> Bool {
        ["/var/log/journal", "/run/log/journal"].contains { directory in
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                return access(directory, F_OK) == 0
            }
            return !entries.isEmpty
        }
    }
}
