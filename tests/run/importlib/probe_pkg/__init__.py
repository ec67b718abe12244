"""A package the importlib programs import."""
from . import leaf
NAME = "probe_pkg"
