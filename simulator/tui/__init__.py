"""The Textual shell of CallDojo (the only package that imports textual or rich).

Kept import-light: `from simulator.tui.app import run_app` is the entry point.
"""
