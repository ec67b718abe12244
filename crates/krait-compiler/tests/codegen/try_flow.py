a = b = c = 0
for c in a:
    for b in c:
        try:
            pass
        except Exception as e:
            a = a < b < c
        except:
            b = not b

def nested(a, b):
    for x in a:
        try:
            y = x
        except ValueError:
            y = 0
        else:
            try:
                y = b[x]
            except (KeyError, IndexError) as e:
                print(e)
    return [v for v in a if v < b < 3]

def after_loop(items):
    while items:
        try:
            items = items[1:]
        except:
            pass
    print(items)

print(nested([1], {}), after_loop([1, 2]))
