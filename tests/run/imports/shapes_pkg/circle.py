from .geometry_pkg import ops


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return ops.scale(self.r * self.r, 3)
