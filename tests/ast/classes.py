class Point(Base, metaclass=Meta):
    x: int = 0
    y: int

    def __init__(self, x, y):
        self.x, self.y = x, y

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
