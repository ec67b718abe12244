# str + str and str * n, with CPython's errors for the wrong operand types.
for a, b in [("ab", 3), (3, "ab"), ("a", "b"), ("ab", -1), ("ab", 2**62), ("ab", 2**64), ("a", 1.5), ("", 10**18)]:
    try: print(repr(a * b))
    except Exception as e: print(type(e).__name__, e)
for a, b in [("ab", "cd"), ("a", 1), (1, "a"), ("", ""), ("é", "\ud800"), ([1], "a")]:
    try: r = a + b; print(len(r), r.encode("utf-8", "surrogatepass") if False else len(r))
    except Exception as e: print(type(e).__name__, e)
