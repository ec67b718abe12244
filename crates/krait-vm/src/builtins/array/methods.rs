//! The sequence slots and methods of `array.array` (CPython's
//! `arraymodule.c`, in behaviour and messages).
//!
//! Invariants: as `mod.rs` says, values are converted before the bytes
//! are borrowed for writing, and a method that fails part-way
//! (`fromlist`) leaves the array as it was.

use super::items::{self, decode, encode, TypeCode};
use super::{as_array, new_array, ArrayData};
use crate::builtins::exceptions::EOF_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::payload;
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str_data, intern, new_str_from_pystring};
use crate::builtins::tuple::new_tuple;
use crate::types::{type_value, MethodDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn arr(v: &Value) -> &ArrayData {
    payload::<ArrayData>(v)
}

/// Every item's value.
pub(super) fn values(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let a = arr(v);
    let data = a.data.borrow().clone();
    data.chunks(a.code.size()).map(|b| decode(vm, a.code, b)).collect()
}

pub(super) fn tolist_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_list(values(vm, v)?))
}

/// A 'u' array's text.
pub(super) fn tounicode_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = arr(v);
    let data = a.data.borrow().clone();
    let mut s = krait_syntax::pystr::PyString::new();
    for b in data.chunks(4) {
        let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        if c > 0x10FFFF {
            return Err(vm.value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]")));
        }
        s.push_code_point(c);
    }
    Ok(new_str_from_pystring(&s))
}

/// An index argument as a Py_ssize_t (`__index__`, clamped as CPython's
/// `PyNumber_AsSsize_t` with an IndexError for overflow).
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) => Ok(n),
        Some(Int::Big(b)) => i64::try_from(b).map_err(|_| {
            let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_of(v).name());
            vm.index_error(msg)
        }),
        None => Ok(0),
    }
}

/// `a[i]` and `a[slice]`.
pub(super) fn getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let a = arr(v);
    let n = a.code.size();
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, a.len())?;
        let data = a.data.borrow();
        let mut out = Vec::with_capacity(count * n);
        for k in 0..count {
            let i = (start + k as i64 * step) as usize;
            out.extend_from_slice(&data[i * n..(i + 1) * n]);
        }
        return Ok(new_array(a.code, out));
    }
    if crate::ops::index(vm, key)?.is_none() {
        return Err(vm.type_error("array indices must be integers"));
    }
    match crate::builtins::iter::normalize_index(vm, key, a.len(), "array")? {
        Some(i) => {
            let b = a.item_bytes(i);
            decode(vm, a.code, &b)
        }
        None => Err(vm.index_error("array index out of range")),
    }
}

/// `a[i] = x`, `a[slice] = other`, `del a[i]`, `del a[slice]`.
pub(super) fn setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let a = arr(v);
    let n = a.code.size();
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, stop, step, count) = sl.indices(vm, a.len())?;
        let new_bytes = match &value {
            None => Vec::new(),
            Some(val) => {
                let Some(other) = as_array(val) else {
                    let msg = format!("can only assign array (not \"{}\") to array slice", vm.type_of(val).name());
                    return Err(vm.type_error(msg));
                };
                if other.code != a.code {
                    return Err(vm.type_error("bad argument type for built-in operation"));
                }
                other.data.borrow().clone()
            }
        };
        let new_len = new_bytes.len() / n;
        let changes = if step == 1 { new_len as i64 != (stop.max(start) - start) } else { value.is_none() && count > 0 };
        let mut data = a.resizing(vm, changes)?;
        if step == 1 {
            let stop = stop.max(start);
            data.splice(start as usize * n..stop as usize * n, new_bytes);
            return Ok(());
        }
        let indices: Vec<usize> = (0..count).map(|k| (start + k as i64 * step) as usize).collect();
        if value.is_none() {
            let mut keep = vec![true; data.len() / n];
            for i in indices {
                keep[i] = false;
            }
            let old = std::mem::take(&mut *data);
            for (i, chunk) in old.chunks(n).enumerate() {
                if keep[i] {
                    data.extend_from_slice(chunk);
                }
            }
            return Ok(());
        }
        if new_len != count {
            drop(data);
            let msg = format!("attempt to assign array of size {new_len} to extended slice of size {count}");
            return Err(vm.value_error(msg));
        }
        for (k, i) in indices.into_iter().enumerate() {
            data[i * n..(i + 1) * n].copy_from_slice(&new_bytes[k * n..(k + 1) * n]);
        }
        return Ok(());
    }
    if crate::ops::index(vm, key)?.is_none() {
        return Err(vm.type_error("array indices must be integers"));
    }
    let encoded = match &value {
        Some(val) => Some(encode(vm, a.code, val)?),
        None => None,
    };
    let Some(i) = crate::builtins::iter::normalize_index(vm, key, a.len(), "array")? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    let mut data = a.resizing(vm, encoded.is_none())?;
    match encoded {
        Some(b) => data[i * n..(i + 1) * n].copy_from_slice(&b),
        None => {
            data.drain(i * n..(i + 1) * n);
        }
    }
    Ok(())
}

/// The index of the first item equal to `x` in `from..to`.
fn find(vm: &mut Vm, v: &Value, x: &Value, from: usize, to: usize) -> PyResult<Option<usize>> {
    let mut i = from;
    loop {
        let a = arr(v);
        if i >= to.min(a.len()) {
            return Ok(None);
        }
        let b = a.item_bytes(i);
        let item = decode(vm, a.code, &b)?;
        let eq = crate::ops::richcompare(vm, &item, x, crate::types::CompareOp::Eq)?;
        if crate::ops::truthy(vm, &eq)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

pub(super) fn contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    Ok(find(vm, v, x, 0, usize::MAX)?.is_some())
}

/// `a + b`: arrays of the same typecode only.
pub(super) fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = arr(a);
    let Some(y) = as_array(b) else {
        let msg = format!("can only append array (not \"{}\") to array", vm.type_of(b).name());
        return Err(vm.type_error(msg));
    };
    if x.code != y.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut data = x.data.borrow().clone();
    data.extend_from_slice(&y.data.borrow());
    Ok(new_array(x.code, data))
}

fn repeated(vm: &mut Vm, data: &[u8], n: usize) -> PyResult<Vec<u8>> {
    match data.len().checked_mul(n).filter(|&t| t <= isize::MAX as usize) {
        Some(_) => Ok(data.repeat(n)),
        None => Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    }
}

pub(super) fn repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let x = arr(a);
    let data = x.data.borrow().clone();
    let out = repeated(vm, &data, n)?;
    Ok(new_array(x.code, out))
}

/// `a += b`.
pub(super) fn inplace_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(y) = as_array(b) else {
        let msg = format!("can only extend array with array (not \"{}\")", vm.type_of(b).name());
        return Err(vm.type_error(msg));
    };
    extend_array(vm, a, y)?;
    Ok(a.clone())
}

fn extend_array(vm: &mut Vm, a: &Value, y: &ArrayData) -> PyResult<()> {
    let x = arr(a);
    if x.code != y.code {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    let more = y.data.borrow().clone();
    x.resizing(vm, !more.is_empty())?.extend_from_slice(&more);
    Ok(())
}

pub(super) fn inplace_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let x = arr(a);
    let data = x.data.borrow().clone();
    let out = repeated(vm, &data, n)?;
    let changes = out.len() != data.len();
    *x.resizing(vm, changes)? = out;
    Ok(a.clone())
}

fn no_kw(vm: &mut Vm, name: &str, kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)
}

/// A METH_O method's argument.
fn one(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(vm, name, kwnames)?;
    match args {
        [x] => Ok(x.clone()),
        _ => Err(vm.type_error(format!("array.{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// A METH_NOARGS method.
fn none_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_kw(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("array.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn append(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one(vm, "append", args, kwnames)?;
    let a = arr(this);
    let b = encode(vm, a.code, &x)?;
    a.resizing(vm, true)?.extend(b);
    Ok(none())
}

fn extend(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let it = one(vm, "extend", args, kwnames)?;
    if let Some(y) = as_array(&it) {
        extend_array(vm, this, y)?;
        return Ok(none());
    }
    let iter = crate::ops::iter(vm, &it)?;
    let code = arr(this).code;
    while let Some(v) = crate::ops::next(vm, &iter)? {
        let b = encode(vm, code, &v)?;
        arr(this).resizing(vm, true)?.extend(b);
    }
    Ok(none())
}

fn insert(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(vm, "insert", kwnames)?;
    let [i, x] = args else {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len())));
    };
    let i = ssize(vm, i)?;
    let a = arr(this);
    let b = encode(vm, a.code, x)?;
    let len = a.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let n = a.code.size();
    a.resizing(vm, true)?.splice(i * n..i * n, b);
    Ok(none())
}

fn pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(vm, "pop", kwnames)?;
    let i = match args {
        [] => -1,
        [i] => ssize(vm, i)?,
        _ => return Err(vm.type_error(format!("pop expected at most 1 argument, got {}", args.len()))),
    };
    let a = arr(this);
    let len = a.len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(vm.index_error("pop index out of range"));
    }
    let i = i as usize;
    let b = a.item_bytes(i);
    let v = decode(vm, a.code, &b)?;
    let n = a.code.size();
    a.resizing(vm, true)?.drain(i * n..(i + 1) * n);
    Ok(v)
}

fn remove(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one(vm, "remove", args, kwnames)?;
    match find(vm, this, &x, 0, usize::MAX)? {
        Some(i) => {
            let a = arr(this);
            let n = a.code.size();
            a.resizing(vm, true)?.drain(i * n..(i + 1) * n);
            Ok(none())
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(vm, "index", kwnames)?;
    let (x, start, stop) = match args {
        [x] => (x, None, None),
        [x, s] => (x, Some(s), None),
        [x, s, e] => (x, Some(s), Some(e)),
        _ if args.is_empty() => return Err(vm.type_error("index expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", args.len()))),
    };
    let len = arr(this).len() as i64;
    let bound = |vm: &mut Vm, b: Option<&Value>, default: i64| -> PyResult<usize> {
        let Some(b) = b else { return Ok(default as usize) };
        let i = ssize_clamped(vm, b)?;
        Ok(if i < 0 { (i + len).max(0) } else { i } as usize)
    };
    let from = bound(vm, start, 0)?;
    let to = bound(vm, stop, i64::MAX)?;
    match find(vm, this, x, from, to)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

/// An index bound as `_PyEval_SliceIndexNotNone`: clamped to Py_ssize_t.
fn ssize_clamped(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    };
    Ok(match int_of(&i) {
        Some(Int::Small(n)) => n,
        Some(Int::Big(b)) => i64::try_from(b).unwrap_or(if *b < dashu_int::IBig::ZERO { i64::MIN } else { i64::MAX }),
        None => 0,
    })
}

fn count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = one(vm, "count", args, kwnames)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find(vm, this, &x, i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    Ok(new_int(n))
}

fn reverse(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "reverse", args, kwnames)?;
    let a = arr(this);
    let n = a.code.size();
    let mut data = a.data.borrow_mut();
    let reversed: Vec<u8> = data.chunks(n).rev().flatten().copied().collect();
    *data = reversed;
    Ok(none())
}

fn byteswap(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "byteswap", args, kwnames)?;
    let a = arr(this);
    let n = a.code.size();
    for chunk in a.data.borrow_mut().chunks_mut(n) {
        chunk.reverse();
    }
    Ok(none())
}

fn buffer_info(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "buffer_info", args, kwnames)?;
    let a = arr(this);
    let addr = a.data.borrow().as_ptr() as usize as i64;
    let addr = if a.is_empty() { 0 } else { addr };
    Ok(new_tuple(vec![new_int(addr), new_int(a.len() as i64)]))
}

fn frombytes_data(vm: &mut Vm, this: &Value, b: &[u8]) -> PyResult<()> {
    let a = arr(this);
    if !items::whole(b.len(), a.code.size()) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    a.resizing(vm, !b.is_empty())?.extend_from_slice(b);
    Ok(())
}

fn frombytes(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let b = one(vm, "frombytes", args, kwnames)?;
    let bytes = crate::builtins::bytes::buffer_arg(vm, &b)?.to_vec();
    frombytes_data(vm, this, &bytes)?;
    Ok(none())
}

fn tobytes(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "tobytes", args, kwnames)?;
    let data = arr(this).data.borrow().clone();
    Ok(crate::builtins::bytes::new_bytes(data))
}

fn fromfile(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(vm, "fromfile", kwnames)?;
    let [f, n] = args else {
        return Err(vm.type_error(format!("fromfile expected 2 arguments, got {}", args.len())));
    };
    let n = ssize(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let size = arr(this).code.size() as i64;
    let Some(nbytes) = n.checked_mul(size) else {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    };
    let read = crate::ops::getattr(vm, f, &intern("read"))?;
    let b = crate::eval::call(vm, &read, &[new_int(nbytes)], &[])?;
    let Some(bytes) = crate::builtins::bytes::as_bytes(&b).map(<[u8]>::to_vec) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let whole = bytes.len() - bytes.len() % size as usize;
    frombytes_data(vm, this, &bytes[..whole])?;
    if bytes.len() as i64 != nbytes {
        return Err(vm.error(&EOF_ERROR, "read() didn't return enough bytes"));
    }
    Ok(none())
}

fn tofile(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let f = one(vm, "tofile", args, kwnames)?;
    const BLOCKSIZE: usize = 64 * 1024;
    let data = arr(this).data.borrow().clone();
    let write = crate::ops::getattr(vm, &f, &intern("write"))?;
    for block in data.chunks(BLOCKSIZE) {
        crate::eval::call(vm, &write, &[crate::builtins::bytes::new_bytes(block.to_vec())], &[])?;
    }
    Ok(none())
}

fn fromlist(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = one(vm, "fromlist", args, kwnames)?;
    let Some(list) = as_list(&l) else {
        return Err(vm.type_error("arg must be list"));
    };
    let list_items = list.items.borrow().clone();
    let code = arr(this).code;
    let mut out = Vec::new();
    for v in &list_items {
        out.extend(encode(vm, code, v)?);
    }
    arr(this).resizing(vm, !out.is_empty())?.extend(out);
    Ok(none())
}

fn tolist(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "tolist", args, kwnames)?;
    tolist_value(vm, this)
}

fn fromunicode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = one(vm, "fromunicode", args, kwnames)?;
    let Some(text) = as_str_data(&s) else {
        let msg = format!("fromunicode() argument must be str, not {}", vm.type_of(&s).name());
        return Err(vm.type_error(msg));
    };
    let a = arr(this);
    if !a.code.is_unicode() {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let bytes: Vec<u8> = text.code_points().flat_map(u32::to_ne_bytes).collect();
    a.resizing(vm, !bytes.is_empty())?.extend(bytes);
    Ok(none())
}

fn tounicode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "tounicode", args, kwnames)?;
    if !arr(this).code.is_unicode() {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    tounicode_value(vm, this)
}

fn copy(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let _ = vm;
    let a = arr(this);
    Ok(new_array(a.code, a.data.borrow().clone()))
}

/// `__reduce_ex__(protocol)`: `array(typecode, list)` for protocols
/// below 3, else `_array_reconstructor` over the bytes; the instance
/// dict (or None) as state.
fn reduce_ex(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = one(vm, "__reduce_ex__", args, kwnames)?;
    let Some(protocol) = int_of(&p).map(|i| match i {
        Int::Small(n) => n,
        Int::Big(_) => i64::MAX,
    }) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&p).name());
        return Err(vm.type_error(msg));
    };
    let cls = type_value(vm.type_of_static(this));
    let dict = match crate::ops::getattr_opt(vm, this, &intern("__dict__"))? {
        Some(d) if crate::builtins::dict::as_dict(&d).is_some_and(|d| !d.is_empty()) => d,
        _ => none(),
    };
    let a = arr(this);
    let code = a.code;
    let letter = crate::builtins::str::new_str(&code.letter().to_string());
    if protocol < 3 {
        let list = tolist_value(vm, this)?;
        return Ok(new_tuple(vec![cls, new_tuple(vec![letter, list]), dict]));
    }
    let data = crate::builtins::bytes::new_bytes(a.data.borrow().clone());
    let module = crate::import::import_module(vm, "array")?;
    let recon = crate::ops::getattr(vm, &module, &intern("_array_reconstructor"))?;
    let args = new_tuple(vec![cls, letter, new_int(code.mformat()), data]);
    Ok(new_tuple(vec![recon, args, dict]))
}

/// Items in machine format `m` (not the typecode's own) as a native
/// array: integers by size and signedness, floats, UTF-16/32 text
/// (CPython's `array__array_reconstructor_impl`).
pub(super) fn convert_mformat(vm: &mut Vm, m: i64, b: &[u8]) -> PyResult<(TypeCode, Vec<u8>)> {
    let big = m % 2 == 1 && m >= 2;
    let (size, kind) = match m {
        0 => (1, 'u'),
        1 => (1, 's'),
        2..=13 => {
            let size = [2, 4, 8][((m - 2) / 4) as usize];
            let signed = (m - 2) % 4 >= 2;
            (size, if signed { 's' } else { 'u' })
        }
        14 | 15 => (4, 'f'),
        16 | 17 => (8, 'f'),
        18 | 19 => (2, 't'),
        _ => (4, 't'),
    };
    if !items::whole(b.len(), size) {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    let word = |chunk: &[u8]| -> [u8; 8] {
        let mut w = [0u8; 8];
        if big {
            for (k, byte) in chunk.iter().rev().enumerate() {
                w[k] = *byte;
            }
        } else {
            w[..chunk.len()].copy_from_slice(chunk);
        }
        w
    };
    match kind {
        'f' => {
            let code = if size == 4 { TypeCode(b'f') } else { TypeCode(b'd') };
            let mut out = Vec::new();
            for chunk in b.chunks(size) {
                out.extend_from_slice(&word(chunk)[..size]);
            }
            Ok((code, out))
        }
        't' => {
            let mut units = Vec::new();
            for chunk in b.chunks(size) {
                let w = word(chunk);
                units.push(u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
            }
            let cps: Vec<u32> = if size == 2 {
                let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
                char::decode_utf16(u16s).map(|r| r.map_or(0xFFFD, u32::from)).collect()
            } else {
                units
            };
            Ok((TypeCode(b'u'), cps.iter().flat_map(|c| c.to_ne_bytes()).collect()))
        }
        _ => {
            let signed = kind == 's';
            let code = items::TYPECODES
                .bytes()
                .map(TypeCode)
                .find(|c| !c.is_unicode() && c.0 != b'f' && c.0 != b'd' && c.size() == size && c.0.is_ascii_lowercase() == signed)
                .expect("a typecode of every integer size");
            let mut out = Vec::new();
            for chunk in b.chunks(size) {
                out.extend_from_slice(&word(chunk)[..size]);
            }
            Ok((code, out))
        }
    }
}

fn sizeof(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    none_args(vm, "__sizeof__", args, kwnames)?;
    let a = arr(this);
    Ok(new_int(64 + a.data.borrow().capacity() as i64))
}

pub(super) static METHODS: &[MethodDef] = &[
    MethodDef { name: "append", func: append },
    MethodDef { name: "buffer_info", func: buffer_info },
    MethodDef { name: "byteswap", func: byteswap },
    MethodDef { name: "__copy__", func: |vm, this, a, k| {
        none_args(vm, "__copy__", a, k)?;
        copy(vm, this)
    } },
    MethodDef { name: "count", func: count },
    MethodDef { name: "__deepcopy__", func: |vm, this, a, k| {
        one(vm, "__deepcopy__", a, k)?;
        copy(vm, this)
    } },
    MethodDef { name: "extend", func: extend },
    MethodDef { name: "frombytes", func: frombytes },
    MethodDef { name: "fromfile", func: fromfile },
    MethodDef { name: "fromlist", func: fromlist },
    MethodDef { name: "fromunicode", func: fromunicode },
    MethodDef { name: "index", func: index },
    MethodDef { name: "insert", func: insert },
    MethodDef { name: "pop", func: pop },
    MethodDef { name: "__reduce_ex__", func: reduce_ex },
    MethodDef { name: "remove", func: remove },
    MethodDef { name: "reverse", func: reverse },
    MethodDef { name: "tofile", func: tofile },
    MethodDef { name: "tolist", func: tolist },
    MethodDef { name: "tobytes", func: tobytes },
    MethodDef { name: "tounicode", func: tounicode },
    MethodDef { name: "__sizeof__", func: sizeof },
];
