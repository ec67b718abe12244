//! The item formats of a `memoryview`: how an item's bytes read as a
//! Python value and how a value is written back, with CPython's
//! messages (`Objects/memoryobject.c`'s `unpack_single`/`pack_single`).
//!
//! Invariants:
//! - Items are in native byte order at their C sizes on LP64 Linux.
//! - `pack` checks a value completely before returning its bytes, so a
//!   failed store changes nothing.
//! - An `Opaque` format (`w`, what an `array('u')` exports) can be held,
//!   sliced and cast to bytes, but its items cannot be read or written:
//!   NotImplementedError, as in CPython 3.11.

use crate::builtins::bytes::{as_bytes, new_bytes};
use crate::builtins::exceptions::{NOT_IMPLEMENTED_ERROR, TYPE_ERROR};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::bool_value;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// How an item's bytes read as a Python value.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Format {
    /// `B`: an int in 0..256.
    Unsigned,
    /// `b`: an int in -128..128.
    Signed,
    /// `c`: a bytes object of length one.
    Char,
    /// A native integer (`h H i I l L q Q n N P`): its letter, its size
    /// in bytes, and whether it is signed.
    Int(&'static str, usize, bool),
    /// `f` or `d`: its letter and size.
    Float(&'static str, usize),
    /// `?`: a bool of one byte.
    Bool,
    /// A format whose items Krait (like CPython) cannot read: its letter
    /// and size.
    Opaque(&'static str, usize),
}

/// An item as a value to compare (`c` items never equal numbers; ints
/// and floats compare by value, so a NaN item equals nothing).
#[derive(Clone, Copy)]
pub(super) enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
}

impl PartialEq for Item {
    fn eq(&self, other: &Item) -> bool {
        match (*self, *other) {
            (Item::Int(a), Item::Int(b)) => a == b,
            (Item::Float(a), Item::Float(b)) => a == b,
            (Item::Int(a), Item::Float(b)) | (Item::Float(b), Item::Int(a)) => a as f64 == b && b.fract() == 0.0,
            (Item::Char(a), Item::Char(b)) => a == b,
            _ => false,
        }
    }
}

impl Format {
    pub(super) fn letter(self) -> &'static str {
        match self {
            Format::Unsigned => "B",
            Format::Signed => "b",
            Format::Char => "c",
            Format::Bool => "?",
            Format::Int(letter, _, _) | Format::Float(letter, _) | Format::Opaque(letter, _) => letter,
        }
    }

    /// A native single-character format, with an optional '@' (what
    /// `cast` accepts).
    pub(super) fn parse(text: &str) -> Option<Format> {
        Some(match text.strip_prefix('@').unwrap_or(text) {
            "B" => Format::Unsigned,
            "b" => Format::Signed,
            "c" => Format::Char,
            "?" => Format::Bool,
            "h" => Format::Int("h", 2, true),
            "H" => Format::Int("H", 2, false),
            "i" => Format::Int("i", 4, true),
            "I" => Format::Int("I", 4, false),
            "l" => Format::Int("l", 8, true),
            "L" => Format::Int("L", 8, false),
            "q" => Format::Int("q", 8, true),
            "Q" => Format::Int("Q", 8, false),
            "n" => Format::Int("n", 8, true),
            "N" => Format::Int("N", 8, false),
            "P" => Format::Int("P", 8, false),
            "f" => Format::Float("f", 4),
            "d" => Format::Float("d", 8),
            _ => return None,
        })
    }

    /// The format an `array.array` of typecode `code` exports.
    pub(super) fn of_typecode(code: u8) -> Format {
        match code {
            b'u' => Format::Opaque("w", 4),
            _ => Format::parse(std::str::from_utf8(&[code]).unwrap_or("B")).unwrap_or(Format::Unsigned),
        }
    }

    /// The size of an item in bytes.
    pub(super) fn size(self) -> usize {
        match self {
            Format::Int(_, size, _) | Format::Float(_, size) | Format::Opaque(_, size) => size,
            _ => 1,
        }
    }

    /// Whether items of this format can be read.
    pub(super) fn readable(self) -> bool {
        !matches!(self, Format::Opaque(..))
    }

    /// `B`, `b` or `c`: the formats a cast may start or end at.
    pub(super) fn is_byte(self) -> bool {
        matches!(self, Format::Unsigned | Format::Signed | Format::Char)
    }

    fn unsupported(self, vm: &mut Vm) -> crate::vm::PyErr {
        vm.error(&NOT_IMPLEMENTED_ERROR, format!("memoryview: format {} not supported", self.letter()))
    }

    /// The item in `bytes` (`size()` of them, native order); None for an
    /// opaque format.
    pub(super) fn item(self, bytes: &[u8]) -> Option<Item> {
        Some(match self {
            Format::Unsigned | Format::Bool => Item::Int(bytes[0] as i128),
            Format::Signed => Item::Int(bytes[0] as i8 as i128),
            Format::Char => Item::Char(bytes[0]),
            Format::Float(_, 4) => Item::Float(f32::from_ne_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]).into()),
            Format::Float(_, _) => {
                let mut word = [0u8; 8];
                word.copy_from_slice(&bytes[..8]);
                Item::Float(f64::from_ne_bytes(word))
            }
            Format::Int(_, size, signed) => {
                let mut word = [0u8; 16];
                let fill = if signed && bytes[size - 1] & 0x80 != 0 { 0xFF } else { 0 };
                if cfg!(target_endian = "little") {
                    word[..size].copy_from_slice(&bytes[..size]);
                    word[size..].fill(fill);
                    Item::Int(i128::from_le_bytes(word))
                } else {
                    word[16 - size..].copy_from_slice(&bytes[..size]);
                    word[..16 - size].fill(fill);
                    Item::Int(i128::from_be_bytes(word))
                }
            }
            Format::Opaque(..) => return None,
        })
    }

    /// The value of the item in `bytes`.
    pub(super) fn unpack(self, vm: &mut Vm, bytes: &[u8]) -> PyResult<Value> {
        if self == Format::Bool {
            return Ok(bool_value(bytes[0] != 0));
        }
        Ok(match self.item(bytes) {
            None => return Err(self.unsupported(vm)),
            Some(Item::Char(b)) => new_bytes(vec![b]),
            Some(Item::Float(f)) => Value::float(f),
            Some(Item::Int(n)) => match i64::try_from(n) {
                Ok(n) => new_int(n),
                Err(_) => crate::builtins::int::new_big(dashu_int::IBig::from(n)),
            },
        })
    }

    /// The bytes for `v`: CPython's "memoryview: invalid type for format"
    /// and "invalid value for format" errors otherwise.
    pub(super) fn pack(self, vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
        let letter = self.letter();
        let invalid_value = |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{letter}'"));
        let invalid_type = |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{letter}'"));
        match self {
            Format::Char => {
                return match as_bytes(v) {
                    Some([b]) => Ok(vec![*b]),
                    Some(_) => Err(invalid_value(vm)),
                    None => Err(invalid_type(vm)),
                };
            }
            Format::Bool => return Ok(vec![ops::truthy(vm, v)? as u8]),
            Format::Opaque(..) => return Err(self.unsupported(vm)),
            Format::Float(_, size) => {
                let f = match crate::builtins::math::real_arg(vm, v) {
                    Ok(f) => f,
                    Err(e) if vm.type_of(&e.exception).is_subtype(&TYPE_ERROR) => return Err(invalid_type(vm)),
                    Err(e) => return Err(e),
                };
                return Ok(if size == 4 { (f as f32).to_ne_bytes().to_vec() } else { f.to_ne_bytes().to_vec() });
            }
            _ => {}
        }
        let Some(i) = ops::index(vm, v)? else { return Err(invalid_type(vm)) };
        let (size, signed) = match self {
            Format::Int(_, size, signed) => (size, signed),
            Format::Signed => (1, true),
            _ => (1, false),
        };
        let n: Option<i128> = match int_of(&i) {
            Some(Int::Small(n)) => Some(n as i128),
            Some(Int::Big(b)) => i128::try_from(b).ok(),
            None => None,
        };
        let bits = 8 * size as u32;
        let (lo, hi) = if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
        match n {
            Some(n) if (lo..=hi).contains(&n) => {
                let bytes = n.to_ne_bytes();
                Ok(if cfg!(target_endian = "little") { bytes[..size].to_vec() } else { bytes[16 - size..].to_vec() })
            }
            _ => Err(invalid_value(vm)),
        }
    }
}
