class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shape mismatch {self.n}x{self.m} @ {other.n}x{other.m}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])
    def __pow__(self, k):
        result, base = Matrix.identity(self.n), self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def transpose(self):
        return Matrix(zip(*self.rows))
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

fib = Matrix([[1, 1], [1, 0]])
print((fib ** 10).rows[0][1], (fib ** 90).rows[0][1])
a = Matrix([[1, 2, 3], [4, 5, 6]])
print(a.transpose(), a @ a.transpose(), a.transpose() @ a == (a.transpose() @ a))
try:
    a @ a
except ValueError as e:
    print(type(e).__name__, e)
print(Matrix.identity(3) @ Matrix([[1], [2], [3]]))
