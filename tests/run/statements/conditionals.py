def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 10)])
print("yes" if [] else "no", "yes" if [0] else "no", 1 if 0 else 2 if 0 else 3)
print(0 or "" or None or "last", 1 and "a" and [] and "unreached", None and 1)
print(not 0, not "x", (not []) is True)
x = 5
if 0 < x < 10 and x != 3 or False:
    print("compound condition")
if x:
    pass
elif undefined_name:
    pass
print(type(1 and 2.5).__name__, [] or {}, 0 and 1 / 0)
class Falsy:
    def __bool__(self):
        print("bool called")
        return False
r = Falsy() or "fallback"
print(r)
r = Falsy() and "unreached"
print(type(r).__name__)
print("short" if True else 1 / 0)
