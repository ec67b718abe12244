e = "global e"
def handler():
    e = "local e"
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return f"UnboundLocalError: {err}"
print(handler())
print(e)
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
def keep_reference():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return type(saved).__name__, saved.__traceback__ is not None
print(keep_reference())
def walrus_in_except():
    try:
        raise ValueError("v")
    except (ValueError) as exc:
        msg = (m := str(exc))
    return m, msg
print(walrus_in_except())
