/// Why a path could not be read: the errno class of the failure, or a refusal by policy.
///
/// Hardware state is data: a file that is absent or unreadable is a value here, never a thrown error.
public enum Unreadable: String, Sendable, Codable, Equatable, Hashable {
    /// EACCES / EPERM: needs more privilege (typically root for debugfs).
    case permission
    /// EINVAL / ENODEV / ENXIO / EOPNOTSUPP / EISDIR or a file type the reader refuses (device, FIFO).
    case unsupported
    /// EBUSY / EAGAIN: the kernel would have blocked or the device is busy.
    case busy
    /// Refused by policy: outside the root, a symlink loop, or a file that would wake the DLA without `--deep`.
    case blocked
    /// EIO and every other errno.
    case io
}

/// The outcome of one read: a value, missing, unreadable (with its class), or malformed (with a reason).
public enum ReadResult<Value: Sendable>: Sendable {
    case value(Value)
    case missing
    case unreadable(Unreadable)
    case malformed(String)

    /// The value, when there is one.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// Transforms the value, keeping the failure cases.
    public func map<T: Sendable>(_ transform: (Value) -> T) -> ReadResult<T> {
        switch self {
        case .value(let v): return .value(transform(v))
        case .missing: return .missing
        case .unreadable(let why): return .unreadable(why)
        case .malformed(let why): return .malformed(why)
        }
    }

    /// Parses the value; a `nil` from the parser becomes `.malformed(reason)`.
    public func parse<T: Sendable>(_ reason: String, _ parser: (Value) -> T?) -> ReadResult<T> {
        switch self {
        case .value(let v):
            if let parsed = parser(v) { return .value(parsed) }
            return .malformed(reason)
        case .missing: return .missing
        case .unreadable(let why): return .unreadable(why)
        case .malformed(let why): return .malformed(why)
        }
    }

    /// A short word for the outcome, as recorded in the read trail and bundle manifest.
    public var outcomeWord: String {
        switch self {
        case .value: return "ok"
        case .missing: return "missing"
        case .unreadable(let why): return why.rawValue
        case .malformed: return "malformed"
        }
    }
}
