//! Docs of the functions of the `math` module.

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "acos" => "acos($module, x, /)\n--\n\nThe arc cosine of x, in radians, in [0, pi].",
        "acosh" => "acosh($module, x, /)\n--\n\nThe inverse hyperbolic cosine of x.",
        "asin" => "asin($module, x, /)\n--\n\nThe arc sine of x, in radians, in [-pi/2, pi/2].",
        "asinh" => "asinh($module, x, /)\n--\n\nThe inverse hyperbolic sine of x.",
        "atan" => "atan($module, x, /)\n--\n\nThe arc tangent of x, in radians, in [-pi/2, pi/2].",
        "atan2" => "atan2($module, y, x, /)\n--\n\n\
            The angle of the point (x, y) from the positive x axis, in radians,\n\
            in [-pi, pi]; the signs of both arguments choose the quadrant.",
        "atanh" => "atanh($module, x, /)\n--\n\nThe inverse hyperbolic tangent of x.",
        "cbrt" => "cbrt($module, x, /)\n--\n\nThe cube root of x.",
        "ceil" => "ceil($module, x, /)\n--\n\n\
            The smallest integer >= x, as an int (x.__ceil__() when x has it).",
        "comb" => "comb($module, n, k, /)\n--\n\n\
            The number of ways to choose k items from n without order:\n\
            n! / (k! * (n - k)!), and 0 when k > n.",
        "copysign" => "copysign($module, x, y, /)\n--\n\nThe magnitude of x with the sign of y (signed zeros too).",
        "cos" => "cos($module, x, /)\n--\n\nThe cosine of x radians.",
        "cosh" => "cosh($module, x, /)\n--\n\nThe hyperbolic cosine of x.",
        "degrees" => "degrees($module, x, /)\n--\n\nThe angle x converted from radians to degrees.",
        "dist" => "dist($module, p, q, /)\n--\n\n\
            The Euclidean distance between points p and q, two sequences of\n\
            coordinates of the same length.",
        "erf" => "erf($module, x, /)\n--\n\nThe error function at x.",
        "erfc" => "erfc($module, x, /)\n--\n\nThe complementary error function at x: 1 - erf(x), without the loss.",
        "exp" => "exp($module, x, /)\n--\n\ne raised to the power x.",
        "exp2" => "exp2($module, x, /)\n--\n\n2 raised to the power x.",
        "expm1" => "expm1($module, x, /)\n--\n\nexp(x) - 1, accurate for small x.",
        "fabs" => "fabs($module, x, /)\n--\n\nThe absolute value of x, as a float.",
        "factorial" => "factorial($module, n, /)\n--\n\nn! for an integer n >= 0.",
        "floor" => "floor($module, x, /)\n--\n\n\
            The largest integer <= x, as an int (x.__floor__() when x has it).",
        "fmod" => "fmod($module, x, y, /)\n--\n\n\
            The C library's remainder of x / y, with the sign of x (unlike x % y).",
        "frexp" => "frexp($module, x, /)\n--\n\n\
            The pair (m, e) with x == m * 2**e, 0.5 <= abs(m) < 1 (or m zero).",
        "fsum" => "fsum($module, seq, /)\n--\n\n\
            The sum of the floats of an iterable, correctly rounded (no\n\
            rounding errors accumulate).",
        "gamma" => "gamma($module, x, /)\n--\n\nThe Gamma function at x.",
        "gcd" => "gcd($module, *integers)\n--\n\n\
            The greatest common divisor of the integers (0 for none, or all zero).",
        "hypot" => "hypot(*coordinates) -> value\n\n\
            The Euclidean norm sqrt(sum(x**2 for x in coordinates)): the\n\
            distance of the point from the origin.",
        "isclose" => "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n\
            True when a and b are close: abs(a - b) <= max(rel_tol * max(abs(a),\n\
            abs(b)), abs_tol). NaN is close to nothing; an infinity only to itself.",
        "isfinite" => "isfinite($module, x, /)\n--\n\nTrue when x is neither an infinity nor a NaN.",
        "isinf" => "isinf($module, x, /)\n--\n\nTrue when x is a positive or negative infinity.",
        "isnan" => "isnan($module, x, /)\n--\n\nTrue when x is a NaN.",
        "isqrt" => "isqrt($module, n, /)\n--\n\nThe integer square root of n >= 0: the largest a with a*a <= n.",
        "lcm" => "lcm($module, *integers)\n--\n\n\
            The least common multiple of the integers (1 for none, 0 when one is 0).",
        "ldexp" => "ldexp($module, x, i, /)\n--\n\nx * (2**i), the inverse of frexp().",
        "lgamma" => "lgamma($module, x, /)\n--\n\nThe natural logarithm of the absolute value of Gamma at x.",
        "log" => "log(x, [base=math.e])\n\
            The logarithm of x to the given base (natural when base is absent).",
        "log10" => "log10($module, x, /)\n--\n\nThe base-10 logarithm of x.",
        "log1p" => "log1p($module, x, /)\n--\n\nThe natural logarithm of 1 + x, accurate for x near zero.",
        "log2" => "log2($module, x, /)\n--\n\nThe base-2 logarithm of x.",
        "modf" => "modf($module, x, /)\n--\n\n\
            The fractional and integral parts of x, both floats with the sign of x.",
        "nextafter" => "nextafter($module, x, y, /)\n--\n\nThe next float after x in the direction of y.",
        "perm" => "perm($module, n, k=None, /)\n--\n\n\
            The number of ways to choose k items from n in order:\n\
            n! / (n - k)!, and 0 when k > n. Without k, n!.",
        "pow" => "pow($module, x, y, /)\n--\n\nx raised to the power y, as floats.",
        "prod" => "prod($module, iterable, /, *, start=1)\n--\n\n\
            start times the items of the iterable, multiplied left to right;\n\
            start for an empty iterable.",
        "radians" => "radians($module, x, /)\n--\n\nThe angle x converted from degrees to radians.",
        "remainder" => "remainder($module, x, y, /)\n--\n\n\
            The IEEE 754 remainder of x / y: x - n*y with n the integer\n\
            nearest x / y (halves to even).",
        "sin" => "sin($module, x, /)\n--\n\nThe sine of x radians.",
        "sinh" => "sinh($module, x, /)\n--\n\nThe hyperbolic sine of x.",
        "sqrt" => "sqrt($module, x, /)\n--\n\nThe square root of x.",
        "tan" => "tan($module, x, /)\n--\n\nThe tangent of x radians.",
        "tanh" => "tanh($module, x, /)\n--\n\nThe hyperbolic tangent of x.",
        "trunc" => "trunc($module, x, /)\n--\n\n\
            x truncated toward zero to an int, by x.__trunc__().",
        "ulp" => "ulp($module, x, /)\n--\n\n\
            The value of the least significant bit of the float x.",
        _ => return None,
    })
}
