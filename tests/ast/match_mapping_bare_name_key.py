match x:
    case {x: 1}:
        pass
