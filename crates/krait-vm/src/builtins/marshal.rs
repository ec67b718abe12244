//! The `marshal` module (CPython's `Python/marshal.c`): values to bytes
//! and back, in CPython's format, versions 0 to 4.
//!
//! Invariants:
//! - `dumps` writes what CPython 3.11 writes, byte for byte, for None,
//!   bools, Ellipsis, StopIteration, exact ints (TYPE_INT within 32 bits,
//!   else TYPE_LONG in 15-bit digits), floats and complexes (text below
//!   version 2, IEEE 754 little-endian from 2), bytes and other bytes-like
//!   objects, str (the short ASCII forms from version 4), tuples (the small
//!   form from 4), lists, dicts, sets and frozensets (elements in the order
//!   of their own marshalled bytes, as 3.11 sorts them).
//! - From version 3 an object seen a second time is written as a reference
//!   (TYPE_REF) to its first appearance, which carries FLAG_REF. CPython
//!   flags only objects with more than one reference (and interned
//!   strings); Krait asks the same of its reference counts. Krait's small
//!   ints and floats are immediates with no count: they are taken as
//!   shared, as CPython's are when they are constants or variables.
//! - A str is "interned" (TYPE_*_INTERNED) when it is Krait's interned
//!   object, empty, or a shared identifier-like string (CPython interns
//!   such constants).
//! - `loads` accepts everything CPython's reader does, with its errors:
//!   EOFError for short data, ValueError "bad marshal data (...)".
//!
//! PROVISIONAL: code objects are not marshalled yet (NotImplementedError):
//! they belong to the bytecode cache.

use std::collections::HashMap;

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::{IBig, UBig};

use crate::builtins::bytes::{as_buffer, as_bytes_data, new_bytes, BYTES_TYPE};
use crate::builtins::complex::{complex_of, new_complex, COMPLEX_TYPE};
use crate::builtins::dict::{as_dict, new_dict, DICT_TYPE};
use crate::builtins::exceptions::{EOF_ERROR, NOT_IMPLEMENTED_ERROR, STOP_ITERATION};
use crate::builtins::float::FLOAT_TYPE;
use crate::builtins::function::{as_code, new_module};
use crate::builtins::int::{int_of, new_big, new_int, Int, INT_TYPE};
use crate::builtins::list::{as_list, new_list, LIST_TYPE};
use crate::builtins::set::{as_set, set_from, FROZENSET_TYPE, SET_TYPE};
use crate::builtins::singletons::{as_bool, ellipsis, is_none, none};
use crate::builtins::str::{as_str_data, new_str, STR_TYPE};
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_UNKNOWN: u8 = b'?';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// The current format version (`marshal.version`).
const VERSION: i64 = 4;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;
const SIZE32_MAX: i64 = 0x7FFF_FFFF;
/// `Writer::object`'s `held` for a value to treat as shared whatever its
/// count: a set's elements, which 3.11 holds in its sorting list too.
const SHARED: usize = usize::MAX;

// ----- writing ------------------------------------------------------------

/// Why a write failed (CPython's `WFERR_*`).
enum WriteError {
    Unmarshallable,
    NestedTooDeep,
    Code,
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Identity of each object written with FLAG_REF, to its index.
    refs: HashMap<u64, u32>,
    depth: usize,
}

fn is_exact(vm: &Vm, v: &Value, ty: &'static TypeObject) -> bool {
    std::ptr::eq(vm.type_of(v), ty)
}

impl Writer {
    fn new(version: i64) -> Writer {
        Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 }
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> Result<(), WriteError> {
        if n as u64 > SIZE32_MAX as u64 {
            return Err(WriteError::Unmarshallable);
        }
        self.long(n as i32);
        Ok(())
    }

    fn pstring(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        self.size(bytes.len())?;
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// CPython's `w_object`. `held` is how many references the writer
    /// itself holds on `v` (its snapshots of a container's items), which
    /// `is_shared` discounts; a `held` of `SHARED` marks `v` as shared.
    fn object(&mut self, vm: &mut Vm, v: &Value, held: usize) -> Result<(), WriteError> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH { Err(WriteError::NestedTooDeep) } else { self.object_inner(vm, v, held) };
        self.depth -= 1;
        result
    }

    fn object_inner(&mut self, vm: &mut Vm, v: &Value, held: usize) -> Result<(), WriteError> {
        if is_none(v) {
            self.out.push(TYPE_NONE);
            return Ok(());
        }
        if let Some(b) = as_bool(v) {
            self.out.push(if b { TYPE_TRUE } else { TYPE_FALSE });
            return Ok(());
        }
        if v.is(&ellipsis()) {
            self.out.push(TYPE_ELLIPSIS);
            return Ok(());
        }
        if v.as_object().is_some_and(|p| p.addr() == crate::object::ObjPtr::from_static_type(&STOP_ITERATION).addr()) {
            self.out.push(TYPE_STOPITER);
            return Ok(());
        }
        let mut flag = 0;
        if self.version >= 3 && self.is_shared(vm, v, held) {
            let key = v.bits();
            if let Some(&index) = self.refs.get(&key) {
                self.out.push(TYPE_REF);
                self.long(index as i32);
                return Ok(());
            }
            let index = self.refs.len() as u32;
            self.refs.insert(key, index);
            flag = FLAG_REF;
        }
        self.complex_object(vm, v, flag)
    }

    /// Whether `v` has more than one reference besides the `held` the
    /// writer holds (an interned string always counts as shared, as in
    /// CPython's `w_ref`).
    fn is_shared(&self, vm: &Vm, v: &Value, held: usize) -> bool {
        match v.as_object() {
            None => true,
            Some(_) if held == SHARED => true,
            Some(p) => p.refcnt() > 1 + held || (is_exact(vm, v, &STR_TYPE) && is_interned(v)),
        }
    }

    /// CPython's `w_complex_object`.
    fn complex_object(&mut self, vm: &mut Vm, v: &Value, flag: u8) -> Result<(), WriteError> {
        if is_exact(vm, v, &INT_TYPE) {
            let i = int_of(v).expect("an int");
            match i {
                Int::Small(x) if i32::try_from(x).is_ok() => {
                    self.out.push(TYPE_INT | flag);
                    self.long(x as i32);
                }
                _ => self.py_long(&i.to_ibig(), flag)?,
            }
        } else if is_exact(vm, v, &FLOAT_TYPE) {
            let x = v.as_float().or_else(|| crate::builtins::float::float_of(v)).unwrap_or(0.0);
            if self.version > 1 {
                self.out.push(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                self.out.push(TYPE_FLOAT | flag);
                self.float_str(x);
            }
        } else if is_exact(vm, v, &COMPLEX_TYPE) {
            let c = complex_of(v).expect("a complex");
            if self.version > 1 {
                self.out.push(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            } else {
                self.out.push(TYPE_COMPLEX | flag);
                self.float_str(c.re);
                self.float_str(c.im);
            }
        } else if is_exact(vm, v, &BYTES_TYPE) {
            self.out.push(TYPE_STRING | flag);
            let b = as_bytes_data(v).expect("bytes");
            self.pstring(b.as_slice())?;
        } else if is_exact(vm, v, &STR_TYPE) {
            self.string(v, flag)?;
        } else if is_exact(vm, v, &TUPLE_TYPE) {
            let items = as_tuple(v).expect("a tuple").items.clone();
            if self.version >= 4 && items.len() < 256 {
                self.out.push(TYPE_SMALL_TUPLE | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(TYPE_TUPLE | flag);
                self.size(items.len())?;
            }
            for item in &items {
                self.object(vm, item, 1)?;
            }
        } else if is_exact(vm, v, &LIST_TYPE) {
            self.out.push(TYPE_LIST | flag);
            let items = as_list(v).expect("a list").items.borrow().clone();
            self.size(items.len())?;
            for item in &items {
                self.object(vm, item, 1)?;
            }
        } else if is_exact(vm, v, &DICT_TYPE) {
            self.out.push(TYPE_DICT | flag);
            for (key, value) in as_dict(v).expect("a dict").items() {
                self.object(vm, &key, 1)?;
                self.object(vm, &value, 1)?;
            }
            self.out.push(TYPE_NULL);
        } else if is_exact(vm, v, &SET_TYPE) || is_exact(vm, v, &FROZENSET_TYPE) {
            let frozen = is_exact(vm, v, &FROZENSET_TYPE);
            self.out.push(if frozen { TYPE_FROZENSET } else { TYPE_SET } | flag);
            let keys = as_set(v).expect("a set").keys();
            self.size(keys.len())?;
            // 3.11 writes the elements sorted by their own marshalled form
            // (each dumped alone; the pair list holds a second reference).
            let mut pairs = Vec::with_capacity(keys.len());
            for key in keys {
                let mut alone = Writer::new(self.version);
                alone.object(vm, &key, SHARED)?;
                pairs.push((alone.out, key));
            }
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, key) in &pairs {
                self.object(vm, key, SHARED)?;
            }
        } else if as_code(v).is_some() {
            return Err(WriteError::Code);
        } else if let Some(buffer) = as_buffer(v) {
            self.out.push(TYPE_STRING | flag);
            let bytes = buffer.to_vec();
            self.pstring(&bytes)?;
        } else {
            self.out.push(TYPE_UNKNOWN);
            return Err(WriteError::Unmarshallable);
        }
        Ok(())
    }

    /// CPython's `w_PyLong`: the sign and count of 15-bit digits, then the
    /// digits, least significant first.
    fn py_long(&mut self, i: &IBig, flag: u8) -> Result<(), WriteError> {
        self.out.push(TYPE_LONG | flag);
        let magnitude: UBig = i.clone().unsigned_abs();
        let bits = magnitude.bit_len();
        let ndigits = bits.div_ceil(15);
        if ndigits as u64 > SIZE32_MAX as u64 {
            return Err(WriteError::Unmarshallable);
        }
        let negative = *i < IBig::ZERO;
        self.long(if negative { -(ndigits as i32) } else { ndigits as i32 });
        let bytes = magnitude.to_le_bytes();
        for d in 0..ndigits {
            let mut digit = 0u16;
            for bit in 0..15 {
                let at = d * 15 + bit;
                if bytes.get(at / 8).is_some_and(|b| b >> (at % 8) & 1 == 1) {
                    digit |= 1 << bit;
                }
            }
            self.out.extend_from_slice(&digit.to_le_bytes());
        }
        Ok(())
    }

    /// CPython's `w_float_str`: `repr`-like text with 17 significant
    /// digits (`%.17g`) after its length byte.
    fn float_str(&mut self, x: f64) {
        let (negative, text) =
            crate::builtins::format::float_text::float_to_text(x, 'g', 17, crate::builtins::format::float_text::FloatStyle::default());
        let text = if negative { format!("-{text}") } else { text };
        self.out.push(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    fn string(&mut self, v: &Value, flag: u8) -> Result<(), WriteError> {
        let d = as_str_data(v).expect("a str");
        let interned = is_interned(v) || d.is_empty() || (flag != 0 && is_identifier_like(d.bytes()));
        let bytes = d.bytes();
        if self.version >= 4 && bytes.is_ascii() {
            if bytes.len() < 256 {
                self.out.push(if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII } | flag);
                self.out.push(bytes.len() as u8);
                self.out.extend_from_slice(bytes);
                return Ok(());
            }
            self.out.push(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
        } else {
            // Generalized UTF-8 is the UTF-8 'surrogatepass' would write.
            self.out.push(if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE } | flag);
        }
        self.pstring(bytes)
    }
}

/// Whether `v` is the interned object for its text.
fn is_interned(v: &Value) -> bool {
    let Some(d) = as_str_data(v) else { return false };
    std::str::from_utf8(d.bytes()).ok().and_then(crate::builtins::str::interned).is_some_and(|i| i.is(v))
}

/// CPython's `all_name_chars`: the strings its compiler interns.
fn is_identifier_like(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

fn write_error(vm: &mut Vm, e: WriteError) -> PyErr {
    match e {
        WriteError::Unmarshallable => vm.value_error("unmarshallable object"),
        WriteError::NestedTooDeep => vm.value_error("object too deeply nested to marshal"),
        WriteError::Code => vm.error(&NOT_IMPLEMENTED_ERROR, "Krait cannot marshal code objects yet"),
    }
}

/// The marshalled bytes of `v`, an argument of the call (whose one
/// reference is the caller's, as in CPython).
fn dumps_value(vm: &mut Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(version);
    match w.object(vm, v, 0) {
        Ok(()) => Ok(w.out),
        Err(e) => Err(write_error(vm, e)),
    }
}

/// A version argument (a C `int`).
fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => {
            if crate::builtins::float::float_of(v).is_some() && int_of(v).is_none() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = crate::builtins::str_methods::ssize_arg(vm, v)?;
            if i32::try_from(n).is_err() {
                let msg = if n > 0 { "signed integer is greater than maximum" } else { "signed integer is less than minimum" };
                return Err(vm.overflow_error(msg));
            }
            Ok(n)
        }
    }
}


/// `dumps(value, version=version, /)`.
fn dumps(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "dumps", kwnames)?;
    if args.is_empty() || args.len() > 2 {
        let how = if args.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
        return Err(vm.type_error(format!("dumps expected {how}, got {}", args.len())));
    }
    let version = version_arg(vm, args.get(1))?;
    let out = dumps_value(vm, &args[0], version)?;
    Ok(new_bytes(out))
}

/// `dump(value, file, version=version, /)`: `file.write(dumps(value))`.
fn dump(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "dump", kwnames)?;
    if args.len() < 2 || args.len() > 3 {
        let how = if args.len() < 2 { "at least 2 arguments" } else { "at most 3 arguments" };
        return Err(vm.type_error(format!("dump expected {how}, got {}", args.len())));
    }
    let version = version_arg(vm, args.get(2))?;
    let out = dumps_value(vm, &args[0], version)?;
    let write = crate::ops::getattr(vm, &args[1], &new_str("write"))?;
    crate::eval::call(vm, &write, &[new_bytes(out)], &[])?;
    Ok(none())
}

// ----- reading ------------------------------------------------------------

/// Where the bytes come from: a buffer (`loads`) or a file's `read`
/// (`load`), read exactly as far as the object goes.
enum Source<'a> {
    Bytes(&'a [u8], usize),
    File(Value),
}

struct Reader<'a> {
    source: Source<'a>,
    /// The objects flagged FLAG_REF, in order; NULL while reserved.
    refs: Vec<Value>,
    depth: usize,
}

impl Reader<'_> {
    /// `n` bytes, or EOFError.
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.source {
            Source::Bytes(data, at) => {
                if data.len() - *at < n {
                    return Err(vm.error(&EOF_ERROR, "marshal data too short"));
                }
                let out = data[*at..*at + n].to_vec();
                *at += n;
                Ok(out)
            }
            Source::File(file) => {
                let file = file.clone();
                let read = crate::ops::getattr(vm, &file, &new_str("read"))?;
                let got = crate::eval::call(vm, &read, &[new_int(n as i64)], &[])?;
                let Some(bytes) = as_buffer(&got).map(|b| b.to_vec()) else {
                    let msg = format!("file.read() returned not bytes but {}", vm.type_of(&got).name());
                    return Err(vm.type_error(msg));
                };
                if bytes.len() > n {
                    let msg = format!("read() returned too much data: {n} bytes requested, {} returned", bytes.len());
                    return Err(vm.value_error(msg));
                }
                if bytes.len() < n {
                    return Err(vm.error(&EOF_ERROR, "EOF read where not expected"));
                }
                Ok(bytes)
            }
        }
    }

    /// One byte, None at the end of the data.
    fn byte(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        match &mut self.source {
            Source::Bytes(data, at) => {
                let b = data.get(*at).copied();
                if b.is_some() {
                    *at += 1;
                }
                Ok(b)
            }
            Source::File(_) => match self.take(vm, 1) {
                Ok(b) => Ok(Some(b[0])),
                Err(e) if vm.type_of(&e.exception).is_subtype(&EOF_ERROR) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn long(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.long(vm)?;
        if n < 0 {
            return Err(vm.value_error(format!("bad marshal data ({what} size out of range)")));
        }
        Ok(n as usize)
    }

    fn float_bin(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    fn float_str(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let Some(n) = self.byte(vm)? else {
            return Err(vm.error(&EOF_ERROR, "EOF read where object expected"));
        };
        let text = self.take(vm, n as usize)?;
        let text = String::from_utf8_lossy(&text).into_owned();
        match parse_double(&text) {
            Some(x) => Ok(x),
            None => Err(vm.value_error(format!("could not convert string to float: '{text}'"))),
        }
    }

    /// Register `v` if the type byte carried FLAG_REF.
    fn keep(&mut self, v: Value, flag: bool) -> Value {
        if flag {
            self.refs.push(v.clone());
        }
        v
    }

    /// Reserve a reference slot for an object made after its contents.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(Value::NULL);
            self.refs.len() - 1
        })
    }

    /// CPython's `r_object`; None for TYPE_NULL.
    fn object(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let result = self.object_inner(vm);
        self.depth -= 1;
        result
    }

    fn item(&mut self, vm: &mut Vm, what: &str) -> PyResult<Value> {
        match self.object(vm)? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!("NULL object in marshal data for {what}"))),
        }
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(code) = self.byte(vm)? else {
            return Err(vm.error(&EOF_ERROR, "EOF read where object expected"));
        };
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none(),
            TYPE_STOPITER => crate::types::type_value(&STOP_ITERATION),
            TYPE_ELLIPSIS => ellipsis(),
            TYPE_FALSE => vm.bool(false),
            TYPE_TRUE => vm.bool(true),
            TYPE_INT => {
                let n = self.long(vm)?;
                self.keep(new_int(n.into()), flag)
            }
            TYPE_LONG => {
                let v = self.py_long(vm)?;
                self.keep(v, flag)
            }
            TYPE_FLOAT => {
                let x = self.float_str(vm)?;
                self.keep(Value::float(x), flag)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.float_bin(vm)?;
                self.keep(Value::float(x), flag)
            }
            TYPE_COMPLEX => {
                let re = self.float_str(vm)?;
                let im = self.float_str(vm)?;
                self.keep(new_complex(re, im), flag)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.float_bin(vm)?;
                let im = self.float_bin(vm)?;
                self.keep(new_complex(re, im), flag)
            }
            TYPE_STRING => {
                let n = self.size(vm, "bytes object")?;
                let b = self.take(vm, n)?;
                self.keep(new_bytes(b), flag)
            }
            t @ (TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) => {
                let n = if t == TYPE_ASCII || t == TYPE_ASCII_INTERNED {
                    self.size(vm, "string")?
                } else {
                    match self.byte(vm)? {
                        Some(n) => n as usize,
                        None => return Err(vm.error(&EOF_ERROR, "EOF read where object expected")),
                    }
                };
                let b = self.take(vm, n)?;
                // Latin-1: each byte is its code point.
                let text: String = b.iter().map(|&c| c as char).collect();
                let interned = t == TYPE_ASCII_INTERNED || t == TYPE_SHORT_ASCII_INTERNED;
                self.keep(if interned { crate::builtins::str::intern(&text) } else { new_str(&text) }, flag)
            }
            t @ (TYPE_UNICODE | TYPE_INTERNED) => {
                let n = self.size(vm, "string")?;
                let b = self.take(vm, n)?;
                let (text, _) = crate::builtins::codecs::unicode::decode_utf8(vm, &b, "surrogatepass", true)?;
                let v = match (t == TYPE_INTERNED, std::str::from_utf8(text.as_bytes())) {
                    (true, Ok(s)) => crate::builtins::str::intern(s),
                    _ => crate::builtins::str::new_str_from_pystring(&text),
                };
                self.keep(v, flag)
            }
            t @ (TYPE_TUPLE | TYPE_SMALL_TUPLE) => {
                let n = if t == TYPE_SMALL_TUPLE {
                    match self.byte(vm)? {
                        Some(n) => n as usize,
                        None => return Err(vm.error(&EOF_ERROR, "EOF read where object expected")),
                    }
                } else {
                    self.size(vm, "tuple")?
                };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.item(vm, "tuple")?);
                }
                let v = new_tuple(items);
                if let Some(i) = slot {
                    self.refs[i] = v.clone();
                }
                v
            }
            TYPE_LIST => {
                let n = self.size(vm, "list")?;
                let v = self.keep(new_list(Vec::new()), flag);
                for _ in 0..n {
                    let item = self.item(vm, "list")?;
                    as_list(&v).expect("a list").append(item);
                }
                v
            }
            TYPE_DICT => {
                let v = self.keep(new_dict(), flag);
                loop {
                    let Some(key) = self.object(vm)? else { break };
                    let Some(value) = self.object(vm)? else { break };
                    as_dict(&v).expect("a dict").set(vm, key, value)?;
                }
                v
            }
            t @ (TYPE_SET | TYPE_FROZENSET) => {
                let n = self.size(vm, "set")?;
                if t == TYPE_SET {
                    let v = self.keep(set_from(vm, &SET_TYPE, Vec::new())?, flag);
                    for _ in 0..n {
                        let item = self.item(vm, "set")?;
                        as_set(&v).expect("a set").add(vm, item)?;
                    }
                    v
                } else {
                    let slot = self.reserve(flag);
                    let mut items = Vec::with_capacity(n.min(1 << 16));
                    for _ in 0..n {
                        items.push(self.item(vm, "set")?);
                    }
                    let v = set_from(vm, &FROZENSET_TYPE, items)?;
                    if let Some(i) = slot {
                        self.refs[i] = v.clone();
                    }
                    v
                }
            }
            TYPE_CODE => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "Krait cannot unmarshal code objects yet")),
            TYPE_REF => {
                let n = self.long(vm)?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(v) if !v.is_null() => v.clone(),
                    _ => return Err(vm.value_error("bad marshal data (invalid reference)")),
                }
            }
            _ => return Err(vm.value_error("bad marshal data (unknown type code)")),
        };
        Ok(Some(v))
    }

    /// CPython's `r_PyLong`.
    fn py_long(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let n = self.long(vm)?;
        if n == i32::MIN {
            return Err(vm.value_error("bad marshal data (long size out of range)"));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits = Vec::with_capacity(count.min(1 << 16));
        for j in 0..count {
            let b = self.take(vm, 2)?;
            let md = i16::from_le_bytes([b[0], b[1]]);
            // CPython accepts a digit equal to the base (its check is `>`).
            if md < 0 {
                return Err(vm.value_error("bad marshal data (digit out of range in long)"));
            }
            if md == 0 && j == count - 1 {
                return Err(vm.value_error("bad marshal data (unnormalized long data)"));
            }
            digits.push(md as u16);
        }
        let mut magnitude = UBig::ZERO;
        for &d in digits.iter().rev() {
            magnitude = (magnitude << 15) + UBig::from(d);
        }
        let value = IBig::from(magnitude);
        Ok(new_big_or_small(if n < 0 { -value } else { value }))
    }
}

/// CPython's `PyOS_string_to_double` on the whole text.
fn parse_double(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let x = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ if body.bytes().all(|b| b.is_ascii_digit() || b".e+-".contains(&b)) => body.parse::<f64>().ok()?,
        _ => return None,
    };
    Some(if lower.starts_with('-') { -x } else { x })
}

fn new_big_or_small(i: IBig) -> Value {
    match i64::try_from(&i) {
        Ok(small) => new_int(small),
        Err(_) => new_big(i),
    }
}

fn read_object(vm: &mut Vm, reader: &mut Reader) -> PyResult<Value> {
    match reader.object(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("NULL object in marshal data for object")),
    }
}

/// `loads(bytes, /)`.
fn loads(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "loads", kwnames)?;
    let [data] = args else {
        return Err(vm.type_error(format!("marshal.loads() takes exactly one argument ({} given)", args.len())));
    };
    let bytes = crate::builtins::bytes::buffer_arg(vm, data)?.to_vec();
    let mut reader = Reader { source: Source::Bytes(&bytes, 0), refs: Vec::new(), depth: 0 };
    read_object(vm, &mut reader)
}

/// `load(file, /)`: reads from `file.read` exactly the object's bytes.
fn load(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "load", kwnames)?;
    let [file] = args else {
        return Err(vm.type_error(format!("marshal.load() takes exactly one argument ({} given)", args.len())));
    };
    // CPython first reads nothing, to check read() gives bytes.
    let read = crate::ops::getattr(vm, file, &new_str("read"))?;
    let probe = crate::eval::call(vm, &read, &[new_int(0)], &[])?;
    if !is_exact(vm, &probe, &BYTES_TYPE) && !vm.type_of(&probe).is_subtype(&BYTES_TYPE) {
        let msg = format!("file.read() returned not bytes but {}", vm.type_of(&probe).name());
        return Err(vm.type_error(msg));
    }
    let mut reader = Reader { source: Source::File(file.clone()), refs: Vec::new(), depth: 0 };
    read_object(vm, &mut reader)
}

pub fn new_marshal_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues.\n\nNot all Python object types are supported; in general, only objects\nwhose value is independent from a particular invocation of Python can be\nwritten and read by this module. The following types are supported:\nNone, integers, floating point numbers, strings, bytes, bytearrays,\ntuples, lists, sets, dictionaries, and code objects, where it\nshould be understood that tuples, lists and dictionaries are only\nsupported as long as the values contained therein are themselves\nsupported; and recursive lists and dictionaries should not be written\n(they will cause infinite loops).\n\nVariables:\n\nversion -- indicates the format that the module uses. Version 0 is the\n    historical format, version 1 shares interned strings and version 2\n    uses a binary format for floating point numbers.\n    Version 3 shares common object references (New in version 3.4).\n\nFunctions:\n\ndump() -- write value to a file\nload() -- read value from a file\ndumps() -- marshal value as a bytes object\nloads() -- read value from a bytes-like object";
    let functions: [(&'static str, crate::types::CallFn); 4] = [("dump", dump), ("load", load), ("dumps", dumps), ("loads", loads)];
    let d = crate::builtins::function::native_module_dict(vm, "marshal", DOC, &functions)?;
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("version"), new_int(VERSION))?;
    Ok(new_module("marshal", d))
}
