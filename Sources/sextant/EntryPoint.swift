import SextantCLI

@main extension Sextant {}
