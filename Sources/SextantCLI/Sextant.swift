import ArgumentParser

/// `sextant`: the command-line front end. Commands only parse, call one service, and print.
public struct Sextant: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sextant",
        abstract: "Open, self-hosted crypto market intelligence: data, indicators, risk, signals.",
        subcommands: [
            DemoCommand.self, IngestCommand.self, AssetsCommand.self, BarsCommand.self,
            TACommand.self,
            SignalsCommand.self, GradesCommand.self, TrainCommand.self, EvaluateCommand.self,
            LiquidationCommand.self, SizeCommand.self, LeverageCommand.self, RiskCommand.self, GarchCommand.self,
            BacktestCommand.self,
            AltseasonCLI.self, SentimentCLI.self, NarrativesCLI.self, IndexCLI.self, SectorsCLI.self, RotationCLI.self,
            BenchCommand.self,
            ServeCommand.self, KeysCommand.self,
        ]
    )

    public init() {}
}
