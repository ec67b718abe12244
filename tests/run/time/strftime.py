# time.strftime and asctime on fixed time tuples.
import time

t = time.gmtime(1234567890)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%c", "%x %X", "%j %U %W %w %u", "%y %C %G %g %V",
            "%I %p %M", "%e|%k|%l", "%D %F %R %T", "%Z %z", "%%", "%n%t", "", "plain text", "%", "%Q", "caf\xe9 %Y",
            "%s" if False else "%h"]:
    print(repr(fmt), repr(time.strftime(fmt, t)))
print(time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y %j", (2020, 1, 1, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%m %d %j %a", (1999, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime("%Y", (-5, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime(t), time.asctime((2020, 1, 1, 0, 0, 0, 0, 0, 0)), time.asctime((2020, 0, 0, 0, 0, 0, -1, 0, 0)))
print(time.strftime("%H", (2020, 1, 1, 23, 0, 0, 0, 1, 5)), time.strftime("%S", (2020, 1, 1, 0, 0, 61, 0, 1, -7)))
print(type(time.strftime("%Y")).__name__, len(time.asctime()), len(time.ctime()), len(time.ctime(0)))
for call in [
    lambda: time.strftime(),
    lambda: time.strftime(1),
    lambda: time.strftime("%Y", 1),
    lambda: time.strftime("%Y", (1, 2)),
    lambda: time.strftime("%Y", [2020, 1, 1, 0, 0, 0, 0, 1, 0]),
    lambda: time.strftime("a\0b"),
    lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 32, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 24, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 60, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 62, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, -2, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 367, 0)),
    lambda: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, "x")),
    lambda: time.asctime(1),
    lambda: time.asctime((2020, 13, 1, 0, 0, 0, 0, 0, 0)),
    lambda: time.asctime((2020, 1, 1, 0, 0, 0, 0, 0, 0.5)),
    lambda: time.asctime(1, 2),
    lambda: time.ctime("x"),
]:
    try:
        print(call())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
