# except*: named and unnamed clauses, tuples of types, else and finally, nesting. [positions]
def f():
    try:
        a()
    except* ValueError as e:
        b(e)
    except* (TypeError, KeyError):
        c()

def g(x):
    try:
        x()
    except* OSError:
        pass
    else:
        y = 1
    finally:
        z = 2
    return y, z

def h():
    for i in range(3):
        try:
            try:
                i()
            except* ValueError as inner:
                raise TypeError from inner
        except* TypeError as outer:
            print(outer)

async def k():
    try:
        await a()
    except* Exception as e:
        await b(e)
