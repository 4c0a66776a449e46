/// Why libudev could not be used (monitor or enumeration), as a sentence for the report or log.
public struct UdevError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
