extension IndicatorCatalog {
    /// The Volume functions of the catalog. Parameter names, defaults and ranges are TA-Lib 0.8.1's.
    static let volumeIndicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            "AD", name: "Chaikin A/D Line", group: .volume, inputs: InputSpec.prices(.high, .low, .close, .volume),
            lookback: { _ in ADState.lookback() },
            make: { _ in ADState() },
            batch: { MomentumBatch.ad($0, $1) }),
        IndicatorDefinition(
            "ADOSC", name: "Chaikin A/D Oscillator", group: .volume, inputs: InputSpec.prices(.high, .low, .close, .volume),
            parameters: [.period("fastperiod", default: 3), .period("slowperiod", default: 10)],
            lookback: { ADOSCState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            make: { ADOSCState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            batch: { MomentumBatch.adosc($0, $1) }),
        IndicatorDefinition(
            "CMF", name: "Chaikin Money Flow", group: .volume, inputs: InputSpec.prices(.high, .low, .close, .volume),
            parameters: [.period(default: 20)],
            lookback: { CMFState.lookback(period: $0.int("timeperiod")) },
            make: { CMFState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.cmf($0, $1) }),
        IndicatorDefinition(
            "EFI", name: "Elder Force Index", group: .volume, inputs: InputSpec.prices(.close, .volume),
            parameters: [.period(default: 13, min: 1)],
            lookback: { EFIState.lookback(period: $0.int("timeperiod")) },
            make: { EFIState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.efi($0, $1) }),
        IndicatorDefinition(
            "MARKETFI", name: "Market Facilitation Index", group: .volume, inputs: InputSpec.prices(.high, .low, .volume),
            lookback: { _ in MARKETFIState.lookback() },
            make: { _ in MARKETFIState() },
            batch: { MomentumBatch.marketFacilitation($0, $1) }),
        IndicatorDefinition(
            "NVI", name: "Negative Volume Index", group: .volume, inputs: InputSpec.prices(.close, .volume),
            lookback: { _ in NVIState.lookback() },
            make: { _ in NVIState() },
            batch: { MomentumBatch.volumeIndex(rising: false, $0, $1) }),
        IndicatorDefinition(
            "OBV", name: "On Balance Volume", group: .volume, inputs: [.real, InputSpec("prices", .volume)],
            lookback: { _ in OBVState.lookback() },
            make: { _ in OBVState() },
            batch: { MomentumBatch.obv($0, $1) }),
        IndicatorDefinition(
            "PVI", name: "Positive Volume Index", group: .volume, inputs: InputSpec.prices(.close, .volume),
            lookback: { _ in PVIState.lookback() },
            make: { _ in PVIState() },
            batch: { MomentumBatch.volumeIndex(rising: true, $0, $1) }),
        IndicatorDefinition(
            "PVO", name: "Percentage Volume Oscillator", group: .volume, inputs: InputSpec.prices(.volume),
            parameters: [.period("fastperiod", default: 12), .period("slowperiod", default: 26), .maType(default: .ema)],
            lookback: { PVOState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) },
            make: { PVOState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) },
            batch: { MomentumBatch.pvo($0, $1) }),
        IndicatorDefinition(
            "PVT", name: "Price Volume Trend", group: .volume, inputs: InputSpec.prices(.close, .volume),
            lookback: { _ in PVTState.lookback() },
            make: { _ in PVTState() },
            batch: { MomentumBatch.pvt($0, $1) }),
        IndicatorDefinition(
            "RVOL", name: "Relative Volume", group: .volume, inputs: InputSpec.prices(.volume),
            parameters: [.period(default: 20, min: 1)],
            lookback: { RVOLState.lookback(period: $0.int("timeperiod")) },
            make: { RVOLState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.rvol($0, $1) }),
        IndicatorDefinition(
            "VWAP", name: "Volume Weighted Average Price", group: .volume, inputs: InputSpec.prices(.high, .low, .close, .volume),
            lookback: { _ in VWAPState.lookback() },
            make: { _ in VWAPState() },
            batch: { MomentumBatch.vwap($0, $1) }),
    ]
}
