import Foundation
import Logging

/// A swift-log handler writing one logfmt line per message: `ts=… level=info msg="state changed" status=ok …`
/// (metadata keys sorted; values quoted when they hold spaces, quotes or `=`). journald adds its own timestamp;
/// `ts` keeps the line useful when stderr goes elsewhere.
public struct LogfmtLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let sink: @Sendable (String) -> Void
    let timestamps: Bool

    /// Writes to `sink` (stderr by default); `timestamps` false leaves out `ts=` (tests).
    public init(
        sink: @escaping @Sendable (String) -> Void = { StandardStream.error.write($0) },
        timestamps: Bool = true
    ) {
        self.sink = sink
        self.timestamps = timestamps
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String] = []
        if timestamps {
            fields.append("ts=" + Date().formatted(.iso8601))
        }
        fields.append("level=\(event.level.rawValue)")
        fields.append("msg=" + Self.quote(event.message.description))
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            fields.append("\(key)=" + Self.quote(merged[key]?.description ?? ""))
        }
        sink(fields.joined(separator: " ") + "\n")
    }

    /// The value as is when it is a plain token, else in double quotes with `"` and `\` escaped.
    static func quote(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" }
        if plain { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
