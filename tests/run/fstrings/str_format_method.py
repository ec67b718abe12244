print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[1]} {1[key]} {2.real}".format([1, 2], {"key": "v"}, 3 + 4j))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{:08.3f} {:+d} {: d} {:x} {:X} {:o} {:b} {:e} {:%}".format(3.14159, 5, 5, 255, 255, 8, 5, 12345.678, 0.25))
print("{!r} {!s} {!a}".format("x", "y", "é"))
print("{0:{1}}".format("w", 5), "{:{}{}}".format(7, ">", 4))
print("%s %r %d %5.2f %x %o %e %c %%" % ("s", "r", 42, 3.14159, 255, 8, 1000.0, 65))
print("%(a)s and %(b)s" % {"a": 1, "b": 2}, "%-5d|" % 3, "%05d" % -42, "%+.1f" % 2.25, "%s" % (1,))
for bad in (lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%z" % 1,
            lambda: "%(k)s" % {}, lambda: "%c" % 1234567890):
    try:
        bad()
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print("{:,} {:_} {:_x}".format(10 ** 9, 10 ** 9, 2 ** 32))
print(format(1.5), format(-0.0), "{:.0f} {:.0f}".format(0.5, 1.5), "{:g}".format(1e-5))
