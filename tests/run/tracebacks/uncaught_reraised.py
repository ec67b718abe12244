def risky(n):
    if n > 2:
        raise OverflowError(f"{n} is too big")
    return n

def careful(n):
    try:
        return risky(n)
    except OverflowError:
        print("logging and re-raising")
        raise

print(careful(1))
careful(3)
