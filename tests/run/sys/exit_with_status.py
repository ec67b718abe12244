# sys.exit: caught SystemExit and its code, finally bodies running on the
# way out, and the process status taken from the code (a C long cast to an
# int, then the low byte).
import sys

for args in [(), (None,), (3,), ("text",), ((4, 5),)]:
    try:
        if args:
            sys.exit(args[0])
        sys.exit()
    except SystemExit as e:
        print("caught", repr(e.code), e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
print(isinstance(SystemExit(), Exception), issubclass(SystemExit, BaseException))
try:
    print("leaving")
    sys.exit(2**40 + 3)
finally:
    print("finally runs")
