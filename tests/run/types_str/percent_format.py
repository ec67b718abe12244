# printf-style formatting: conversions, flags, width, precision, '*'.
print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|" % ("é", "é", "é", "ab", "ab", "abc", "xyz"))
print("%d %i %u %5d %-5d| %05d %+d % d %+05d %.3d" % (42, -42, 7, 42, 42, -42, 42, 42, 42, 7))
print("%x %X %#x %#X %#o %o %#08x %-#8x| %+#x %.4x" % (255, 255, 255, 255, 8, 8, 255, 255, 255, 255))
print("%d %x %o" % (2 ** 70, -(2 ** 70), 2 ** 64), "%d %d %i" % (3.99, -3.99, True))
print("%f %.2f %.0f %.0f %#.0f %e %.2E %g %G %.3g %#g" % (1.5, 2.675, 0.5, 1.5, 3.0, 12345.678, 0.000123, 1e-5, 1e20, 1234.5, 1.0))
print("%010.3f|%-10.2e|%+.1f|% .1f|%F|%f|%010f" % (3.14159, 1234.5, 2.25, 2.25, float("inf"), float("nan"), -float("inf")))
print("%c%c%c|%3c|%-3c|" % ("a", 98, 0x263A, "x", 65), "%%|%5s%%" % "p")
print("%*d|%-*d|%*d|%.*f|%*.*s|" % (5, 42, 5, 42, -5, 42, 2, 3.14159, 6, 2, "abcdef"))
print("%(a)s %(b)05.1f %(a)r" % {"a": "x", "b": 2.25}, "%(k(1))s" % {"k(1)": "paren"})
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % ([1], (2,)), "%s" % None, "%s" % {"d": 1})
print("abc" % (), "abc" % [], "abc" % {}, "%s" % "only", "%.3s" % 1234567, "%5r" % 1.5)
class Num:
    def __index__(self):
        return 7
    def __float__(self):
        return 0.5
print("%d %x %c %f %.1f" % (Num(), Num(), Num(), Num(), 3))
print("%hd %ld %Lf" % (1, 2, 3.0), "%s and %s" % ("é☕", "ok"), "%-4s|%4s|" % ("é", "☕"))
