"""CallDojo: a terminal training simulator for debt-collection call agents."""

__version__ = "0.1.0"
