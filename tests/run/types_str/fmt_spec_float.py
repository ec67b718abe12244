# The format-spec mini-language for floats: rounding, exponents, 'g'
# trailing zeros, '%', negative zero, inf and nan.
values = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1e16, 1e-5, 1e-4, 123456.789,
          9.995, 1 / 3, 1e22, 5e-324, 1e300, float("inf"), -float("inf"), float("nan")]
specs = ["", ".0f", ".1f", ".2f", "f", "e", ".0e", ".3E", "g", ".3g", "#g", "G", ".10g",
         ".3", "#", "%", ".0%", "n", "+.2f", " .1e", "010.2f", "<10", "^10", "=+10",
         "*>12,.2f", "_.3f", "z.1f", "z", "#.0f", "#.0e", ".17"]
for v in values:
    print(repr(v), [format(v, s) for s in specs])
print([format(x, ".2f") for x in (0.005, 0.015, 0.025, 0.035, 0.045, 1.005, 1.115)])
print([format(x, "g") for x in (100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0)])
print([format(x, "") for x in (1e15, 1e16, 1.5e-4, 1.5e-5, 12345678901234567.0)])
print(format(12345.678, "020,.2f"), format(-1e300, ",.0f")[:30], format(1234567.0, "_"))
w, p = 12, 3
print(f"[{3.14159:{w}.{p}f}] [{-0.0:z}] [{2.5:.0f}] [{0.5:.0%}] [{1e100:.3}]")
for v, s in [(1.5, "d"), (1.5, "x"), (1.5, "c"), (1.5, ",n"), (1.0, ".3000000000f"),
             (1.0, ".99999999999999999999"), (1.0, "#,_"), (1.0, "ff")]:
    try:
        print(repr(format(v, s)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
