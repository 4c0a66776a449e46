/// Why a bundle could not be written or was refused when read; the message names the member and the rule broken.
public struct BundleError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
