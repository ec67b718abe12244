# try/except/else with return, break and continue leaving handlers, nested
# handlers, bare raise, raise ... from, and exception chaining.

def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("unreachable: else after return")


print(divide(7, 2), divide(1, 0))


def first_bad(items):
    for i in items:
        try:
            if i < 0:
                raise ValueError(i)
        except ValueError as e:
            print("negative", e)
            break
        else:
            continue
    return i


print(first_bad([3, 2, -1, 5]))


def nested():
    try:
        try:
            [][0]
        except KeyError:
            print("wrong handler")
        print("not reached")
    except IndexError as e:
        print("outer caught", type(e) is IndexError, e)
    try:
        {}["k"]
    except (TypeError, LookupError) as e:
        print("tuple clause", e)


nested()


def reraise():
    try:
        int("x")
    except ValueError:
        print("re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("got", e)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(e, type(e.__cause__) is ZeroDivisionError, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("implicit")
except KeyError as e:
    print(e, e.__cause__, type(e.__context__) is ZeroDivisionError)

try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)

try:
    raise ValueError("a", 2)
except ValueError as e:
    print(e, e.args)

e = "before"
try:
    raise RuntimeError("scoped")
except RuntimeError as e:
    pass
try:
    print(e)
except NameError as err:
    print("deleted:", err)


def loop_continue():
    total = 0
    for i in range(6):
        try:
            if i % 2:
                raise ArithmeticError
            total += i
        except ArithmeticError:
            continue
    return total


print(loop_continue())
try:
    raise
except RuntimeError as e:
    print(e)
