# A pattern error in the program itself: nothing runs.
print("not printed")

def handle(event):
    match event:
        case {"type": kind}:
            return kind
        case other:
            return None
        case [*_]:
            return "unreachable"
