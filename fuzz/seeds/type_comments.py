def f(a):  # type: (int) -> int
    pass  # type: ignore
