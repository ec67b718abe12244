def f():
  x, y: int