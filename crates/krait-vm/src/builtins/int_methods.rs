//! The regular methods of `int` (CPython 3.11's `int_methods` table):
//! `bit_length`, `bit_count`, `conjugate`, `as_integer_ratio`,
//! `to_bytes`, the `math`/`round` hooks `__trunc__`, `__floor__`,
//! `__ceil__`, `__round__`, and `__getnewargs__`, `__sizeof__`,
//! `__format__`. The number slots and their wrappers are elsewhere.
//!
//! Invariant: every result is an exact `int` (never the receiver's
//! subclass, never a `bool`), as CPython's `long_long` gives.

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::IBig;

use crate::builtins::function::no_keywords;
use crate::builtins::int::{exact_int, int_of, new_int, new_big, Int};
use crate::builtins::tuple::new_tuple;
use crate::types::MethodDef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static METHODS: &[MethodDef] = &[
    MethodDef { name: "__format__", func: crate::builtins::format::builtin_format_method },
    MethodDef { name: "bit_length", func: bit_length },
    MethodDef { name: "bit_count", func: bit_count },
    MethodDef { name: "to_bytes", func: crate::builtins::int::to_bytes },
    MethodDef { name: "conjugate", func: |vm, this, args, kwnames| itself(vm, "conjugate", this, args, kwnames) },
    MethodDef { name: "__trunc__", func: |vm, this, args, kwnames| itself(vm, "__trunc__", this, args, kwnames) },
    MethodDef { name: "__floor__", func: |vm, this, args, kwnames| itself(vm, "__floor__", this, args, kwnames) },
    MethodDef { name: "__ceil__", func: |vm, this, args, kwnames| itself(vm, "__ceil__", this, args, kwnames) },
    MethodDef { name: "__round__", func: int_round },
    MethodDef { name: "as_integer_ratio", func: as_integer_ratio },
    MethodDef { name: "__getnewargs__", func: |vm, this, args, kwnames| {
        no_args(vm, "__getnewargs__", args, kwnames)?;
        Ok(new_tuple(vec![exact_int(this)]))
    } },
    MethodDef { name: "__sizeof__", func: sizeof },
];

/// A method of `int` that takes no arguments.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, &format!("int.{name}"), kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("int.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `int(self)`: what `conjugate`, `__trunc__`, `__floor__` and
/// `__ceil__` give for an int.
fn itself(vm: &mut Vm, name: &str, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, name, args, kwnames)?;
    Ok(exact_int(this))
}

/// `n.bit_length()`: the bits of `abs(n)`.
fn bit_length(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "bit_length", args, kwnames)?;
    let bits = match int_of(this) {
        Some(Int::Small(i)) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        Some(Int::Big(b)) => b.unsigned_abs().bit_len() as u64,
        None => 0,
    };
    Ok(new_int(bits as i64))
}

/// `n.bit_count()`: the ones in `abs(n)`'s binary form.
fn bit_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "bit_count", args, kwnames)?;
    let ones = match int_of(this) {
        Some(Int::Small(i)) => u64::from(i.unsigned_abs().count_ones()),
        Some(Int::Big(b)) => {
            b.unsigned_abs().to_le_bytes().iter().map(|byte| u64::from(byte.count_ones())).sum()
        }
        None => 0,
    };
    Ok(new_int(ones as i64))
}

/// `n.as_integer_ratio()`: `(int(n), 1)`.
fn as_integer_ratio(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "as_integer_ratio", args, kwnames)?;
    Ok(new_tuple(vec![exact_int(this), new_int(1)]))
}

/// `n.__round__([ndigits])`: `int(n)`, or for a negative `ndigits` the
/// nearest multiple of `10 ** -ndigits`, ties to even.
fn int_round(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "__round__", kwnames)?;
    let ndigits = match args {
        [] => return Ok(exact_int(this)),
        [n] => n,
        _ => return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", args.len()))),
    };
    let Some(n) = crate::ops::index(vm, ndigits)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(ndigits).name());
        return Err(vm.type_error(msg));
    };
    let digits = match int_of(&n) {
        Some(Int::Small(k)) if k < 0 => k.unsigned_abs(),
        Some(Int::Big(b)) if *b < IBig::ZERO => u64::MAX,
        _ => return Ok(exact_int(this)),
    };
    let value = int_of(this).map_or(IBig::ZERO, |i| i.to_ibig());
    let k = i64::try_from(digits).unwrap_or(i64::MAX);
    Ok(new_big(crate::builtins::functions::round_to_multiple(&value, &IBig::ONE, k)))
}

/// `n.__sizeof__()`: CPython's layout, a 24-byte header and 30-bit digits
/// of 4 bytes each (at least one digit).
fn sizeof(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "__sizeof__", args, kwnames)?;
    let bits = match int_of(this) {
        Some(Int::Small(i)) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        Some(Int::Big(b)) => b.unsigned_abs().bit_len() as u64,
        None => 0,
    };
    let digits = bits.div_ceil(30).max(1);
    Ok(new_int(24 + 4 * digits as i64))
}
