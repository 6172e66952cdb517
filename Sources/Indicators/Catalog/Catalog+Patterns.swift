extension IndicatorCatalog {
    /// The Pattern Recognition functions of the catalog: TA-Lib's 61 candlestick patterns, each an integer signal
    /// (0, ±100; ±80 / ±200 where TA-Lib gives them) on the bar that completes the pattern.
    static let patternRecognition: [IndicatorDefinition] = [
        candle("CDL2CROWS", "Two Crows") { _ in CandlePatterns.TwoCrows() },
        candle("CDL3BLACKCROWS", "Three Black Crows") { _ in CandlePatterns.ThreeBlackCrows() },
        candle("CDL3INSIDE", "Three Inside Up/Down") { _ in CandlePatterns.ThreeInside() },
        candle("CDL3LINESTRIKE", "Three-Line Strike") { _ in CandlePatterns.ThreeLineStrike() },
        candle("CDL3OUTSIDE", "Three Outside Up/Down") { _ in CandlePatterns.ThreeOutside() },
        candle("CDL3STARSINSOUTH", "Three Stars In The South") { _ in CandlePatterns.ThreeStarsInSouth() },
        candle("CDL3WHITESOLDIERS", "Three Advancing White Soldiers") { _ in CandlePatterns.ThreeWhiteSoldiers() },
        candle("CDLABANDONEDBABY", "Abandoned Baby", penetration: 0.3) {
            CandlePatterns.AbandonedBaby(penetration: $0.double("penetration"))
        },
        candle("CDLADVANCEBLOCK", "Advance Block") { _ in CandlePatterns.AdvanceBlock() },
        candle("CDLBELTHOLD", "Belt-hold") { _ in CandlePatterns.BeltHold() },
        candle("CDLBREAKAWAY", "Breakaway") { _ in CandlePatterns.Breakaway() },
        candle("CDLCLOSINGMARUBOZU", "Closing Marubozu") { _ in CandlePatterns.ClosingMarubozu() },
        candle("CDLCONCEALBABYSWALL", "Concealing Baby Swallow") { _ in CandlePatterns.ConcealBabySwallow() },
        candle("CDLCOUNTERATTACK", "Counterattack") { _ in CandlePatterns.Counterattack() },
        candle("CDLDARKCLOUDCOVER", "Dark Cloud Cover", penetration: 0.5) {
            CandlePatterns.DarkCloudCover(penetration: $0.double("penetration"))
        },
        candle("CDLDOJI", "Doji") { _ in CandlePatterns.Doji() },
        candle("CDLDOJISTAR", "Doji Star") { _ in CandlePatterns.DojiStar() },
        candle("CDLDRAGONFLYDOJI", "Dragonfly Doji") { _ in CandlePatterns.DragonflyDoji() },
        candle("CDLENGULFING", "Engulfing Pattern") { _ in CandlePatterns.Engulfing() },
        candle("CDLEVENINGDOJISTAR", "Evening Doji Star", penetration: 0.3) {
            CandlePatterns.EveningDojiStar(penetration: $0.double("penetration"))
        },
        candle("CDLEVENINGSTAR", "Evening Star", penetration: 0.3) {
            CandlePatterns.EveningStar(penetration: $0.double("penetration"))
        },
        candle("CDLGAPSIDESIDEWHITE", "Up/Down-gap side-by-side white lines") { _ in CandlePatterns.GapSideSideWhite() },
        candle("CDLGRAVESTONEDOJI", "Gravestone Doji") { _ in CandlePatterns.GravestoneDoji() },
        candle("CDLHAMMER", "Hammer") { _ in CandlePatterns.Hammer() },
        candle("CDLHANGINGMAN", "Hanging Man") { _ in CandlePatterns.HangingMan() },
        candle("CDLHARAMI", "Harami Pattern") { _ in CandlePatterns.Harami() },
        candle("CDLHARAMICROSS", "Harami Cross Pattern") { _ in CandlePatterns.HaramiCross() },
        candle("CDLHIGHWAVE", "High-Wave Candle") { _ in CandlePatterns.HighWave() },
        candle("CDLHIKKAKE", "Hikkake Pattern") { _ in CandlePatterns.Hikkake() },
        candle("CDLHIKKAKEMOD", "Modified Hikkake Pattern") { _ in CandlePatterns.HikkakeModified() },
        candle("CDLHOMINGPIGEON", "Homing Pigeon") { _ in CandlePatterns.HomingPigeon() },
        candle("CDLIDENTICAL3CROWS", "Identical Three Crows") { _ in CandlePatterns.IdenticalThreeCrows() },
        candle("CDLINNECK", "In-Neck Pattern") { _ in CandlePatterns.InNeck() },
        candle("CDLINVERTEDHAMMER", "Inverted Hammer") { _ in CandlePatterns.InvertedHammer() },
        candle("CDLKICKING", "Kicking") { _ in CandlePatterns.Kicking() },
        candle("CDLKICKINGBYLENGTH", "Kicking - bull/bear determined by the longer marubozu") { _ in
            CandlePatterns.KickingByLength()
        },
        candle("CDLLADDERBOTTOM", "Ladder Bottom") { _ in CandlePatterns.LadderBottom() },
        candle("CDLLONGLEGGEDDOJI", "Long Legged Doji") { _ in CandlePatterns.LongLeggedDoji() },
        candle("CDLLONGLINE", "Long Line Candle") { _ in CandlePatterns.LongLine() },
        candle("CDLMARUBOZU", "Marubozu") { _ in CandlePatterns.Marubozu() },
        candle("CDLMATCHINGLOW", "Matching Low") { _ in CandlePatterns.MatchingLow() },
        candle("CDLMATHOLD", "Mat Hold", penetration: 0.5) { CandlePatterns.MatHold(penetration: $0.double("penetration")) },
        candle("CDLMORNINGDOJISTAR", "Morning Doji Star", penetration: 0.3) {
            CandlePatterns.MorningDojiStar(penetration: $0.double("penetration"))
        },
        candle("CDLMORNINGSTAR", "Morning Star", penetration: 0.3) {
            CandlePatterns.MorningStar(penetration: $0.double("penetration"))
        },
        candle("CDLONNECK", "On-Neck Pattern") { _ in CandlePatterns.OnNeck() },
        candle("CDLPIERCING", "Piercing Pattern") { _ in CandlePatterns.Piercing() },
        candle("CDLRICKSHAWMAN", "Rickshaw Man") { _ in CandlePatterns.RickshawMan() },
        candle("CDLRISEFALL3METHODS", "Rising/Falling Three Methods") { _ in CandlePatterns.RiseFallThreeMethods() },
        candle("CDLSEPARATINGLINES", "Separating Lines") { _ in CandlePatterns.SeparatingLines() },
        candle("CDLSHOOTINGSTAR", "Shooting Star") { _ in CandlePatterns.ShootingStar() },
        candle("CDLSHORTLINE", "Short Line Candle") { _ in CandlePatterns.ShortLine() },
        candle("CDLSPINNINGTOP", "Spinning Top") { _ in CandlePatterns.SpinningTop() },
        candle("CDLSTALLEDPATTERN", "Stalled Pattern") { _ in CandlePatterns.StalledPattern() },
        candle("CDLSTICKSANDWICH", "Stick Sandwich") { _ in CandlePatterns.StickSandwich() },
        candle("CDLTAKURI", "Takuri (Dragonfly Doji with very long lower shadow)") { _ in CandlePatterns.Takuri() },
        candle("CDLTASUKIGAP", "Tasuki Gap") { _ in CandlePatterns.TasukiGap() },
        candle("CDLTHRUSTING", "Thrusting Pattern") { _ in CandlePatterns.Thrusting() },
        candle("CDLTRISTAR", "Tristar Pattern") { _ in CandlePatterns.Tristar() },
        candle("CDLUNIQUE3RIVER", "Unique 3 River") { _ in CandlePatterns.UniqueThreeRiver() },
        candle("CDLUPSIDEGAP2CROWS", "Upside Gap Two Crows") { _ in CandlePatterns.UpsideGapTwoCrows() },
        candle("CDLXSIDEGAP3METHODS", "Upside/Downside Gap Three Methods") { _ in CandlePatterns.XSideGapThreeMethods() },
    ]

    /// A candlestick pattern definition: inputs open, high, low, close; one integer output; lookback from the rule.
    /// The streaming form runs the rule (`CandlePatternState`); the batch form runs its kernel (`R.Kernel`) over the
    /// columns with `CandleKernels.run`, which gives the same signals.
    /// - Parameter penetration: the default of TA-Lib's `penetration` parameter (range 0...3e37), for the patterns
    ///   that take one.
    private static func candle<R: BatchCandleRule>(
        _ id: String, _ name: String, penetration: Double? = nil, _ rule: @escaping @Sendable (Parameters) -> R
    ) -> IndicatorDefinition {
        let parameters: [ParameterSpec] = penetration.map {
            [.real("penetration", default: $0, range: 0...3e37, "Percentage of penetration of a candle within another candle")]
        } ?? []
        return IndicatorDefinition(
            id, name: name, group: .patternRecognition, inputs: InputSpec.prices(.open, .high, .low, .close),
            parameters: parameters, outputs: [OutputSpec("integer", integer: true)],
            lookback: { _ in R.lookback },
            make: { CandlePatternState(rule($0)) },
            batch: { columns, p in CandleKernels.run(R.Kernel(rule(p)), columns) })
    }
}
