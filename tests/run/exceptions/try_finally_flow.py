def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed it"

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out

def order():
    log = []
    for i in range(3):
        try:
            log.append(f"try{i}")
            if i == 0:
                continue
            if i == 2:
                break
        finally:
            log.append(f"fin{i}")
    return log

def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)

def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")

print(ret_in_finally(), swallow(), break_in_finally(), continue_in_finally())
print(order(), return_value_evaluated_first(), nested())

def else_clause(fail):
    try:
        if fail:
            raise ValueError
    except ValueError:
        print("except")
    else:
        print("else")
        return "from else"
    finally:
        print("finally")
    return "after"
print(else_clause(False), else_clause(True))
