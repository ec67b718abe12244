//! The typecodes of `array.array` and the conversion of one item between
//! its machine bytes and a Python value, with CPython's messages for
//! values that do not fit (`arraymodule.c`'s `*_setitem`, which go
//! through `PyArg_Parse` formats and so give their wording).
//!
//! Invariants:
//! - Items are stored in native byte order (little-endian here) at their
//!   C sizes on LP64 Linux: b/B 1, h/H 2, i/I 4, l/L/q/Q 8, f 4, d 8, and
//!   u 4 (wchar_t is UCS-4).
//! - `encode` checks a value completely before returning its bytes, so a
//!   failed store changes nothing.

use dashu_int::IBig;

use crate::builtins::int::{int_of, new_big, new_int};
use crate::builtins::str::as_str_data;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The typecodes, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TypeCode(pub u8);

impl TypeCode {
    pub fn parse(c: u32) -> Option<TypeCode> {
        let b = u8::try_from(c).ok()?;
        TYPECODES.as_bytes().contains(&b).then_some(TypeCode(b))
    }

    pub fn letter(self) -> char {
        self.0 as char
    }

    pub fn size(self) -> usize {
        match self.0 {
            b'b' | b'B' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' | b'f' | b'u' => 4,
            _ => 8,
        }
    }

    pub fn is_unicode(self) -> bool {
        self.0 == b'u'
    }

    /// CPython's machine format code for this typecode on a
    /// little-endian LP64 machine (`typecode_to_mformat_code`).
    pub fn mformat(self) -> i64 {
        match self.0 {
            b'b' => 1,
            b'B' => 0,
            b'u' => 20,
            b'h' => 4,
            b'H' => 2,
            b'i' => 8,
            b'I' => 6,
            b'l' | b'q' => 12,
            b'L' | b'Q' => 10,
            b'f' => 14,
            _ => 16,
        }
    }
}

/// Whether `len` bytes are a whole number of `size`-byte items.
pub fn whole(len: usize, size: usize) -> bool {
    len.checked_rem(size) == Some(0)
}

/// The value of one item.
pub fn decode(vm: &mut Vm, code: TypeCode, b: &[u8]) -> PyResult<Value> {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    Ok(match code.0 {
        b'b' => new_int(i8::from_ne_bytes([b[0]]).into()),
        b'B' => new_int(b[0].into()),
        b'h' => new_int(i16::from_ne_bytes([b[0], b[1]]).into()),
        b'H' => new_int(u16::from_ne_bytes([b[0], b[1]]).into()),
        b'i' => new_int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]).into()),
        b'I' => new_int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]).into()),
        b'l' | b'q' => new_int(i64::from_ne_bytes(buf)),
        b'L' | b'Q' => {
            let u = u64::from_ne_bytes(buf);
            match i64::try_from(u) {
                Ok(i) => new_int(i),
                Err(_) => new_big(IBig::from(u)),
            }
        }
        b'f' => Value::float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]).into()),
        b'd' => Value::float(f64::from_ne_bytes(buf)),
        _ => {
            let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            unicode_char(vm, c)?
        }
    })
}

/// A one-character str, or CPython's ValueError for a wchar_t that is no
/// code point.
pub fn unicode_char(vm: &mut Vm, c: u32) -> PyResult<Value> {
    if c > 0x10FFFF {
        return Err(vm.value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]")));
    }
    let mut s = krait_syntax::pystr::PyString::new();
    s.push_code_point(c);
    Ok(crate::builtins::str::new_str_from_pystring(&s))
}

/// An integer item's value (`__index__`), as CPython's `PyNumber_Index`.
fn int_value(vm: &mut Vm, v: &Value) -> PyResult<IBig> {
    if let Some(i) = crate::ops::index(vm, v)?.as_ref().and_then(int_of) {
        return Ok(i.to_ibig());
    }
    let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
    Err(vm.type_error(msg))
}

/// `n` as a C long, or "Python int too large to convert to C long".
fn c_long(vm: &mut Vm, n: &IBig) -> PyResult<i64> {
    i64::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C long"))
}

/// Check `x` against `lo..=hi`, with "`what` is less than minimum" /
/// "is greater than maximum".
fn range(vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    if x < lo {
        return Err(vm.overflow_error(format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(vm.overflow_error(format!("{what} is greater than maximum")));
    }
    Ok(x)
}

/// The bytes of `v` as an item of `code`.
pub fn encode(vm: &mut Vm, code: TypeCode, v: &Value) -> PyResult<Vec<u8>> {
    match code.0 {
        b'f' => Ok((crate::builtins::math::real_arg(vm, v)? as f32).to_ne_bytes().to_vec()),
        b'd' => Ok(crate::builtins::math::real_arg(vm, v)?.to_ne_bytes().to_vec()),
        b'u' => {
            let c = as_str_data(v).filter(|s| s.len() == 1).and_then(|s| s.code_points().next());
            match c {
                Some(c) => Ok(c.to_ne_bytes().to_vec()),
                None => Err(vm.type_error("array item must be unicode character")),
            }
        }
        _ => {
            let n = int_value(vm, v)?;
            encode_int(vm, code, &n)
        }
    }
}

fn encode_int(vm: &mut Vm, code: TypeCode, n: &IBig) -> PyResult<Vec<u8>> {
    let (short_min, short_max) = (i16::MIN as i64, i16::MAX as i64);
    let (int_min, int_max) = (i32::MIN as i64, i32::MAX as i64);
    Ok(match code.0 {
        b'b' => {
            let x = c_long(vm, n)?;
            let x = range(vm, x, short_min, short_max, "signed short integer")?;
            let x = range(vm, x, -128, 127, "signed char")?;
            vec![x as i8 as u8]
        }
        b'B' => {
            let x = c_long(vm, n)?;
            vec![range(vm, x, 0, 255, "unsigned byte integer")? as u8]
        }
        b'h' => {
            let x = c_long(vm, n)?;
            (range(vm, x, short_min, short_max, "signed short integer")? as i16).to_ne_bytes().to_vec()
        }
        b'H' => {
            let x = c_long(vm, n)?;
            let x = range(vm, x, int_min, int_max, "signed integer")?;
            (range(vm, x, 0, u16::MAX as i64, "unsigned short")? as u16).to_ne_bytes().to_vec()
        }
        b'i' => {
            let x = c_long(vm, n)?;
            (range(vm, x, int_min, int_max, "signed integer")? as i32).to_ne_bytes().to_vec()
        }
        b'I' | b'L' => {
            if *n < IBig::ZERO {
                return Err(vm.overflow_error("can't convert negative value to unsigned int"));
            }
            let Ok(x) = u64::try_from(n) else {
                return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
            };
            if code.0 == b'I' {
                let Ok(x) = u32::try_from(x) else {
                    return Err(vm.overflow_error("unsigned int is greater than maximum"));
                };
                x.to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            }
        }
        b'l' => c_long(vm, n)?.to_ne_bytes().to_vec(),
        b'q' => match i64::try_from(n) {
            Ok(x) => x.to_ne_bytes().to_vec(),
            Err(_) => return Err(vm.overflow_error("int too big to convert")),
        },
        _ => {
            // 'Q'
            if *n < IBig::ZERO {
                return Err(vm.overflow_error("can't convert negative int to unsigned"));
            }
            match u64::try_from(n) {
                Ok(x) => x.to_ne_bytes().to_vec(),
                Err(_) => return Err(vm.overflow_error("int too big to convert")),
            }
        }
    })
}
