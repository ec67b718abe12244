def f(x):
    try:
        y = 10 // x
    except (ZeroDivisionError, TypeError) as e:
        y = -1
        print(e)
    except ValueError:
        raise
    else:
        print(y)
    raise KeyError(x) from None
