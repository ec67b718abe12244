# return, break and continue leaving try bodies and except handlers.
def ret_in_body(x):
    try:
        return 1 // x
    except ZeroDivisionError:
        return 0


def ret_in_handler(x):
    try:
        y = 1 // x
    except ZeroDivisionError as e:
        return e
    return y


def loop_break(items):
    for i in items:
        try:
            if i:
                break
        except ValueError:
            continue
    while items:
        try:
            items.pop()
        except IndexError as e:
            break
    return i


def nested_handlers(f):
    for a in f:
        try:
            a()
        except KeyError:
            try:
                a()
            except IndexError as err:
                return err
            continue
