# The types of None, NotImplemented and Ellipsis make their one instance.
for t in (type(None), type(NotImplemented), type(...)):
    print(t.__name__, t() is t(), repr(t()))
    for args, kwargs in [((1,), {}), ((), {"x": 1})]:
        try:
            t(*args, **kwargs)
        except TypeError as e:
            print("TypeError", e)
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print("TypeError", e)
