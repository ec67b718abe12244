@dec
class C(B, metaclass=M):
    """doc"""
    x: int
    def m(self): ...
