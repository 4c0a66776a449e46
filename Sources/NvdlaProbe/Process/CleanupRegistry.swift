import Foundation

/// What a running command has created and must not leave behind if it is interrupted: the private directory a
/// bundle is unpacked into, the `mkstemp` file an atomic output is written to, a textfile's temporary file, an
/// archive written before its map.
///
/// Creators `register` a path right after creating it and `release` the token once the path is gone or committed.
/// On SIGINT, SIGTERM or SIGHUP, `ProcessSetup`'s cleanup thread calls `drain()`, which removes every path still
/// registered (directories recursively), then exits.
public enum CleanupRegistry {
    /// A registration, released when the path is removed or committed.
    public struct Token: Sendable, Hashable {
        let id: Int
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var paths: [Int: String] = [:]
    }

    private static let state = State()

    /// Registers `path` for removal on a terminating signal.
    @discardableResult
    public static func register(_ path: String) -> Token {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.next += 1
        state.paths[state.next] = path
        return Token(id: state.next)
    }

    /// Runs `make`, which creates a file or directory and returns its path (nil when it could not), and registers
    /// the path before the registry's lock is released: a signal's cleanup finds the path either registered or not
    /// yet created, never created and unknown (a signal between `mkdtemp` and `register` would leave it behind).
    public static func create(_ make: () -> String?) -> (path: String, token: Token)? {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard let path = make() else { return nil }
        state.next += 1
        state.paths[state.next] = path
        return (path, Token(id: state.next))
    }

    /// Forgets a registration: the path was removed, or it is now a result the user asked for.
    public static func release(_ token: Token) {
        state.lock.lock()
        state.paths[token.id] = nil
        state.lock.unlock()
    }

    /// Runs `move` (a rename or link of the registered temporary file into place) holding the registry's lock, so
    /// a signal's cleanup sees the file either before or after the move; then the registration follows the file to
    /// `destination`, or, with nil or a failed move, is dropped.
    public static func commit(_ token: Token, as destination: String?, _ move: () -> Bool) {
        state.lock.lock()
        defer { state.lock.unlock() }
        if move() { state.paths[token.id] = destination }
    }

    /// Forgets every registration of `path` (for a path handed from the code that created it to its owner).
    public static func forget(_ path: String) {
        state.lock.lock()
        state.paths = state.paths.filter { $0.value != path }
        state.lock.unlock()
    }

    /// The paths registered now, in registration order (for tests and `-v`).
    public static var pending: [String] {
        state.lock.lock()
        defer { state.lock.unlock() }
        return state.paths.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Removes every registered path, newest first, and keeps the lock: a command that tries to register or commit
    /// afterwards waits until the process exits. Called once, by the cleanup thread, just before `_exit`.
    static func drain() {
        state.lock.lock()
        for (_, path) in state.paths.sorted(by: { $0.key > $1.key }) { remove(path) }
        state.paths.removeAll()
    }

    /// Removes a file, or a directory and everything in it, without following symlinks; retried while a writer
    /// that has not seen the signal yet (`ProcessSetup.interrupted`) adds entries.
    static func remove(_ path: String) {
        for attempt in 0..<200 {
            var st = stat()
            guard lstat(path, &st) == 0 else { return }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                unlink(path)
            }
            if attempt > 0 { usleep(10_000) }
        }
    }
}
