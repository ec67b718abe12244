# finally bodies on every way out: normal exit, exceptions, return (the
# value kept, or replaced by a return in finally), break/continue, nested
# finallys, and an exception raised inside a finally body.
log = []


def normal():
    try:
        log.append("body")
    finally:
        log.append("finally")
    return log


print(normal())


def returns(x):
    try:
        return x * 2
    finally:
        print("finally sees", x)


print(returns(21))


def overrides():
    try:
        return "body"
    finally:
        return "finally"


print(overrides())


def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "swallowed " + str(i)


print(swallow())


def loops():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    return out


print(loops())


def nested():
    try:
        try:
            return "inner value"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested())


def with_handlers(v):
    try:
        if v:
            raise KeyError(v)
        print("no error")
    except KeyError as e:
        print("handled", e)
        return "from handler"
    else:
        print("else")
    finally:
        print("cleanup", v)
    return "after"


print(with_handlers(0), with_handlers("k"))


def propagates():
    try:
        1 / 0
    finally:
        print("finally before the traceback")


try:
    propagates()
except ZeroDivisionError as e:
    print("caught", e)


def replaced():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")


try:
    replaced()
except TypeError as e:
    print(e, type(e.__context__) is ValueError)

try:
    {}["missing"]
finally:
    print("module-level finally")
