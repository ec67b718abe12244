def build(a, b, c):
    return {"sum": a + b + c}

result = build(
    1,
    2,
    "three",
)
