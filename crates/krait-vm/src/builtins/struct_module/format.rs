//! `struct` format strings: parsing them into a layout, and packing and
//! unpacking each format character (CPython's `Modules/_struct.c`:
//! `prepare_s`, the `native_table`, `lilendian_table`, `bigendian_table`
//! and `PyFloat_Pack2`/`Unpack2`).
//!
//! Invariants:
//! - Native mode (`@`, the default) has the machine's sizes and aligns each
//!   item to its size; `=`, `<`, `>`, `!` have the standard sizes and no
//!   alignment. Native byte order is little-endian (x86-64, AArch64).
//! - Which checks an integer gets, and so which message, is CPython's: the
//!   little-endian standard table borrows the native packers where the
//!   sizes agree (`b B h H i I q Q`), `b` and `B` are native everywhere,
//!   and the others check as `lp_*`/`bp_*` do.
//! - Errors are `Err(Failure)`; the caller turns `Struct` messages into
//!   `struct.error` and keeps the other exceptions as they are.

use dashu_int::IBig;

use crate::builtins::int::{int_of, new_big, new_int};
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// Why packing or parsing failed.
pub enum Failure {
    /// A `struct.error` with this message.
    Struct(String),
    /// Another exception, as it is.
    Other(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Other(e)
    }
}

fn fail<T>(msg: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Struct(msg.into()))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Native,
    /// `=`: native (little-endian) order, standard sizes.
    Standard,
    Little,
    Big,
}

/// One run of a format character: `count` items of `size` bytes each at
/// `offset`, or one string of `count` bytes for `s` and `p`.
#[derive(Clone, Debug)]
pub struct Code {
    pub code: u8,
    pub count: usize,
    pub size: usize,
    pub offset: usize,
}

#[derive(Clone, Debug)]
pub struct Layout {
    pub mode: Mode,
    pub codes: Vec<Code>,
    pub size: usize,
    /// How many values `pack` takes.
    pub nargs: usize,
}

/// The size and alignment of a format character, `None` when the mode
/// does not have it.
fn size_of(code: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

/// Parse a format (CPython's `prepare_s`).
pub fn parse(fmt: &[u8]) -> Result<Layout, Failure> {
    let (mode, rest) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=') => (Mode::Standard, &fmt[1..]),
        Some(b'<') => (Mode::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let too_long = || fail("total struct size too long");
    let mut codes = Vec::new();
    let (mut size, mut nargs) = (0usize, 0usize);
    let mut i = 0;
    while i < rest.len() {
        let mut c = rest[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = rest.get(i) else { return fail("repeat count given without format specifier") };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                if num >= isize::MAX as usize / 10 - (d - b'0') as usize {
                    return too_long();
                }
                num = num * 10 + (d - b'0') as usize;
            }
        }
        let Some((item, align)) = size_of(c, mode) else { return fail("bad char in struct format") };
        match c {
            b's' | b'p' => nargs += 1,
            b'x' => {}
            _ => nargs += num,
        }
        if align > 1 && size > 0 {
            match size.checked_add((align - 1) - (size - 1) % align) {
                Some(s) => size = s,
                None => return too_long(),
            }
        }
        if num > (isize::MAX as usize - size) / item {
            return too_long();
        }
        codes.push(Code { code: c, count: num, size: item, offset: size });
        size += num * item;
    }
    Ok(Layout { mode, codes, size, nargs })
}

/// Does this integer code pack with the native packer's checks?
fn native_packer(code: u8, mode: Mode) -> bool {
    match mode {
        Mode::Native => true,
        Mode::Standard | Mode::Little => b"bBhHiIqQ".contains(&code),
        Mode::Big => b"bB".contains(&code),
    }
}

fn little(mode: Mode) -> bool {
    mode != Mode::Big
}

/// An integer argument (CPython's `get_pylong`): an int, or an object
/// with `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> Result<IBig, Failure> {
    if let Some(i) = int_of(v) {
        return Ok(i.to_ibig());
    }
    if vm.type_of(v).is_subtype(&crate::builtins::float::FLOAT_TYPE) {
        return fail("required argument is not an integer");
    }
    match crate::ops::index(vm, v) {
        Ok(Some(i)) => Ok(int_of(&i).map(|i| i.to_ibig()).unwrap_or_default()),
        Ok(None) => fail("required argument is not an integer"),
        Err(e) => Err(Failure::Other(e)),
    }
}

/// The bytes of one integer item.
fn pack_int(vm: &mut Vm, code: u8, size: usize, mode: Mode, v: &Value) -> Result<Vec<u8>, Failure> {
    let x = int_arg(vm, v)?;
    let out_of_range = || fail("argument out of range");
    let signed = code.is_ascii_lowercase();
    let as_i64 = i64::try_from(&x).ok();
    let as_u64 = u64::try_from(&x).ok();
    let bits: u64 = if native_packer(code, mode) {
        match code {
            b'b' | b'B' | b'h' | b'H' => {
                let Some(n) = as_i64 else { return out_of_range() };
                let (lo, hi, name) = match code {
                    b'b' => (-128, 127, "byte"),
                    b'B' => (0, 255, "ubyte"),
                    b'h' => (-32768, 32767, "short"),
                    _ => (0, 65535, "ushort"),
                };
                if n < lo || n > hi {
                    return fail(format!("{name} format requires {lo} <= number <= {hi}"));
                }
                n as u64
            }
            b'i' => {
                let Some(n) = as_i64 else { return out_of_range() };
                if i32::try_from(n).is_err() {
                    return fail("'i' format requires -2147483648 <= number <= 2147483647");
                }
                n as u64
            }
            b'I' => {
                let Some(n) = as_u64 else { return out_of_range() };
                if n > u32::MAX as u64 {
                    return fail("'I' format requires 0 <= number <= 4294967295");
                }
                n
            }
            b'P' => match (as_i64, as_u64) {
                (Some(n), _) => n as u64,
                (None, Some(n)) => n,
                _ => return out_of_range(),
            },
            _ if signed => match as_i64 {
                Some(n) => n as u64,
                None => return out_of_range(),
            },
            _ => match as_u64 {
                Some(n) => n,
                None => return out_of_range(),
            },
        }
    } else if size == 8 {
        // `lp_longlong`/`bp_longlong` and the unsigned ones.
        match (signed, as_i64, as_u64) {
            (true, Some(n), _) => n as u64,
            (false, _, Some(n)) => n,
            _ => return fail("int too large to convert"),
        }
    } else if signed {
        let Some(n) = as_i64 else { return out_of_range() };
        let max = (1i64 << (size * 8 - 1)) - 1;
        if n < -max - 1 || n > max {
            return fail(format!("'{}' format requires {} <= number <= {max}", code as char, -max - 1));
        }
        n as u64
    } else {
        let Some(n) = as_u64 else { return out_of_range() };
        let max = (1u64 << (size * 8)) - 1;
        if n > max {
            return fail(format!("'{}' format requires 0 <= number <= {max}", code as char));
        }
        n
    };
    let le = bits.to_le_bytes();
    let mut out = le[..size].to_vec();
    if !little(mode) {
        out.reverse();
    }
    Ok(out)
}

/// One integer item's value.
fn unpack_int(code: u8, bytes: &[u8], mode: Mode) -> Value {
    let mut le = [0u8; 8];
    if little(mode) {
        le[..bytes.len()].copy_from_slice(bytes);
    } else {
        for (k, &b) in bytes.iter().rev().enumerate() {
            le[k] = b;
        }
    }
    let raw = u64::from_le_bytes(le);
    let bits = bytes.len() * 8;
    if code.is_ascii_lowercase() {
        let shift = 64 - bits;
        new_int(((raw << shift) as i64) >> shift)
    } else if raw > i64::MAX as u64 {
        new_big(IBig::from(raw))
    } else {
        new_int(raw as i64)
    }
}

/// IEEE 754 binary16 bits of `x` (CPython's `PyFloat_Pack2`: round half
/// to even), `None` when it is too large.
pub fn half_bits(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x == 0.0 {
        return Some(sign);
    }
    if x.is_infinite() {
        return Some(sign | 0x7C00);
    }
    if x.is_nan() {
        return Some(sign | 0x7E00);
    }
    let a = x.abs();
    // a = f * 2**e with 1 <= f < 2 (a subnormal double is far below 2**-25).
    let raw = a.to_bits();
    let exp_field = ((raw >> 52) & 0x7FF) as i32;
    let (f, e) = if exp_field == 0 {
        (0.0, -1100)
    } else {
        (f64::from_bits((raw & ((1u64 << 52) - 1)) | (1023u64 << 52)), exp_field - 1023)
    };
    if e >= 16 {
        return None;
    }
    let (f, mut biased) = if e < -25 {
        (0.0, 0)
    } else if e < -14 {
        (f * 2f64.powi(14 + e), 0)
    } else {
        (f - 1.0, e + 15)
    };
    let f = f * 1024.0;
    let mut bits = f as u32;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            biased += 1;
            if biased == 31 {
                return None;
            }
        }
    }
    Some(sign | ((biased as u16) << 10) | bits as u16)
}

/// The value of binary16 bits (`PyFloat_Unpack2`).
pub fn half_value(h: u16) -> f64 {
    let negative = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1F) as i32;
    let f = (h & 0x3FF) as f64;
    let x = if e == 0x1F {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if negative {
        -x
    } else {
        x
    }
}

/// A float argument (`PyFloat_AsDouble`; any failure is a struct.error).
fn float_arg(vm: &mut Vm, v: &Value) -> Result<f64, Failure> {
    match crate::builtins::math::real_arg(vm, v) {
        Ok(x) => Ok(x),
        Err(_) => fail("required argument is not a float"),
    }
}

fn ordered(mut bytes: Vec<u8>, mode: Mode) -> Vec<u8> {
    if !little(mode) {
        bytes.reverse();
    }
    bytes
}

/// Pack `args` into `out` (already `layout.size` zero bytes).
pub fn pack(vm: &mut Vm, layout: &Layout, args: &[Value], out: &mut [u8]) -> Result<(), Failure> {
    let mut next = args.iter();
    let mode = layout.mode;
    for code in &layout.codes {
        let at = code.offset;
        match code.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().expect("counted");
                let data = match (crate::builtins::bytes::as_bytes(v), crate::builtins::bytes::as_bytearray(v)) {
                    (Some(b), _) => b.to_vec(),
                    (None, Some(_)) => crate::builtins::bytes::as_buffer(v).map(|b| b.to_vec()).unwrap_or_default(),
                    _ => return fail(format!("argument for '{}' must be a bytes object", code.code as char)),
                };
                let n = code.count;
                if code.code == b's' {
                    let k = data.len().min(n);
                    out[at..at + k].copy_from_slice(&data[..k]);
                } else if n > 0 {
                    let k = data.len().min(n - 1);
                    out[at + 1..at + 1 + k].copy_from_slice(&data[..k]);
                    out[at] = k.min(255) as u8;
                }
            }
            c => {
                for k in 0..code.count {
                    let v = next.next().expect("counted");
                    let slot = &mut out[at + k * code.size..at + (k + 1) * code.size];
                    let bytes = match c {
                        b'c' => match crate::builtins::bytes::as_bytes(v) {
                            Some(b) if b.len() == 1 => b.to_vec(),
                            _ => return fail("char format requires a bytes object of length 1"),
                        },
                        b'?' => vec![crate::ops::truthy(vm, v)? as u8],
                        b'e' => {
                            let x = float_arg(vm, v)?;
                            let Some(h) = half_bits(x) else {
                                let e = vm.overflow_error("float too large to pack with e format");
                                return Err(Failure::Other(e));
                            };
                            ordered(h.to_le_bytes().to_vec(), mode)
                        }
                        b'f' => {
                            let x = float_arg(vm, v)?;
                            let y = x as f32;
                            if mode != Mode::Native && y.is_infinite() && !x.is_infinite() {
                                let e = vm.overflow_error("float too large to pack with f format");
                                return Err(Failure::Other(e));
                            }
                            ordered(y.to_le_bytes().to_vec(), mode)
                        }
                        b'd' => {
                            let x = float_arg(vm, v)?;
                            ordered(x.to_le_bytes().to_vec(), mode)
                        }
                        _ => pack_int(vm, c, code.size, mode, v)?,
                    };
                    slot.copy_from_slice(&bytes);
                }
            }
        }
    }
    Ok(())
}

/// Unpack `data` (exactly `layout.size` bytes) into values.
pub fn unpack(vm: &mut Vm, layout: &Layout, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(layout.nargs);
    let mode = layout.mode;
    for code in &layout.codes {
        let at = code.offset;
        match code.code {
            b'x' => {}
            b's' => out.push(crate::builtins::bytes::new_bytes(data[at..at + code.count].to_vec())),
            b'p' => {
                let n = code.count;
                let k = if n == 0 { 0 } else { (data[at] as usize).min(n - 1) };
                let start = (at + 1).min(at + n);
                out.push(crate::builtins::bytes::new_bytes(data[start..start + k].to_vec()));
            }
            c => {
                for k in 0..code.count {
                    let item = &data[at + k * code.size..at + (k + 1) * code.size];
                    let mut ordered = item.to_vec();
                    if !little(mode) {
                        ordered.reverse();
                    }
                    out.push(match c {
                        b'c' => crate::builtins::bytes::new_bytes(item.to_vec()),
                        b'?' => vm.bool(item[0] != 0),
                        b'e' => Value::float(half_value(u16::from_le_bytes([ordered[0], ordered[1]]))),
                        b'f' => {
                            Value::float(f32::from_le_bytes([ordered[0], ordered[1], ordered[2], ordered[3]]) as f64)
                        }
                        b'd' => {
                            let mut b = [0u8; 8];
                            b.copy_from_slice(&ordered);
                            Value::float(f64::from_le_bytes(b))
                        }
                        _ => unpack_int(c, item, mode),
                    });
                }
            }
        }
    }
    out
}
