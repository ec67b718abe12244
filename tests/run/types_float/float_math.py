import math
print(math.sqrt(2), math.pi, math.e, math.tau, math.inf, math.nan)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fabs(-3), math.copysign(1, -0.0))
print(math.isnan(float("nan")), math.isinf(1e308 * 10), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.pow(2, 0.5))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3), math.remainder(7, 3))
for f, arg in ((math.sqrt, -1), (math.log, 0), (math.log, -1), (math.factorial, -1), (math.acos, 2), (math.exp, 1000)):
    try:
        print(f(arg))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27.0) if hasattr(math, "cbrt") else None, math.exp2(10))
