/// Total commission paid on every fill, in quote currency.
public enum FeesPaid {
    public static func total(_ trades: [Trade]) -> Double { trades.reduce(0) { $0 + $1.fees } }
}
