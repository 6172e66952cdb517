import Foundation

extension RiskError: LocalizedError {
    /// The same text as `description`, so `localizedDescription` reads well in front ends.
    public var errorDescription: String? { description }
}
