match x:
    case f"x":
        pass
    case "a" f"b":
        pass
