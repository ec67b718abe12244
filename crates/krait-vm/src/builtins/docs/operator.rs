//! Docs of the functions of the `_operator` module (`operator.add`, ...).
//!
//! Invariant: each operator function's doc names the expression it
//! computes; the signatures are CPython's.

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "abs" => "abs($module, a, /)\n--\n\nThe operation abs(a).",
        "add" => "add($module, a, b, /)\n--\n\nThe operation a + b.",
        "and_" => "and_($module, a, b, /)\n--\n\nThe operation a & b.",
        "concat" => "concat($module, a, b, /)\n--\n\nThe operation a + b, for sequences a and b.",
        "contains" => "contains($module, a, b, /)\n--\n\nThe operation b in a (the operands reversed).",
        "delitem" => "delitem($module, a, b, /)\n--\n\nThe operation del a[b].",
        "eq" => "eq($module, a, b, /)\n--\n\nThe operation a == b.",
        "floordiv" => "floordiv($module, a, b, /)\n--\n\nThe operation a // b.",
        "ge" => "ge($module, a, b, /)\n--\n\nThe operation a >= b.",
        "getitem" => "getitem($module, a, b, /)\n--\n\nThe operation a[b].",
        "gt" => "gt($module, a, b, /)\n--\n\nThe operation a > b.",
        "iadd" => "iadd($module, a, b, /)\n--\n\nThe operation a += b.",
        "iand" => "iand($module, a, b, /)\n--\n\nThe operation a &= b.",
        "iconcat" => "iconcat($module, a, b, /)\n--\n\nThe operation a += b, for sequences a and b.",
        "ifloordiv" => "ifloordiv($module, a, b, /)\n--\n\nThe operation a //= b.",
        "ilshift" => "ilshift($module, a, b, /)\n--\n\nThe operation a <<= b.",
        "imatmul" => "imatmul($module, a, b, /)\n--\n\nThe operation a @= b.",
        "imod" => "imod($module, a, b, /)\n--\n\nThe operation a %= b.",
        "imul" => "imul($module, a, b, /)\n--\n\nThe operation a *= b.",
        "index" => "index($module, a, /)\n--\n\nThe operation a.__index__().",
        "inv" => "inv($module, a, /)\n--\n\nThe operation ~a.",
        "invert" => "invert($module, a, /)\n--\n\nThe operation ~a.",
        "ior" => "ior($module, a, b, /)\n--\n\nThe operation a |= b.",
        "ipow" => "ipow($module, a, b, /)\n--\n\nThe operation a **= b.",
        "irshift" => "irshift($module, a, b, /)\n--\n\nThe operation a >>= b.",
        "is_" => "is_($module, a, b, /)\n--\n\nThe operation a is b.",
        "is_not" => "is_not($module, a, b, /)\n--\n\nThe operation a is not b.",
        "isub" => "isub($module, a, b, /)\n--\n\nThe operation a -= b.",
        "itruediv" => "itruediv($module, a, b, /)\n--\n\nThe operation a /= b.",
        "ixor" => "ixor($module, a, b, /)\n--\n\nThe operation a ^= b.",
        "le" => "le($module, a, b, /)\n--\n\nThe operation a <= b.",
        "lshift" => "lshift($module, a, b, /)\n--\n\nThe operation a << b.",
        "lt" => "lt($module, a, b, /)\n--\n\nThe operation a < b.",
        "matmul" => "matmul($module, a, b, /)\n--\n\nThe operation a @ b.",
        "mod" => "mod($module, a, b, /)\n--\n\nThe operation a % b.",
        "mul" => "mul($module, a, b, /)\n--\n\nThe operation a * b.",
        "ne" => "ne($module, a, b, /)\n--\n\nThe operation a != b.",
        "neg" => "neg($module, a, /)\n--\n\nThe operation -a.",
        "not_" => "not_($module, a, /)\n--\n\nThe operation not a.",
        "or_" => "or_($module, a, b, /)\n--\n\nThe operation a | b.",
        "pos" => "pos($module, a, /)\n--\n\nThe operation +a.",
        "pow" => "pow($module, a, b, /)\n--\n\nThe operation a ** b.",
        "rshift" => "rshift($module, a, b, /)\n--\n\nThe operation a >> b.",
        "setitem" => "setitem($module, a, b, c, /)\n--\n\nThe operation a[b] = c.",
        "sub" => "sub($module, a, b, /)\n--\n\nThe operation a - b.",
        "truediv" => "truediv($module, a, b, /)\n--\n\nThe operation a / b.",
        "xor" => "xor($module, a, b, /)\n--\n\nThe operation a ^ b.",
        "_compare_digest" => "_compare_digest($module, a, b, /)\n--\n\n\
            a == b for two str (ASCII) or bytes-like objects, in a time that\n\
            does not depend on where they differ (against timing attacks).",
        "call" => "call($module, obj, /, *args, **kwargs)\n--\n\nThe call obj(*args, **kwargs).",
        "countOf" => "countOf($module, a, b, /)\n--\n\nThe number of items of a that are b or equal to b.",
        "indexOf" => "indexOf($module, a, b, /)\n--\n\n\
            The index of the first item of a that is b or equal to b; ValueError when none is.",
        "length_hint" => "length_hint($module, obj, default=0, /)\n--\n\n\
            An estimate of the number of items of obj: len(obj), else\n\
            obj.__length_hint__(), else default. Never negative.",
        "truth" => "truth($module, a, /)\n--\n\nThe truth value of a: True or False.",
        _ => return None,
    })
}
