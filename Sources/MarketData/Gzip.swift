import CZlib

/// Errors from reading files.
public enum FileReadError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case corruptGzip(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let p): "\(p): no such file"
        case .unreadable(let p, let r): "\(p): cannot read the file (\(r))"
        case .corruptGzip(let p, let r): "\(p): corrupt gzip data (\(r))"
        }
    }
}

/// Reads whole files as bytes, decompressing gzip transparently (by the `1f 8b` magic, whatever the name).
public enum FileBytes {
    /// The file's bytes, gunzipped when it is gzip.
    /// - Throws: `FileReadError` naming the path.
    public static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        let raw = try readRaw(path)
        if raw.count >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
            return try Gzip.decompress(raw, path: path)
        }
        return raw
    }

    /// The file's bytes as stored.
    public static func readRaw(_ path: String) throws(FileReadError) -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw errno == ENOENT ? .missing(path: path) : .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        guard let f = fopen(path, "rb") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(f) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(st.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(f) != 0 { throw .unreadable(path: path, reason: "read error") }
                break
            }
        }
        return out
    }
}

/// gzip decompression through the system zlib.
public enum Gzip {
    /// Decompresses gzip data (several concatenated members are read one after the other).
    /// - Throws: `FileReadError.corruptGzip` when the data is truncated or damaged.
    public static func decompress(_ input: [UInt8], path: String = "<memory>") throws(FileReadError) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(input.count * 5)
        var stream = z_stream()
        // 15 + 32: a 32 KiB window and automatic gzip/zlib header detection.
        guard sextant_inflateInit2(&stream, 15 + 32) == Z_OK else {
            throw .corruptGzip(path: path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        var failure: String?
        input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = uInt(inp.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { buf in
                    stream.next_out = buf.baseAddress
                    stream.avail_out = uInt(buf.count)
                    let s = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: buf[0..<(buf.count - Int(stream.avail_out))])
                    return s
                }
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { return }
                    // Another gzip member follows.
                    if inflateReset(&stream) != Z_OK { failure = "cannot read the next member"; return }
                    continue
                }
                if status == Z_OK { continue }
                if status == Z_BUF_ERROR && stream.avail_in == 0 {
                    failure = "unexpected end of data (truncated file?)"
                    return
                }
                failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return
            }
        }
        if let failure { throw .corruptGzip(path: path, reason: failure) }
        return output
    }
}
