# match: value, singleton, wildcard and capture patterns; guards; a default case. [positions]
match command:
    case 0:
        result = "zero"
    case -1:
        result = "minus one"
    case 1.5 | -2.5:
        result = "float"
    case 2j | -3j | 1 + 2j | -1.5 - 0.5j:
        result = "complex"
    case "text" | b"bytes":
        result = "str or bytes"
    case None:
        result = "none"
    case True:
        result = "true"
    case False:
        result = "false"
    case Color.RED:
        result = "red"
    case mod.Color.GREEN if flag:
        result = "green"
    case x if x > 10:
        result = "big"
    case _:
        result = "other"

match value:
    case captured:
        print(captured)

match value:
    case _:
        pass

match value:
    case 1:
        pass

match value:
    case 1 if a and b:
        pass
    case _ if c:
        pass

def f(v):
    match v:
        case 0:
            return "zero"
        case n if n < 0:
            return "negative"
        case n:
            return n
