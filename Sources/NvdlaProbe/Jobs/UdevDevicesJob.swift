import Foundation

/// `nvdla-doctor udev-devices` (hidden, for tests and debugging): the live libudev enumeration of DLA devices as
/// JSON (`{"database": …, "devices": [UdevDeviceInfo…]}`, or `{"unavailable": reason}` with exit status 3).
public enum UdevDevicesJob {
    struct Document: Encodable {
        var database: Bool?
        var devices: [UdevDeviceInfo]?
        var unavailable: String?
    }

    /// Prints the enumeration and returns the exit status.
    public static func run(_ output: Output) -> Int32 {
        let document: Document
        switch UdevEnumerator.dlaDevices() {
        case .devices(let devices, let database):
            document = Document(database: database, devices: devices)
        case .unavailable(let reason):
            document = Document(unavailable: reason)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return ExitStatus.unknown }
        output.stdout(String(decoding: data, as: UTF8.self) + "\n")
        return document.unavailable == nil ? ExitStatus.ok : ExitStatus.unknown
    }
}
