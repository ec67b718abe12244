# An uncaught TypeError from a bad call: traceback on stderr, exit status 1.
def area(width, height):
    return width * height

def report(shapes):
    for s in shapes:
        print(area(*s))

report([(2, 3), (4, 5)])
report([(1, 2, 3)])
print("not reached")
