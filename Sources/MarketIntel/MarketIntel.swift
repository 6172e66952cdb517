// MarketIntel: see the README's module table.
