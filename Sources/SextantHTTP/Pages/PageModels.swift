import Foundation
import MarketCore
import SextantServices
import Signals

/// The signal models the pages use, loaded once: from `$SEXTANT_MODELS`, else `Models/` in the working
/// directory, else `Models/` of the checkout the server was built from (as the CLI finds them). No folder or a
/// bad model file means no models: pages then show grades without the model sub-grade and no signals, and say so.
enum PageModels {
    static let shared: (models: [Timeframe: SignalModel], problem: String?) = load()

    static func load() -> (models: [Timeframe: SignalModel], problem: String?) {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SEXTANT_MODELS"], !env.isEmpty { candidates.append(env) }
        candidates.append(fm.currentDirectoryPath + "/Models")
        var dir = #filePath
        for _ in 0..<4 { dir = (dir as NSString).deletingLastPathComponent }
        candidates.append(dir + "/Models")
        guard let folder = candidates.first(where: { fm.fileExists(atPath: $0) }) else {
            return ([:], "no models folder found (set SEXTANT_MODELS or run from the repository root)")
        }
        do {
            let models = try SignalService.loadModels(folder: folder)
            return (models, models.isEmpty ? "no signals-<timeframe>.json in \(folder)" : nil)
        } catch {
            return ([:], "models in \(folder) could not be read: \(error)")
        }
    }
}
