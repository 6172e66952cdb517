extension IndicatorCatalog {
    /// The Momentum functions of the catalog (AC ... PLUS_DM). Ranges are TA-Lib 0.8.1's.
    static let momentumIndicators: [IndicatorDefinition] = [
        IndicatorDefinition(
            "AC", name: "Accelerator/Decelerator Oscillator", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period("fastperiod", default: 5, "Fast SMA bars"), .period("slowperiod", default: 34, "Slow SMA bars"),
                         .period("signalperiod", default: 5, "Signal SMA bars")],
            lookback: { ACState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) },
            make: { ACState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) },
            batch: { MomentumBatch.ac($0, $1) }),
        IndicatorDefinition(
            "ADX", name: "Average Directional Movement Index", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14)],
            lookback: { ADXState.lookback(period: $0.int("timeperiod")) },
            make: { ADXState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.adx($0, $1) }),
        IndicatorDefinition(
            "ADXR", name: "Average Directional Movement Index Rating", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14)],
            lookback: { ADXRState.lookback(period: $0.int("timeperiod")) },
            make: { ADXRState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.adxr($0, $1) }),
        IndicatorDefinition(
            "AO", name: "Awesome Oscillator", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period("fastperiod", default: 5, "Fast SMA bars"), .period("slowperiod", default: 34, "Slow SMA bars")],
            lookback: { AOState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            make: { AOState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod")) },
            batch: { MomentumBatch.ao($0, $1) }),
        IndicatorDefinition(
            "APO", name: "Absolute Price Oscillator", group: .momentum, inputs: [.real],
            parameters: [.period("fastperiod", default: 12, "Fast MA bars"), .period("slowperiod", default: 26, "Slow MA bars"),
                         .maType(default: .ema)],
            lookback: { APOState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) },
            make: { APOState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), type: $0.maType()) },
            batch: { MomentumBatch.apo($0, $1) }),
        IndicatorDefinition(
            "AROON", name: "Aroon", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14)], outputs: [OutputSpec("aroondown"), OutputSpec("aroonup")],
            lookback: { AroonState.lookback(period: $0.int("timeperiod")) },
            make: { AroonState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.aroon($0, $1) }),
        IndicatorDefinition(
            "AROONOSC", name: "Aroon Oscillator", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14)],
            lookback: { AroonOscillatorState.lookback(period: $0.int("timeperiod")) },
            make: { AroonOscillatorState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.aroonOscillator($0, $1) }),
        IndicatorDefinition(
            "BOP", name: "Balance Of Power", group: .momentum, inputs: InputSpec.prices(.open, .high, .low, .close),
            lookback: { _ in BOPState.lookback() },
            make: { _ in BOPState() },
            batch: { MomentumBatch.bop($0, $1) }),
        IndicatorDefinition(
            "CCI", name: "Commodity Channel Index", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14)],
            lookback: { CCIState.lookback(period: $0.int("timeperiod")) },
            make: { CCIState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.cci($0, $1) }),
        IndicatorDefinition(
            "CMO", name: "Chande Momentum Oscillator", group: .momentum, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { CMOState.lookback(period: $0.int("timeperiod")) },
            make: { CMOState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.cmo($0, $1) }),
        IndicatorDefinition(
            "CMOU", name: "Chande Momentum Oscillator (Unsmoothed)", group: .momentum, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { CMOUState.lookback(period: $0.int("timeperiod")) },
            make: { CMOUState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.cmou($0, $1) }),
        IndicatorDefinition(
            "COPPOCK", name: "Coppock Curve", group: .momentum, inputs: [.real],
            parameters: [.period("wmaperiod", default: 10, min: 1, "WMA bars"), .period("roc1period", default: 11, min: 1, "First ROC bars"),
                         .period("roc2period", default: 14, min: 1, "Second ROC bars")],
            lookback: { CoppockState.lookback(wmaPeriod: $0.int("wmaperiod"), roc1Period: $0.int("roc1period"), roc2Period: $0.int("roc2period")) },
            make: { CoppockState(wmaPeriod: $0.int("wmaperiod"), roc1Period: $0.int("roc1period"), roc2Period: $0.int("roc2period")) },
            batch: { MomentumBatch.coppock($0, $1) }),
        IndicatorDefinition(
            "DPO", name: "Detrended Price Oscillator", group: .momentum, inputs: [.real],
            parameters: [.period(default: 20)],
            lookback: { DPOState.lookback(period: $0.int("timeperiod")) },
            make: { DPOState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.dpo($0, $1) }),
        IndicatorDefinition(
            "DX", name: "Directional Movement Index", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14)],
            lookback: { DXState.lookback(period: $0.int("timeperiod")) },
            make: { DXState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.dx($0, $1) }),
        IndicatorDefinition(
            "ER", name: "Kaufman Efficiency Ratio", group: .momentum, inputs: [.real],
            parameters: [.period(default: 10)],
            lookback: { ERState.lookback(period: $0.int("timeperiod")) },
            make: { ERState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.er($0, $1) }),
        IndicatorDefinition(
            "ERI", name: "Elder Ray Index (Bull Power / Bear Power)", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 13, min: 1)], outputs: [OutputSpec("bullpower"), OutputSpec("bearpower")],
            lookback: { ElderRayState.lookback(period: $0.int("timeperiod")) },
            make: { ElderRayState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.elderRay($0, $1) }),
        IndicatorDefinition(
            "FRACTAL", name: "Williams Fractal", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period("leftbars", default: 2, min: 1, "Bars left of the pivot"),
                         .period("rightbars", default: 2, min: 1, "Bars right of the pivot")],
            outputs: [OutputSpec("swinghigh", integer: true), OutputSpec("swinglow", integer: true)],
            lookback: { FractalState.lookback(leftBars: $0.int("leftbars"), rightBars: $0.int("rightbars")) },
            make: { FractalState(leftBars: $0.int("leftbars"), rightBars: $0.int("rightbars")) },
            batch: { MomentumBatch.fractal($0, $1) }),
        IndicatorDefinition(
            "IMI", name: "Intraday Momentum Index", group: .momentum, inputs: InputSpec.prices(.open, .close),
            parameters: [.period(default: 14)],
            lookback: { IMIState.lookback(period: $0.int("timeperiod")) },
            make: { IMIState(period: $0.int("timeperiod")) }),
        IndicatorDefinition(
            "KDJ", name: "KDJ Stochastic", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period("fastk_period", default: 9, min: 1, "Bars of the raw %K"),
                         .period("slowk_period", default: 3, min: 1, "Bars of the K smoothing"), .maType("slowk_matype", default: .rma),
                         .period("slowd_period", default: 3, min: 1, "Bars of the D smoothing"), .maType("slowd_matype", default: .rma)],
            outputs: [OutputSpec("k"), OutputSpec("d"), OutputSpec("j")],
            lookback: {
                KDJState.lookback(fastKPeriod: $0.int("fastk_period"), slowKPeriod: $0.int("slowk_period"), slowKType: $0.maType("slowk_matype"),
                                  slowDPeriod: $0.int("slowd_period"), slowDType: $0.maType("slowd_matype"))
            },
            make: {
                KDJState(fastKPeriod: $0.int("fastk_period"), slowKPeriod: $0.int("slowk_period"), slowKType: $0.maType("slowk_matype"),
                         slowDPeriod: $0.int("slowd_period"), slowDType: $0.maType("slowd_matype"))
            },
            batch: { MomentumBatch.kdj($0, $1) }),
        IndicatorDefinition(
            "MACD", name: "Moving Average Convergence/Divergence", group: .momentum, inputs: [.real],
            parameters: [.period("fastperiod", default: 12, "Fast EMA bars"), .period("slowperiod", default: 26, "Slow EMA bars"),
                         .period("signalperiod", default: 9, min: 1, "Signal EMA bars")],
            outputs: [OutputSpec("macd"), OutputSpec("macdsignal"), OutputSpec("macdhist")],
            lookback: { MACDState.lookback(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) },
            make: { MACDState(fastPeriod: $0.int("fastperiod"), slowPeriod: $0.int("slowperiod"), signalPeriod: $0.int("signalperiod")) },
            batch: { MomentumBatch.macd($0, $1) }),
        IndicatorDefinition(
            "MACDEXT", name: "MACD with controllable MA type", group: .momentum, inputs: [.real],
            parameters: [.period("fastperiod", default: 12, "Fast MA bars"), .maType("fastmatype"),
                         .period("slowperiod", default: 26, "Slow MA bars"), .maType("slowmatype"),
                         .period("signalperiod", default: 9, min: 1, "Signal MA bars"), .maType("signalmatype")],
            outputs: [OutputSpec("macd"), OutputSpec("macdsignal"), OutputSpec("macdhist")],
            lookback: {
                MACDExtState.lookback(fastPeriod: $0.int("fastperiod"), fastType: $0.maType("fastmatype"),
                                      slowPeriod: $0.int("slowperiod"), slowType: $0.maType("slowmatype"),
                                      signalPeriod: $0.int("signalperiod"), signalType: $0.maType("signalmatype"))
            },
            make: {
                MACDExtState(fastPeriod: $0.int("fastperiod"), fastType: $0.maType("fastmatype"),
                             slowPeriod: $0.int("slowperiod"), slowType: $0.maType("slowmatype"),
                             signalPeriod: $0.int("signalperiod"), signalType: $0.maType("signalmatype"))
            },
            batch: { MomentumBatch.macdExt($0, $1) }),
        IndicatorDefinition(
            "MACDFIX", name: "Moving Average Convergence/Divergence Fix 12/26", group: .momentum, inputs: [.real],
            parameters: [.period("signalperiod", default: 9, min: 1, "Signal EMA bars")],
            outputs: [OutputSpec("macd"), OutputSpec("macdsignal"), OutputSpec("macdhist")],
            lookback: { MACDState.lookback(fastPeriod: 12, slowPeriod: 26, signalPeriod: $0.int("signalperiod")) },
            make: { MACDState.fixed(signalPeriod: $0.int("signalperiod")) },
            batch: { MomentumBatch.macdFix($0, $1) }),
        IndicatorDefinition(
            "MFI", name: "Money Flow Index", group: .momentum, inputs: InputSpec.prices(.high, .low, .close, .volume),
            parameters: [.period(default: 14)],
            lookback: { MFIState.lookback(period: $0.int("timeperiod")) },
            make: { MFIState(period: $0.int("timeperiod")) },
            batch: { MomentumBatch.mfi($0, $1) }),
        IndicatorDefinition(
            "MINUS_DI", name: "Minus Directional Indicator", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { DirectionalIndicatorState.lookback(period: $0.int("timeperiod")) },
            make: { DirectionalIndicatorState(.minus, period: $0.int("timeperiod")) },
            batch: { MomentumBatch.directionalIndicator(.minus, $0, $1) }),
        IndicatorDefinition(
            "MINUS_DM", name: "Minus Directional Movement", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14, min: 1)],
            lookback: { DirectionalMovementState.lookback(period: $0.int("timeperiod")) },
            make: { DirectionalMovementState(.minus, period: $0.int("timeperiod")) },
            batch: { MomentumBatch.directionalMovement(.minus, $0, $1) }),
        IndicatorDefinition(
            "PLUS_DI", name: "Plus Directional Indicator", group: .momentum, inputs: InputSpec.prices(.high, .low, .close),
            parameters: [.period(default: 14, min: 1)],
            lookback: { DirectionalIndicatorState.lookback(period: $0.int("timeperiod")) },
            make: { DirectionalIndicatorState(.plus, period: $0.int("timeperiod")) },
            batch: { MomentumBatch.directionalIndicator(.plus, $0, $1) }),
        IndicatorDefinition(
            "PLUS_DM", name: "Plus Directional Movement", group: .momentum, inputs: InputSpec.prices(.high, .low),
            parameters: [.period(default: 14, min: 1)],
            lookback: { DirectionalMovementState.lookback(period: $0.int("timeperiod")) },
            make: { DirectionalMovementState(.plus, period: $0.int("timeperiod")) },
            batch: { MomentumBatch.directionalMovement(.plus, $0, $1) }),
    ]
}
