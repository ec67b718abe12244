print("init", __name__, __package__)
from .circle import Circle
DEFAULT = Circle(1)
