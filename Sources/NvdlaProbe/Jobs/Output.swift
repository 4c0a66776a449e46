import Foundation

/// Where a job writes: stdout carries only the requested format, stderr everything else.
public struct Output: Sendable {
    public let stdout: @Sendable (String) -> Void
    public let stderr: @Sendable (String) -> Void

    public init(stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The process's standard output and error.
    public static let standard = Output(
        stdout: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        stderr: { text in FileHandle.standardError.write(Data(text.utf8)) })
}

/// Exit statuses (README, "Exit status"): the monitoring-plugins convention.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let warning: Int32 = 1
    public static let error: Int32 = 2
    public static let unknown: Int32 = 3
    public static let usage: Int32 = 64

    /// Every status with its meaning, as README ("Exit status"), `--help` and the man pages give them.
    public static let meanings: [(status: Int32, meaning: String)] = [
        (ok, "nothing at warning or above"),
        (warning, "warnings"),
        (error, "errors"),
        (unknown, "nothing could be assessed: not a Jetson, unreadable root, broken rule file"),
        (usage, "usage error"),
    ]

    /// `0 nothing at warning or above, 1 warnings, …`: the table in one line.
    public static var summary: String {
        meanings.map { "\($0.status) \($0.meaning)" }.joined(separator: "; ")
    }
}
