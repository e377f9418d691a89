"""GridKeeper (网格管家): offline-first records for grid cadres of a street office."""

__version__ = "0.1.0"
