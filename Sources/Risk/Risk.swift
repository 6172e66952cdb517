// Risk: see the README's module table.
