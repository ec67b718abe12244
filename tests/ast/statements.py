for i in range(10):
    if i % 2 == 0 and not i > 5:
        continue
    elif i in (3, 4) or i is None:
        break
    else:
        pass
else:
    x = 1
while x < 10:
    x += 1
try:
    raise ValueError("bad") from None
except (TypeError, ValueError) as e:
    del e
finally:
    assert x, "message"
try:
    pass
except* OSError:
    pass
with open("f") as f, open("g"):
    global gx
match command.split():
    case [action, obj]:
        pass
    case Point(x=0, y=0) | {"k": 1, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case _:
        pass
