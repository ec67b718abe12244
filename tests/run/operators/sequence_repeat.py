# list and str repetition: operand order, non-int and huge counts, empty
# sequences repeated many times, with CPython's errors.
for a, b in [([1], "x"), ([1], 2**64), ([1], 2**62), ([1], 1.5), ("x", [1]), ([], 10**18), ([1, 2], 3), (-1, [1]), ("ab", 2**62), (3, "ab")]:
    try: print(a * b)
    except Exception as e: print(type(e).__name__, e)
