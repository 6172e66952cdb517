// Backtest: see the README's module table.
