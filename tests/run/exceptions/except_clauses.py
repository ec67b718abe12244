def classify(f):
    try:
        f()
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "arith"
    except Exception as e:
        return "other " + type(e).__name__
    else:
        return "no error"

print(classify(lambda: {}[1]), classify(lambda: [][1]), classify(lambda: 1 / 0),
      classify(lambda: int("x")), classify(lambda: None))

try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)

err = "preexisting"
try:
    raise KeyError
except KeyError as err:
    pass
print("err" in dir())

try:
    try:
        raise TypeError("t")
    except 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)

catch = (ValueError,)
try:
    raise ValueError
except catch:
    print("caught with a tuple in a variable")

try:
    raise ValueError
except ():
    print("never")
except ValueError:
    print("empty tuple catches nothing")
