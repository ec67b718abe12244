# decimal (through _pydecimal and its context variable), fractions and
# statistics compute as CPython.
import decimal
from decimal import Decimal, getcontext, localcontext
import fractions
from fractions import Fraction
import statistics

print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("10") ** 20, Decimal(0.1))
getcontext().prec = 10
print(Decimal(1) / Decimal(3), Decimal(2).sqrt(), Decimal("1.23456789012345").quantize(Decimal("0.001")))
with localcontext() as c:
    c.prec = 40
    print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln())
print(Decimal(2).sqrt(), getcontext().prec)
with localcontext(prec=5, rounding=decimal.ROUND_DOWN):
    print(Decimal("3.14159265"), +Decimal("3.14159265"), Decimal(22) / Decimal(7))
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    # The message is the C _decimal's in CPython, _pydecimal's in Krait.
    print(type(e).__name__, isinstance(e, ZeroDivisionError))
print(Decimal("-0.0"), Decimal("NaN").is_nan(), Decimal("1e-7"), Decimal("123.4500").normalize(), round(Decimal("2.675"), 2))
print(sorted([Decimal("1.5"), Decimal("-2"), Decimal("0.1")]), max(Decimal(3), Decimal("3.0")), hash(Decimal("1.5")) == hash(1.5))
print(f"{Decimal('1234.5678'):,.2f}", "{:e}".format(Decimal("0.000123")))

print(Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"), Fraction(1.1).limit_denominator(100), Fraction(-7, 3) // 2)
print(Fraction(2, 3) ** 3, Fraction(9, 4) ** Fraction(1, 2), float(Fraction(1, 3)), round(Fraction(7, 2)), Fraction(Decimal("1.25")))
print(Fraction(5, 10).as_integer_ratio(), Fraction(22, 7).limit_denominator(5), abs(Fraction(-1, 2)), Fraction(1, 3) < 0.34)

data = [2.5, 3.25, 5.5, 11.25, 11.75, 1.0, 2.0]
print(statistics.mean(data), statistics.median(data), statistics.median_low(data), statistics.median_high(data))
print(statistics.pstdev(data), statistics.stdev(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.mode([1, 2, 2, 3]), statistics.multimode("aabbbcc"), statistics.harmonic_mean([40, 60]), statistics.geometric_mean([54, 24, 36]))
print(statistics.quantiles(range(1, 11), n=4), statistics.fmean([1, 2, 3.5]), statistics.mean([Fraction(1, 3), Fraction(2, 3)]))
print(statistics.mean([Decimal("0.5"), Decimal("0.75")]), statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]))
print(statistics.linear_regression([1, 2, 3, 4], [3, 5, 7, 10]))
nd = statistics.NormalDist(100, 15)
print(nd.cdf(120), nd.inv_cdf(0.9), nd.pdf(100), nd.overlap(statistics.NormalDist(110, 10)), nd.samples(3, seed=7))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print(type(e).__name__, e)
