extension IndicatorCatalog {
    /// The Overlap Studies functions of the catalog.
    static let overlapStudies: [IndicatorDefinition] = movingAverages + overlapBands

    /// A single-series moving average over `close` with one `timeperiod`. TA-Lib 0.8.1 accepts a period
    /// of 1 (the identity) for all of these; SMA and EMA keep the project's earlier minimum of 2.
    /// `kernel(x, n, period, out)` is the batch form (see `OverlapKernels`).
    private static func singlePeriodAverage<S: StreamingIndicator>(
        _ id: String, _ name: String, default d: Int, min: Int = 1,
        lookback: @escaping @Sendable (Int) -> Int, make: @escaping @Sendable (Int) -> S,
        kernel: @escaping @Sendable (UnsafePointer<Double>, Int, Int, UnsafeMutablePointer<Double>) -> Void
    ) -> IndicatorDefinition {
        IndicatorDefinition(
            id, name: name, group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: d, min: min)],
            lookback: { lookback($0.int("timeperiod")) },
            make: { make($0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.close) { x, n, o, _, _, _ in kernel(x, n, period, o) }
            })
    }

    static let movingAverages: [IndicatorDefinition] = [
        singlePeriodAverage("SMA", "Simple Moving Average", default: 30,
                            lookback: { SMAState.lookback(period: $0) }, make: { SMAState(period: $0) },
                            kernel: { OverlapKernels.sma($0, $1, period: $2, $3) }),
        singlePeriodAverage("EMA", "Exponential Moving Average", default: 30,
                            lookback: { EMAState.lookback(period: $0) }, make: { EMAState(period: $0) },
                            kernel: { OverlapKernels.ema($0, $1, period: $2, $3) }),
        singlePeriodAverage("WMA", "Weighted Moving Average", default: 30,
                            lookback: { WMAState.lookback(period: $0) }, make: { WMAState(period: $0) },
                            kernel: { OverlapKernels.wma($0, $1, period: $2, $3) }),
        singlePeriodAverage("DEMA", "Double Exponential Moving Average", default: 30,
                            lookback: { DEMAState.lookback(period: $0) }, make: { DEMAState(period: $0) },
                            kernel: { OverlapKernels.dema($0, $1, period: $2, $3) }),
        singlePeriodAverage("TEMA", "Triple Exponential Moving Average", default: 30,
                            lookback: { TEMAState.lookback(period: $0) }, make: { TEMAState(period: $0) },
                            kernel: { OverlapKernels.tema($0, $1, period: $2, $3) }),
        singlePeriodAverage("TRIMA", "Triangular Moving Average", default: 30,
                            lookback: { TRIMAState.lookback(period: $0) }, make: { TRIMAState(period: $0) },
                            kernel: { OverlapKernels.trima($0, $1, period: $2, $3) }),
        singlePeriodAverage("KAMA", "Kaufman Adaptive Moving Average", default: 30,
                            lookback: { KAMAState.lookback(period: $0) }, make: { KAMAState(period: $0) },
                            kernel: { OverlapKernels.kama($0, $1, period: $2, $3) }),
        singlePeriodAverage("HMA", "Hull Moving Average", default: 20,
                            lookback: { HMAState.lookback(period: $0) }, make: { HMAState(period: $0) },
                            kernel: { OverlapKernels.hma($0, $1, period: $2, $3) }),
        singlePeriodAverage("ZLEMA", "Zero-Lag Exponential Moving Average", default: 30,
                            lookback: { ZLEMAState.lookback(period: $0) }, make: { ZLEMAState(period: $0) },
                            kernel: { OverlapKernels.zlema($0, $1, period: $2, $3) }),
        singlePeriodAverage("RMA", "Wilder's Smoothed Moving Average", default: 30,
                            lookback: { RMAState.lookback(period: $0) }, make: { RMAState(period: $0) },
                            kernel: { OverlapKernels.rma($0, $1, period: $2, $3) }),
        IndicatorDefinition(
            "T3", name: "Triple Exponential Moving Average (T3)", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 5, min: 1), .real("vfactor", default: 0.7, range: 0...1, "Volume factor")],
            lookback: { T3State.lookback(period: $0.int("timeperiod")) },
            make: { T3State(period: $0.int("timeperiod"), volumeFactor: $0.double("vfactor")) },
            batch: { c, p in
                let period = p.int("timeperiod"), vfactor = p.double("vfactor")
                return OverlapKernels.columns(c.close) { x, n, o, _, _, _ in
                    OverlapKernels.t3(x, n, period: period, volumeFactor: vfactor, o)
                }
            }),
        IndicatorDefinition(
            "MAMA", name: "MESA Adaptive Moving Average", group: .overlapStudies, inputs: [.real],
            parameters: [.real("fastlimit", default: 0.5, range: 0.01...0.99, "Upper limit of the adaptive factor"),
                         .real("slowlimit", default: 0.05, range: 0.01...0.99, "Lower limit of the adaptive factor")],
            outputs: [OutputSpec("mama"), OutputSpec("fama")],
            lookback: { _ in MAMAState.lookback() },
            make: { MAMAState(fastLimit: $0.double("fastlimit"), slowLimit: $0.double("slowlimit")) },
            batch: { c, p in
                let fast = p.double("fastlimit"), slow = p.double("slowlimit")
                return OverlapKernels.columns(c.close, outputs: 2) { x, n, o0, o1, _, _ in
                    OverlapKernels.mama(x, n, fastLimit: fast, slowLimit: slow, o0, o1)
                }
            }),
        IndicatorDefinition(
            "MA", name: "Moving average", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 30, min: 1), .maType()],
            lookback: { MAState.lookback(period: $0.int("timeperiod"), type: $0.maType()) },
            make: { MAState(period: $0.int("timeperiod"), type: $0.maType()) },
            batch: { c, p in
                let period = p.int("timeperiod"), type = p.maType()
                return OverlapKernels.columns(c.close) { x, n, o, _, _, _ in
                    OverlapKernels.ma(type, x, n, period: period, functionDefault: .sma, o)
                }
            }),
    ]

    private static let hlc = InputSpec.prices(.high, .low, .close)
    private static let hl = InputSpec.prices(.high, .low)
    private static let bandOutputs = [OutputSpec("upperband"), OutputSpec("middleband"), OutputSpec("lowerband")]
    private static let anyReal: ClosedRange<Double> = -3e37...3e37
    private static let positiveReal: ClosedRange<Double> = 0...3e37

    static let overlapBands: [IndicatorDefinition] = [
        IndicatorDefinition(
            "BBANDS", name: "Bollinger Bands", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 5),
                         .real("nbdevup", default: 2, range: anyReal, "Deviation multiplier for the upper band"),
                         .real("nbdevdn", default: 2, range: anyReal, "Deviation multiplier for the lower band"),
                         .maType()],
            outputs: bandOutputs,
            lookback: { BBANDSState.lookback(period: $0.int("timeperiod"), type: $0.maType()) },
            make: { BBANDSState(period: $0.int("timeperiod"), deviationsUp: $0.double("nbdevup"),
                                deviationsDown: $0.double("nbdevdn"), type: $0.maType()) },
            batch: { c, p in
                let period = p.int("timeperiod"), up = p.double("nbdevup"), down = p.double("nbdevdn")
                let type = p.maType()
                return OverlapKernels.columns(c.close, outputs: 3) { x, n, o0, o1, o2, _ in
                    OverlapKernels.bbands(x, n, period: period, up: up, down: down, type: type, o0, o1, o2)
                }
            }),
        IndicatorDefinition(
            "ACCBANDS", name: "Acceleration Bands", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 20)], outputs: bandOutputs,
            lookback: { ACCBANDSState.lookback(period: $0.int("timeperiod")) },
            make: { ACCBANDSState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.high, c.low, c.close, outputs: 3) { h, l, cl, n, o0, o1, o2, _ in
                    OverlapKernels.accbands(h, l, cl, n, period: period, o0, o1, o2)
                }
            }),
        IndicatorDefinition(
            "DONCHIAN", name: "Donchian Channels", group: .overlapStudies, inputs: hl,
            parameters: [.period(default: 20)], outputs: bandOutputs,
            lookback: { DONCHIANState.lookback(period: $0.int("timeperiod")) },
            make: { DONCHIANState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                var complete = true
                let out = OverlapKernels.columns(c.high, c.low, outputs: 3) { h, l, n, o0, o1, o2, _ in
                    OverlapKernels.blank(o0, from: 0, to: min(n, period - 1))
                    OverlapKernels.blank(o1, from: 0, to: min(n, period - 1))
                    OverlapKernels.blank(o2, from: 0, to: min(n, period - 1))
                    complete = WindowKernels.blockExtremes(high: h, low: l, n, period: period, wantsMax: true, wantsMin: true) { i, hv, lv in
                        o0[i] = hv
                        o1[i] = (hv + lv) / 2.0
                        o2[i] = lv
                    }
                    if !complete { OverlapKernels.blank(o0, from: 0, to: n); OverlapKernels.blank(o1, from: 0, to: n); OverlapKernels.blank(o2, from: 0, to: n) }
                }
                return complete ? out : IndicatorRunner.batch(DONCHIANState(period: period), c, outputCount: 3)
            }),
        IndicatorDefinition(
            "KC", name: "Keltner Channels", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 20, "EMA period of the typical price"),
                         .period("atrperiod", default: 10, min: 1, "ATR period"),
                         .real("nbdev", default: 2, range: anyReal, "ATR multiplier")],
            outputs: bandOutputs,
            lookback: { KCState.lookback(period: $0.int("timeperiod"), atrPeriod: $0.int("atrperiod")) },
            make: { KCState(period: $0.int("timeperiod"), atrPeriod: $0.int("atrperiod"), deviations: $0.double("nbdev")) },
            batch: { c, p in
                let initial = KCState(period: p.int("timeperiod"), atrPeriod: p.int("atrperiod"), deviations: p.double("nbdev"))
                return OverlapKernels.columns(c.high, c.low, c.close, outputs: 3) { h, l, cl, n, o0, o1, o2, _ in
                    var s = initial   // a local value: its fields stay in registers
                    for i in 0..<n {
                        if let v = s.update(high: h[i], low: l[i], close: cl[i]) {
                            o0[i] = v.upper; o1[i] = v.middle; o2[i] = v.lower
                        } else {
                            o0[i] = .nan; o1[i] = .nan; o2[i] = .nan
                        }
                    }
                }
            }),
        IndicatorDefinition(
            "MIDPOINT", name: "MidPoint over period", group: .overlapStudies, inputs: [.real],
            parameters: [.period(default: 14)],
            lookback: { MIDPOINTState.lookback(period: $0.int("timeperiod")) },
            make: { MIDPOINTState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                var complete = true
                let out = OverlapKernels.columns(c.close, c.close) { h, l, n, o, _, _, _ in
                    OverlapKernels.blank(o, from: 0, to: min(n, period - 1))
                    complete = WindowKernels.blockExtremes(high: h, low: l, n, period: period, wantsMax: true, wantsMin: true) { i, hv, lv in
                        o[i] = (hv + lv) / 2.0
                    }
                    if !complete { OverlapKernels.blank(o, from: 0, to: n) }
                }
                return complete ? out : IndicatorRunner.batch(MIDPOINTState(period: period), c, outputCount: 1)
            }),
        IndicatorDefinition(
            "MIDPRICE", name: "Midpoint Price over period", group: .overlapStudies, inputs: hl,
            parameters: [.period(default: 14)],
            lookback: { MIDPRICEState.lookback(period: $0.int("timeperiod")) },
            make: { MIDPRICEState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                var complete = true
                let out = OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in
                    OverlapKernels.blank(o, from: 0, to: min(n, period - 1))
                    complete = WindowKernels.blockExtremes(high: h, low: l, n, period: period, wantsMax: true, wantsMin: true) { i, hv, lv in
                        o[i] = (hv + lv) / 2.0
                    }
                    if !complete { OverlapKernels.blank(o, from: 0, to: n) }
                }
                return complete ? out : IndicatorRunner.batch(MIDPRICEState(period: period), c, outputCount: 1)
            }),
        IndicatorDefinition(
            "VWMA", name: "Volume Weighted Moving Average", group: .overlapStudies,
            inputs: [.real, InputSpec("prices", .volume)],
            parameters: [.period(default: 30, min: 1)],
            lookback: { VWMAState.lookback(period: $0.int("timeperiod")) },
            make: { VWMAState(period: $0.int("timeperiod")) },
            batch: { c, p in
                let period = p.int("timeperiod")
                return OverlapKernels.columns(c.close, c.volume) { x, v, n, o, _, _, _ in OverlapKernels.vwma(x, v, n, period: period, o) }
            }),
        IndicatorDefinition(
            "MAVP", name: "Moving average with variable period", group: .overlapStudies,
            inputs: [.real, InputSpec("periods", .periods)],
            parameters: [.period("minperiod", default: 2, "Smallest period used"),
                         .period("maxperiod", default: 30, "Largest period used"),
                         .maType()],
            streaming: .yes,
            lookback: { MAVPState.lookback(minPeriod: $0.int("minperiod"), maxPeriod: $0.int("maxperiod"), type: $0.maType()) },
            make: { MAVPState(minPeriod: $0.int("minperiod"), maxPeriod: $0.int("maxperiod"), type: $0.maType()) }),
        IndicatorDefinition(
            "SUPERTREND", name: "SuperTrend", group: .overlapStudies, inputs: hlc,
            parameters: [.period(default: 10, "ATR period"),
                         .real("multiplier", default: 3, range: positiveReal, "ATR multiplier")],
            outputs: [OutputSpec("supertrend"), OutputSpec("trend", integer: true)],
            lookback: { SUPERTRENDState.lookback(period: $0.int("timeperiod")) },
            make: { SUPERTRENDState(period: $0.int("timeperiod"), multiplier: $0.double("multiplier")) },
            batch: { c, p in
                let initial = SUPERTRENDState(period: p.int("timeperiod"), multiplier: p.double("multiplier"))
                return OverlapKernels.columns(c.high, c.low, c.close, outputs: 2) { h, l, cl, n, o0, o1, _, _ in
                    OverlapKernels.supertrend(initial, h, l, cl, n, o0, o1)
                }
            }),
        IndicatorDefinition(
            "SAR", name: "Parabolic SAR", group: .overlapStudies, inputs: hl,
            parameters: [.real("acceleration", default: 0.02, range: positiveReal, "Acceleration factor and its step"),
                         .real("maximum", default: 0.2, range: positiveReal, "Largest acceleration factor")],
            lookback: { _ in SARState.lookback() },
            make: { SARState(acceleration: $0.double("acceleration"), maximum: $0.double("maximum")) },
            batch: { c, p in
                let initial = SARState(acceleration: p.double("acceleration"), maximum: p.double("maximum")).core
                return OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in OverlapKernels.sar(initial, h, l, n, o) }
            }),
        IndicatorDefinition(
            "SAREXT", name: "Parabolic SAR - Extended", group: .overlapStudies, inputs: hl,
            parameters: [.real("startvalue", default: 0, range: anyReal, "Start value; 0 picks the direction from the first bars, >0 long, <0 short"),
                         .real("offsetonreverse", default: 0, range: positiveReal, "Fraction the SAR moves on a reversal"),
                         .real("accelerationinitlong", default: 0.02, range: positiveReal, "Initial acceleration, long"),
                         .real("accelerationlong", default: 0.02, range: positiveReal, "Acceleration step, long"),
                         .real("accelerationmaxlong", default: 0.2, range: positiveReal, "Largest acceleration, long"),
                         .real("accelerationinitshort", default: 0.02, range: positiveReal, "Initial acceleration, short"),
                         .real("accelerationshort", default: 0.02, range: positiveReal, "Acceleration step, short"),
                         .real("accelerationmaxshort", default: 0.2, range: positiveReal, "Largest acceleration, short")],
            lookback: { _ in SAREXTState.lookback() },
            make: {
                SAREXTState(startValue: $0.double("startvalue"), offsetOnReverse: $0.double("offsetonreverse"),
                            accelerationInitLong: $0.double("accelerationinitlong"), accelerationLong: $0.double("accelerationlong"),
                            accelerationMaxLong: $0.double("accelerationmaxlong"),
                            accelerationInitShort: $0.double("accelerationinitshort"), accelerationShort: $0.double("accelerationshort"),
                            accelerationMaxShort: $0.double("accelerationmaxshort"))
            },
            batch: { c, p in
                let initial = SAREXTState(
                    startValue: p.double("startvalue"), offsetOnReverse: p.double("offsetonreverse"),
                    accelerationInitLong: p.double("accelerationinitlong"), accelerationLong: p.double("accelerationlong"),
                    accelerationMaxLong: p.double("accelerationmaxlong"),
                    accelerationInitShort: p.double("accelerationinitshort"), accelerationShort: p.double("accelerationshort"),
                    accelerationMaxShort: p.double("accelerationmaxshort"))
                return OverlapKernels.columns(c.high, c.low) { h, l, n, o, _, _, _ in OverlapKernels.sar(initial, h, l, n, o) }
            }),
    ]
}
