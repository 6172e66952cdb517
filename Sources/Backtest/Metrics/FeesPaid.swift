/// Total commission paid on every fill, in quote currency.
public enum FeesPaid {
    /// Sum of `fees` over the trades.
    public static func total(_ trades: [Trade]) -> Double { trades.reduce(0) { $0 + $1.fees } }
}
