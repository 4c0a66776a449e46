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

    /// Whether stdout is a terminal and colour is allowed (`NO_COLOR` unset).
    public static var wantsColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Exit statuses of DESIGN.md ("Command line"), the monitoring-plugins convention.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let warning: Int32 = 1
    public static let error: Int32 = 2
    public static let unknown: Int32 = 3
    public static let usage: Int32 = 64
}
