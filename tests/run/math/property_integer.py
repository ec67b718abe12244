# The integer functions of math over deterministic generated ints, small
# and huge: gcd and lcm of any number of arguments, isqrt (checked exactly
# and printed), factorial, comb, perm; floor/ceil/trunc of floats and big
# ints; the logarithms of ints too large for a float; the correctly rounded
# conversion of big ints to float (sqrt, fsum, hypot of them).
import math

state = 4242

def rand(bits):
    global state
    out = 0
    for _ in range((bits + 52) // 53):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out = (out << 53) | (state >> 11)
    return out >> ((bits + 52) // 53 * 53 - bits)

def show(label, f, *args):
    try:
        r = repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, r)

ints = [0, 1, -1, 2, 12, -18, 2**31, 2**63 - 1, 2**63, -2**63, 2**64 + 1]
ints += [rand(b) * (-1) ** b for b in [5, 17, 40, 64, 65, 100, 200, 1000]]

for a in ints:
    show("gcd1", math.gcd, a)
    show("lcm1", math.lcm, a)
    for b in ints[::2]:
        show("gcd", math.gcd, a, b)
        show("lcm", math.lcm, a, b)
common = rand(80)
show("gcd many", math.gcd, common * 6, common * 10, -common * 14, common * 22)
show("lcm many", math.lcm, 4, 6, 10, 14, -22)
show("gcd none", math.gcd)
show("lcm none", math.lcm)
show("gcd bools", math.gcd, True, False)
show("lcm zero", math.lcm, 5, 0, 7)

for bits in [0, 1, 2, 5, 31, 32, 52, 53, 54, 63, 64, 65, 100, 127, 128, 129, 500, 1001]:
    for n in [rand(bits) if bits else 0, 2**bits, 2**bits - 1, (2**bits + 1) ** 2, (2**bits + 1) ** 2 - 1]:
        r = math.isqrt(n)
        assert r * r <= n < (r + 1) * (r + 1), n
        print("isqrt", bits, r % 10**12, r.bit_length())
show("isqrt neg", math.isqrt, -1)
show("isqrt bool", math.isqrt, True)

for n in [0, 1, 2, 5, 12, 20, 21, 22, 23, 30, 50, 100, 171, 500, 1000]:
    f = math.factorial(n)
    print("factorial", n, f % 10**15, f.bit_length())
show("factorial neg", math.factorial, -3)
show("factorial huge", math.factorial, 2**63)
show("factorial huge neg", math.factorial, -2**70)
show("factorial float", math.factorial, 5.0)

for n in [0, 1, 5, 10, 30, 60, 67, 68, 100, 1000, 2**40, 2**63 - 1, 2**64 + 7, 10**30]:
    for k in [0, 1, 2, 3, 7, 20, 33, 34, 35, 60, 100, 1001]:
        c = math.comb(n, k)
        p = math.perm(n, k)
        print("comb", n, k, c % 10**18, c.bit_length(), "perm", p % 10**18, p.bit_length())
print("comb symmetric", math.comb(1000, 997) == math.comb(1000, 3))
show("comb n<k", math.comb, 3, 10**30)
show("comb huge n<k", math.comb, 2**70, 2**71)
show("comb huge", math.comb, 2**70 + 5, 2**70 + 2)
show("perm n<k", math.perm, 3, 10**30)
show("perm one", math.perm, 10**30, 1)
show("perm none", math.perm, 10)
show("perm none arg", math.perm, 6, None)

for x in [2.5, -2.5, 0.5, -0.5, -0.0, 1e16 + 0.5, 1e300, -1e300, 2.0**60 + 2.0**8, 4503599627370495.5]:
    print("round", x, math.floor(x), math.ceil(x), math.trunc(x))
for n in [10**100, -10**100, True, 2**63 + 1]:
    print("round int", math.floor(n), math.ceil(n), math.trunc(n), type(math.floor(n)).__name__)

for n in [10**308, 10**309, 2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**971, 10**400, 3**10000, 7**100000 + 1]:
    show("log", math.log, n)
    show("log2", math.log2, n)
    show("log10", math.log10, n)
    show("log base 10", math.log, n, 10)
    show("log base big", math.log, 10**50, n)
    show("sqrt", math.sqrt, n)
    show("float", float, n)
show("log -big", math.log, -10**400)
show("log 0", math.log, 0)
show("log2 -1", math.log2, -1)
for b in [53, 54, 55, 64, 100, 1000, 1023, 1024]:
    for n in [2**b - 1, 2**b + 1, 2**b + 2**(b - 53), 2**b + 2**(b - 53) + 1, 2**b - 2**(b - 54)]:
        show("int->float sqrt %d" % b, math.sqrt, n)
        show("int->float fsum %d" % b, math.fsum, [n, 0.5, -n])
        show("int->float hypot %d" % b, math.hypot, n)
