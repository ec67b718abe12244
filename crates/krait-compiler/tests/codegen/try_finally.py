# try/finally: plain, with except clauses, and return/break/continue
# leaving through finally bodies (values preserved, nested finallys).
def plain(f):
    try:
        f()
    finally:
        print("done")


def with_except(f):
    try:
        f()
    except ValueError as e:
        print(e)
    else:
        print("ok")
    finally:
        print("finally")


def returns(x):
    try:
        return x + 1
    finally:
        print("leaving")


def const_return():
    try:
        return 1
    finally:
        pass


def loops(items):
    for i in items:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    while items:
        try:
            items.pop()
        finally:
            break


def nested(a):
    try:
        try:
            return a()
        finally:
            print("inner")
    finally:
        print("outer")


def return_in_finally(a):
    try:
        a()
    finally:
        return 2
