//! Docs of the methods of `int`, `bool`, `float` and `complex`.
//!
//! Invariant: the `>>>` examples are Krait's own; test_builtin collects
//! them (`as_integer_ratio`, `bit_count`, `bit_length`, `float.hex`,
//! `float.fromhex`).

pub fn doc(owner: &str, name: &str) -> Option<&'static str> {
    match owner {
        "int" => int_doc(name),
        "float" => float_doc(name),
        "complex" => complex_doc(name),
        _ => None,
    }
}

fn int_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__ceil__" => "The ceiling of an integer: the integer itself.",
        "__floor__" => "The floor of an integer: the integer itself.",
        "__trunc__" => "An integer truncated: the integer itself.",
        // CPython gives these two a signature and no doc.
        "__format__" => "__format__($self, format_spec, /)\n--\n\n",
        "__getnewargs__" => "__getnewargs__($self, /)\n--\n\n",
        "__round__" => "__round__($self, ndigits=<unrepresentable>, /)\n--\n\n\
            The integer rounded to ndigits decimal digits (a negative ndigits\n\
            rounds to tens, hundreds, ...); halves go to even.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the integer in memory, in bytes.",
        "as_integer_ratio" => "as_integer_ratio($self, /)\n--\n\n\
            The pair (self, 1): the integer as a fraction in lowest terms with\n\
            a positive denominator.\n\n\
            >>> (12).as_integer_ratio()\n\
            (12, 1)\n\
            >>> (-7).as_integer_ratio()\n\
            (-7, 1)\n\
            >>> (0).as_integer_ratio()\n\
            (0, 1)",
        "bit_count" => "bit_count($self, /)\n--\n\n\
            The number of one bits in the absolute value of the integer.\n\n\
            >>> (7).bit_count()\n\
            3\n\
            >>> (-12).bit_count()\n\
            2",
        "bit_length" => "bit_length($self, /)\n--\n\n\
            The number of bits needed to write the absolute value in binary,\n\
            without sign or leading zeros.\n\n\
            >>> (255).bit_length()\n\
            8\n\
            >>> (-256).bit_length()\n\
            9",
        "conjugate" => "The complex conjugate of an integer: the integer itself.",
        "from_bytes" => "from_bytes($type, /, bytes, byteorder='big', *, signed=False)\n--\n\n\
            The integer whose representation is the given bytes.\n\n\
            bytes is a bytes-like object or an iterable of ints in\n\
            range(256). byteorder is 'big' (most significant byte first) or\n\
            'little'; signed reads two's complement.",
        "to_bytes" => "to_bytes($self, /, length=1, byteorder='big', *, signed=False)\n--\n\n\
            The integer as length bytes.\n\n\
            byteorder is 'big' (most significant byte first) or 'little';\n\
            signed allows negative integers, in two's complement.\n\
            OverflowError when the integer does not fit.",
        _ => return None,
    })
}

fn float_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__ceil__" => "__ceil__($self, /)\n--\n\nThe smallest integer >= self.",
        "__floor__" => "__floor__($self, /)\n--\n\nThe largest integer <= self.",
        "__trunc__" => "__trunc__($self, /)\n--\n\nThe integral part of self, as an int.",
        "__format__" => "__format__($self, format_spec, /)\n--\n\nself formatted by format_spec, for format() and f-strings.",
        "__getformat__" => "__getformat__($type, typestr, /)\n--\n\n\
            How the machine stores the C type typestr ('double' or 'float'):\n\
            'unknown', 'IEEE, big-endian' or 'IEEE, little-endian'. For\n\
            Python's test suite.",
        "__getnewargs__" => "__getnewargs__($self, /)\n--\n\n",
        "__round__" => "__round__($self, ndigits=None, /)\n--\n\n\
            self rounded to ndigits decimal digits; an int without ndigits.",
        "as_integer_ratio" => "as_integer_ratio($self, /)\n--\n\n\
            The exact value of the float as a pair of integers (numerator,\n\
            denominator) in lowest terms, the denominator positive.\n\n\
            >>> (0.75).as_integer_ratio()\n\
            (3, 4)\n\
            >>> (-2.5).as_integer_ratio()\n\
            (-5, 2)\n\
            >>> (0.1).as_integer_ratio()\n\
            (3602879701896397, 36028797018963968)",
        "conjugate" => "conjugate($self, /)\n--\n\nThe complex conjugate of a float: the float itself.",
        "fromhex" => "fromhex($type, string, /)\n--\n\n\
            The float written as a hexadecimal string (as float.hex() writes).\n\n\
            >>> float.fromhex('0x1.8p1')\n\
            3.0\n\
            >>> float.fromhex('-0x1p-2')\n\
            -0.25",
        "hex" => "hex($self, /)\n--\n\n\
            The float written in hexadecimal, exactly.\n\n\
            >>> (3.0).hex()\n\
            '0x1.8000000000000p+1'\n\
            >>> (-0.5).hex()\n\
            '-0x1.0000000000000p-1'",
        "is_integer" => "is_integer($self, /)\n--\n\nTrue when the float has no fractional part.",
        _ => return None,
    })
}

fn complex_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__complex__" => "__complex__($self, /)\n--\n\nThe complex number itself, as complex(self) asks.",
        "__format__" => "__format__($self, format_spec, /)\n--\n\nself formatted by format_spec, for format() and f-strings.",
        "__getnewargs__" => "__getnewargs__($self, /)\n--\n\n",
        "conjugate" => "conjugate($self, /)\n--\n\nThe complex conjugate: the imaginary part negated.",
        _ => return None,
    })
}
