/// A problem with an input file, located precisely enough to fix it: file, line (1-based, physical lines
/// of the file) and column (the header's name, or the 1-based position when the file has no header).
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line; 0 when the problem is with the file as a whole.
    public var line: Int
    /// Column name (or `#3` for the third field of a headerless file); nil for the whole row or file.
    public var column: String?
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if let column { s += ": column '\(column)'" }
        return s + ": " + message
    }
}

extension DataError {
    static func whole(_ file: String, _ message: String) -> DataError { DataError(file: file, line: 0, message: message) }
}
