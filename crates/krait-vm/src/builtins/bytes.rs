//! `bytes` and `bytearray` (CPython 3.11's `Objects/bytesobject.c` and
//! `bytearrayobject.c`, in behaviour); their methods are in
//! `bytes_methods`.
//!
//! Invariants:
//! - A `bytes` payload never changes once made; `b''` is one static object.
//!   Its hash is SipHash-1-3 over the bytes with the key `str` uses, cached:
//!   a str whose code points are all below 256 hashes the same buffer, so
//!   `hash(b'abc') == hash('abc')`, as in CPython.
//! - A `bytearray` keeps its bytes in a `RefCell`. Readers (`Buffer`) borrow
//!   it only while Rust code runs: an argument that may run Python code
//!   (`__index__`, iteration) is converted before the receiver is borrowed.
//!   Writers borrow it through `bytes_mut`, which raises BufferError, never
//!   panics, should a reader still hold it.
//! - "Bytes-like" (CPython's buffer protocol) means bytes, bytearray,
//!   their subclasses and memoryviews of them (see `memoryview`).
//! - A bytearray with live memoryviews (`exports` > 0) does not change
//!   size: every resizing writer goes through `bytes_resize`.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::ops::Deref;

use crate::builtins::exceptions::{BUFFER_ERROR, MEMORY_ERROR, OVERFLOW_ERROR, TYPE_ERROR};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::{as_str_data, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr, StaticObj};
use crate::ops;
use crate::types::{trace_nothing, tp_flags, BinOp, CompareOp, MethodDef, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The payload of a `bytes` object.
pub struct BytesData {
    bytes: Vec<u8>,
    /// The cached hash; -1 until computed.
    hash: Cell<i64>,
}

impl BytesData {
    pub fn new(bytes: Vec<u8>) -> BytesData {
        BytesData { bytes, hash: Cell::new(-1) }
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.bytes
    }
}

/// The payload of a `bytearray` object.
pub struct ByteArrayData {
    bytes: RefCell<Vec<u8>>,
    /// How many memoryviews of it are alive and not released.
    pub exports: Cell<usize>,
}

impl ByteArrayData {
    pub fn new(bytes: Vec<u8>) -> ByteArrayData {
        ByteArrayData { bytes: RefCell::new(bytes), exports: Cell::new(0) }
    }

    /// `__alloc__()`: the bytes reserved, counting one for the trailing
    /// NUL a CPython bytearray keeps (always more than `len`).
    pub fn allocated(&self) -> usize {
        let b = self.bytes.borrow();
        b.capacity().max(b.len()) + 1
    }

    pub fn len(&self) -> usize {
        self.bytes.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bytes of a bytes-like object, borrowed.
pub enum Buffer<'a> {
    Bytes(&'a [u8]),
    Array(Ref<'a, Vec<u8>>),
    /// A memoryview's bytes, copied.
    View(Vec<u8>),
}

impl Deref for Buffer<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Buffer::Bytes(b) => b,
            Buffer::Array(r) => r,
            Buffer::View(v) => v,
        }
    }
}

pub static BYTES_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::MATCH_SELF),
    repr: Slot::new(bytes_repr),
    // `str(b)` is the repr, even for a subclass with its own `__repr__`
    // (CPython's `bytes_str`).
    str: Slot::new(bytes_repr),
    hash: Slot::new(bytes_hash),
    richcompare: Slot::new(bytes_richcompare),
    len: Slot::new(|_, v| Ok(as_bytes(v).map_or(0, <[u8]>::len))),
    getitem: Slot::new(|vm, v, key| sequence_getitem(vm, v, key, "byte", "index out of range")),
    iter: Slot::new(|_, v| Ok(Value::from_owned(alloc(&BYTES_ITERATOR_TYPE, BytesIter { seq: std::cell::RefCell::new(v.clone()), index: Cell::new(0) })))),
    number: Cell::new(&BYTES_NUMBER),
    concat: Slot::new(concat),
    repeat: Slot::new(repeat),
    contains: Slot::new(contains),
    new: Some(bytes_new),
    methods: crate::builtins::bytes_methods::BYTES_METHODS,
    class_methods: crate::builtins::bytes_methods::CLASS_METHODS,
    static_methods: crate::builtins::bytes_methods::STATIC_METHODS,
    ..TypeObject::builtin("bytes", Some(&OBJECT_TYPE), dealloc_bytes, trace_nothing)
};

pub static BYTEARRAY_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::MATCH_SELF),
    repr: Slot::new(bytearray_repr),
    str: Slot::new(bytearray_repr),
    richcompare: Slot::new(bytearray_richcompare),
    len: Slot::new(|_, v| Ok(as_bytearray(v).map_or(0, ByteArrayData::len))),
    getitem: Slot::new(|vm, v, key| sequence_getitem(vm, v, key, "bytearray", "bytearray index out of range")),
    iter: Slot::new(|_, v| Ok(Value::from_owned(alloc(&BYTEARRAY_ITERATOR_TYPE, BytesIter { seq: std::cell::RefCell::new(v.clone()), index: Cell::new(0) })))),
    number: Cell::new(&BYTES_NUMBER),
    concat: Slot::new(concat),
    repeat: Slot::new(repeat),
    inplace_concat: Slot::new(inplace_concat),
    inplace_repeat: Slot::new(inplace_repeat),
    contains: Slot::new(contains),
    setitem: Slot::new(|vm, v, key, value| match value {
        Some(x) => set_item(vm, v, key, &x),
        None => del_item(vm, v, key),
    }),
    new: Some(|vm, _, args, kwnames| {
        let v = new_bytearray(Vec::new());
        bytearray_init(vm, &v, args, kwnames)?;
        Ok(v)
    }),
    init: Some(bytearray_init),
    methods: crate::builtins::bytes_methods::BYTEARRAY_METHODS,
    class_methods: crate::builtins::bytes_methods::CLASS_METHODS,
    static_methods: crate::builtins::bytes_methods::STATIC_METHODS,
    ..TypeObject::builtin("bytearray", Some(&OBJECT_TYPE), dealloc_bytearray, trace_nothing)
};

/// `bytes % values` and `bytearray % values`.
static BYTES_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Remainder as usize] = Some(|vm, a, values| {
            let Some(fmt) = as_buffer(a).map(|f| f.to_vec()) else {
                return Ok(vm.not_implemented());
            };
            let out = crate::builtins::percent::bytes_percent_format(vm, &fmt, values)?;
            Ok(new_like(a, out))
        });
        b
    },
    ..NumberSlots::EMPTY
};

static EMPTY: StaticObj<BytesData> = StaticObj::new(&BYTES_TYPE, BytesData { bytes: Vec::new(), hash: Cell::new(0) });

unsafe fn dealloc_bytes(p: ObjPtr) {
    // SAFETY: bytes objects are allocated by `new_bytes` as Obj<BytesData>.
    unsafe { dealloc_boxed::<BytesData>(p) }
}

unsafe fn dealloc_bytearray(p: ObjPtr) {
    // SAFETY: bytearray objects are allocated by `new_bytearray` as Obj<ByteArrayData>.
    unsafe { dealloc_boxed::<ByteArrayData>(p) }
}

/// A new `bytes` object.
pub fn new_bytes(bytes: Vec<u8>) -> Value {
    if bytes.is_empty() {
        return Value::from_borrowed(EMPTY.ptr());
    }
    Value::from_owned(alloc(&BYTES_TYPE, BytesData::new(bytes)))
}

/// A new `bytearray` object.
pub fn new_bytearray(bytes: Vec<u8>) -> Value {
    Value::from_owned(alloc(&BYTEARRAY_TYPE, ByteArrayData::new(bytes)))
}

/// A result of `this`'s kind: a bytearray for a bytearray (or subclass),
/// else bytes (the methods of both return their base type).
pub fn new_like(this: &Value, bytes: Vec<u8>) -> Value {
    if as_bytearray(this).is_some() {
        new_bytearray(bytes)
    } else {
        new_bytes(bytes)
    }
}

/// `bytes` or `bytearray`: the base type of a bytes-like `v`, as method
/// error messages name it.
pub fn base_name(v: &Value) -> &'static str {
    if as_bytearray(v).is_some() {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The payload of a `bytes` (or subclass) value.
pub fn as_bytes_data(v: &Value) -> Option<&BytesData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&BYTES_TYPE) {
        // SAFETY: bytes objects (and subclasses') are Obj<BytesData>.
        Some(unsafe { p.data::<BytesData>() })
    } else {
        None
    }
}

/// The bytes of a `bytes` (or subclass) value.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    as_bytes_data(v).map(BytesData::as_slice)
}

/// The payload of a `bytearray` (or subclass) value.
pub fn as_bytearray(v: &Value) -> Option<&ByteArrayData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&BYTEARRAY_TYPE) {
        // SAFETY: bytearray objects (and subclasses') are Obj<ByteArrayData>.
        Some(unsafe { p.data::<ByteArrayData>() })
    } else {
        None
    }
}

/// The bytes of a bytes-like value (bytes, bytearray, their subclasses,
/// arrays, memoryviews).
pub fn as_buffer(v: &Value) -> Option<Buffer<'_>> {
    if let Some(b) = as_bytes(v) {
        return Some(Buffer::Bytes(b));
    }
    if let Some(a) = as_bytearray(v) {
        return Some(Buffer::Array(a.bytes.borrow()));
    }
    if let Some(a) = crate::builtins::array::as_array(v) {
        return Some(Buffer::Array(a.data.borrow()));
    }
    crate::builtins::memoryview::view_bytes(v).map(Buffer::View)
}

/// A bytes-like argument, or TypeError "a bytes-like object is required,
/// not 'X'".
pub fn buffer_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Buffer<'a>> {
    match as_buffer(v) {
        Some(b) => Ok(b),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// A bytearray's bytes for a writer that may change their number:
/// BufferError while memoryviews of it are alive.
pub fn bytes_resize<'a>(vm: &mut Vm, a: &'a ByteArrayData) -> PyResult<RefMut<'a, Vec<u8>>> {
    if a.exports.get() > 0 {
        return Err(vm.error(&BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"));
    }
    bytes_mut(vm, a)
}

/// A bytearray's bytes for writing: BufferError if they are being read.
pub fn bytes_mut<'a>(vm: &mut Vm, a: &'a ByteArrayData) -> PyResult<RefMut<'a, Vec<u8>>> {
    a.bytes.try_borrow_mut().map_err(|_| vm.error(&BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"))
}

/// CPython's `_getbytevalue`: an object with `__index__` in range(256);
/// `plural` gives `bytes()`'s wording of the range error.
pub fn byte_value(vm: &mut Vm, v: &Value, plural: bool) -> PyResult<u8> {
    let Some(i) = ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) if (0..256).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error(if plural { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" })),
    }
}

/// Room for `n` bytes, or MemoryError.
pub fn with_capacity(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    if out.try_reserve_exact(n).is_err() {
        return Err(vm.error(&MEMORY_ERROR, ""));
    }
    Ok(out)
}

/// `repr(bytearray)`: `bytearray(b'...')` with the class's name; unlike
/// `bytes`, a `'` is escaped whichever quote encloses the text (CPython's
/// `bytearray_repr`).
fn bytes_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(&krait_syntax::repr::bytes_repr(as_bytes(v).expect("bytes slot on bytes"))))
}

fn bytearray_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = as_buffer(v).expect("bytearray slot on a bytearray");
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("{}(b{quote}", vm.type_of(v).name());
    for &c in data.iter() {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out.push(')');
    Ok(new_str(&out))
}

// ----- hashing and comparison ---------------------------------------------

fn bytes_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    let d = as_bytes_data(v).expect("bytes slot on bytes");
    if d.hash.get() == -1 {
        d.hash.set(crate::builtins::str::hash_buffer(&d.bytes));
    }
    Ok(d.hash.get())
}

fn compare(vm: &mut Vm, x: &[u8], y: &[u8], op: CompareOp) -> Value {
    vm.bool(ops::ordering_satisfies(x.cmp(y), op))
}

/// `bytes` compares only with `bytes` (CPython's `bytes_richcompare`); a
/// bytearray operand answers through its own, reflected.
fn bytes_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match (as_bytes(a), as_bytes(b)) {
        (Some(x), Some(y)) => Ok(compare(vm, x, y, op)),
        _ => Ok(vm.not_implemented()),
    }
}

/// `bytearray` compares with any bytes-like object.
fn bytearray_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match (as_buffer(a), as_buffer(b)) {
        (Some(x), Some(y)) => Ok(compare(vm, &x, &y, op)),
        _ => Ok(vm.not_implemented()),
    }
}

// ----- sequence protocol ---------------------------------------------------

/// `b[i]` (an int) and `b[i:j:k]` (of the receiver's base type).
fn sequence_getitem(vm: &mut Vm, v: &Value, key: &Value, what: &str, range_msg: &str) -> PyResult<Value> {
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let len = as_buffer(v).expect("bytes slot on bytes-like").len();
        let (start, _, step, count) = sl.indices(vm, len)?;
        let buf = as_buffer(v).expect("bytes slot on bytes-like");
        if step == 1 && count == buf.len() && std::ptr::eq(vm.type_of(v), &BYTES_TYPE) {
            return Ok(v.clone());
        }
        let out: Vec<u8> = (0..count).map(|k| buf[(start + k as i64 * step) as usize]).collect();
        drop(buf);
        return Ok(new_like(v, out));
    }
    let i = index_arg(vm, key, what)?;
    let buf = as_buffer(v).expect("bytes slot on bytes-like");
    match resolve(i, buf.len()).map(|i| buf[i]) {
        Some(b) => Ok(new_int(b as i64)),
        None => Err(vm.index_error(range_msg)),
    }
}

/// A subscript that is not a slice: an int (`None` beyond i64), or
/// TypeError "byte indices must be integers or slices, not str".
fn index_arg(vm: &mut Vm, key: &Value, what: &str) -> PyResult<Option<i64>> {
    let Some(i) = ops::index(vm, key)? else {
        let msg = format!("{what} indices must be integers or slices, not {}", vm.type_of(key).name());
        return Err(vm.type_error(msg));
    };
    Ok(match int_of(&i) {
        Some(Int::Small(n)) => Some(n),
        Some(Int::Big(b)) => i64::try_from(b).ok(),
        None => None,
    })
}

/// An index into `len` items, negative ones from the end; `None` when out
/// of range.
fn resolve(i: Option<i64>, len: usize) -> Option<usize> {
    let i = i?;
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// An iterator over the bytes of a bytes-like object, as ints; the
/// object is NULL once the iterator is exhausted.
struct BytesIter {
    seq: std::cell::RefCell<Value>,
    index: Cell<usize>,
}

fn bytes_iter_data(v: &Value) -> &BytesIter {
    // SAFETY: bytes iterators are Obj<BytesIter>.
    unsafe { v.as_object().expect("an iterator").data::<BytesIter>() }
}

fn bytes_iter_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = bytes_iter_data(v);
    let i = it.index.get();
    let b = as_buffer(&it.seq.borrow()).and_then(|b| b.get(i).copied());
    match b {
        Some(b) => {
            it.index.set(i + 1);
            Ok(Some(new_int(b as i64)))
        }
        None => {
            drop(it.seq.replace(Value::NULL));
            Ok(None)
        }
    }
}

const BYTES_ITER_METHODS: &[crate::types::MethodDef] = &[
    crate::types::MethodDef { name: "__length_hint__", func: bytes_iter_length_hint },
    crate::types::MethodDef { name: "__reduce__", func: bytes_iter_reduce },
    crate::types::MethodDef { name: "__setstate__", func: bytes_iter_setstate },
];

static BYTES_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(bytes_iter_next),
    methods: BYTES_ITER_METHODS,
    ..TypeObject::builtin("bytes_iterator", Some(&OBJECT_TYPE), dealloc_iter, trace_iter)
};

static BYTEARRAY_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(bytes_iter_next),
    methods: BYTES_ITER_METHODS,
    ..TypeObject::builtin("bytearray_iterator", Some(&OBJECT_TYPE), dealloc_iter, trace_iter)
};

fn bytes_iter_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let it = bytes_iter_data(this);
    let len = as_buffer(&it.seq.borrow()).map_or(0, |b| b.len());
    Ok(crate::builtins::iter_pickle::hint(len.saturating_sub(it.index.get())))
}

/// `it.__reduce__()`: `(iter, (seq,), index)`, `(iter, ((),))` once exhausted.
fn bytes_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
    let it = bytes_iter_data(this);
    let seq = it.seq.borrow().clone();
    if seq.is_null() {
        let empty = crate::builtins::tuple::new_tuple(Vec::new());
        return Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![empty], None));
    }
    Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![seq], Some(new_int(it.index.get() as i64))))
}

/// `it.__setstate__(index)`: clamped to the object's length.
fn bytes_iter_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = crate::builtins::iter_pickle::ssize_state(vm, &args[0])?;
    let it = bytes_iter_data(this);
    let len = as_buffer(&it.seq.borrow()).map(|b| b.len());
    if let Some(len) = len {
        it.index.set(crate::builtins::iter_pickle::clamp_index(index, len));
    }
    Ok(crate::builtins::singletons::none())
}

unsafe fn dealloc_iter(p: ObjPtr) {
    // SAFETY: bytes iterators are allocated as Obj<BytesIter>.
    unsafe { dealloc_boxed::<BytesIter>(p) }
}

fn trace_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: bytes iterators are Obj<BytesIter>.
    let seq = unsafe { p.data::<BytesIter>() }.seq.borrow();
    if !seq.is_null() {
        visit(&seq);
    }
}

/// `item in b`: an int in range(256), or a bytes-like substring
/// (CPython's `_Py_bytes_contains`).
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let index = match ops::index(vm, item) {
        Ok(i) => i,
        Err(e) if vm.type_of(&e.exception).is_subtype(&TYPE_ERROR) => None,
        Err(e) => return Err(e),
    };
    if let Some(i) = index {
        let byte = match int_of(&i) {
            Some(Int::Small(n)) if (0..256).contains(&n) => n as u8,
            _ => return Err(vm.value_error("byte must be in range(0, 256)")),
        };
        return Ok(as_buffer(container).is_some_and(|b| b.contains(&byte)));
    }
    let needle = buffer_arg(vm, item)?;
    let hay = as_buffer(container).expect("a bytes-like container");
    Ok(find(&hay, &needle).is_some())
}

/// The first offset of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => hay.iter().position(|x| x == b),
        _ => hay.windows(needle.len()).position(|w| w == needle),
    }
}

/// The last offset of `needle` in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(hay.len()),
        [b] => hay.iter().rposition(|x| x == b),
        _ => hay.windows(needle.len()).rposition(|w| w == needle),
    }
}

/// `a + b`: of `a`'s base type, `b` any bytes-like object.
fn concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_buffer(a), as_buffer(b)) else {
        let msg = format!("can't concat {} to {}", vm.type_of(b).name(), vm.type_of(a).name());
        return Err(vm.type_error(msg));
    };
    let mut out = with_capacity(vm, x.len() + y.len())?;
    out.extend_from_slice(&x);
    out.extend_from_slice(&y);
    drop((x, y));
    Ok(new_like(a, out))
}

/// `b * n`.
fn repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let len = as_buffer(a).expect("bytes slot on bytes-like").len();
    if n == 1 && std::ptr::eq(vm.type_of(a), &BYTES_TYPE) {
        return Ok(a.clone());
    }
    let out = repeated(vm, a, len, n)?;
    Ok(new_like(a, out))
}

/// The bytes of `a` (`len` of them) repeated `n` times.
fn repeated(vm: &mut Vm, a: &Value, len: usize, n: usize) -> PyResult<Vec<u8>> {
    let Some(total) = len.checked_mul(n).filter(|&t| t <= isize::MAX as usize) else {
        if as_bytearray(a).is_some() {
            return Err(vm.error(&MEMORY_ERROR, ""));
        }
        return Err(vm.error(&OVERFLOW_ERROR, "repeated bytes are too long"));
    };
    let mut out = with_capacity(vm, total)?;
    let buf = as_buffer(a).expect("bytes-like");
    for _ in 0..n {
        out.extend_from_slice(&buf);
    }
    Ok(out)
}

/// `ba += b`: extends `ba` with any bytes-like `b`. `ba += ba` is a
/// BufferError, as in CPython, where the right operand's buffer is
/// exported while the bytearray is resized.
fn inplace_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(extra) = as_buffer(b).map(|y| y.to_vec()) else {
        let msg = format!("can't concat {} to {}", vm.type_of(b).name(), vm.type_of(a).name());
        return Err(vm.type_error(msg));
    };
    if a.is(b) && !extra.is_empty() {
        return Err(vm.error(&BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"));
    }
    let ba = as_bytearray(a).expect("bytearray slot on a bytearray");
    let mut bytes = if extra.is_empty() { bytes_mut(vm, ba)? } else { bytes_resize(vm, ba)? };
    if bytes.try_reserve(extra.len()).is_err() {
        drop(bytes);
        return Err(vm.error(&MEMORY_ERROR, ""));
    }
    bytes.extend_from_slice(&extra);
    drop(bytes);
    Ok(a.clone())
}

/// `ba *= n`.
fn inplace_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let ba = as_bytearray(a).expect("bytearray slot on a bytearray");
    let out = repeated(vm, a, ba.len(), n)?;
    let mut bytes = if out.len() == ba.len() { bytes_mut(vm, ba)? } else { bytes_resize(vm, ba)? };
    *bytes = out;
    drop(bytes);
    Ok(a.clone())
}

// ----- bytearray item assignment -------------------------------------------

/// `ba[key] = value` (an index, or a slice and bytes-like or iterable of
/// ints; CPython's `bytearray_ass_subscript`).
pub fn set_item(vm: &mut Vm, ba: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let a = as_bytearray(ba).expect("a bytearray");
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let new: Vec<u8> = match as_buffer(value) {
            Some(b) => b.to_vec(),
            None if int_of(value).is_some() || as_str_data(value).is_some() => {
                return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
            }
            None => bytes_from_iterable(vm, value, "bytearray", false)?,
        };
        let (start, stop, step, count) = sl.indices(vm, a.len())?;
        if step != 1 && new.is_empty() {
            // Assigning nothing to an extended slice deletes it (CPython's
            // `needed == 0` branch), a resize even when it is empty.
            let mut bytes = bytes_resize(vm, a)?;
            let doomed: std::collections::HashSet<usize> = (0..count).map(|k| (start + k as i64 * step) as usize).collect();
            let mut i = 0;
            bytes.retain(|_| {
                i += 1;
                !doomed.contains(&(i - 1))
            });
            return Ok(());
        }
        let mut bytes = if step == 1 && new.len() != count { bytes_resize(vm, a)? } else { bytes_mut(vm, a)? };
        if step == 1 {
            let stop = stop.max(start) as usize;
            bytes.splice(start as usize..stop, new);
            return Ok(());
        }
        if new.len() != count {
            drop(bytes);
            let msg = format!("attempt to assign bytes of size {} to extended slice of size {count}", new.len());
            return Err(vm.value_error(msg));
        }
        for (k, b) in new.into_iter().enumerate() {
            bytes[(start + k as i64 * step) as usize] = b;
        }
        return Ok(());
    }
    // The value is converted before the index is checked: its `__index__`
    // may resize the bytearray (CPython's gh-91153).
    let i = index_arg(vm, key, "bytearray")?;
    let b = byte_value(vm, value, false)?;
    let mut bytes = bytes_mut(vm, a)?;
    let len = bytes.len();
    match resolve(i, len).and_then(|i| bytes.get_mut(i)) {
        Some(slot) => {
            *slot = b;
            Ok(())
        }
        None => {
            drop(bytes);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

/// `del ba[key]`.
pub fn del_item(vm: &mut Vm, ba: &Value, key: &Value) -> PyResult<()> {
    let a = as_bytearray(ba).expect("a bytearray");
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, a.len())?;
        let mut bytes = if count == 0 { bytes_mut(vm, a)? } else { bytes_resize(vm, a)? };
        let mut doomed = vec![false; bytes.len()];
        for k in 0..count as i64 {
            doomed[(start + k * step) as usize] = true;
        }
        let mut flags = doomed.into_iter();
        bytes.retain(|_| !flags.next().unwrap_or(false));
        return Ok(());
    }
    let i = index_arg(vm, key, "bytearray")?;
    let mut bytes = bytes_resize(vm, a)?;
    match resolve(i, bytes.len()) {
        Some(i) => {
            bytes.remove(i);
            Ok(())
        }
        None => {
            drop(bytes);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

// ----- constructors ------------------------------------------------------

/// A `str` argument of a constructor or method, by name
/// (`bytes() argument 'encoding' must be str, not int`).
pub fn text_arg(vm: &mut Vm, fname: &str, name: &str, v: Option<&Value>) -> PyResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    match as_str_data(v) {
        Some(d) => Ok(Some(String::from_utf8_lossy(d.bytes()).into_owned())),
        None => {
            let msg = format!("{fname}() argument '{name}' must be str, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `s.encode(encoding, errors)` for a `str` value `s`.
pub fn encode_str(vm: &mut Vm, s: &Value, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    crate::builtins::codecs::encode_str(vm, s, encoding, errors)
}

/// The zeroed bytes of `bytes(n)`: `None` when `x` has no `__index__`.
fn count_bytes(vm: &mut Vm, x: &Value) -> PyResult<Option<Vec<u8>>> {
    // An `__index__` that raises TypeError makes `x` a buffer or an
    // iterable after all (CPython's fall-through, bpo-29159).
    let n = match ops::index(vm, x) {
        Ok(Some(n)) => n,
        Ok(None) => return Ok(None),
        Err(e) if vm.type_of(&e.exception).is_subtype(&TYPE_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    let n = match int_of(&n) {
        Some(Int::Small(n)) => n,
        Some(Int::Big(b)) if i64::try_from(b).is_ok() => i64::try_from(b).unwrap_or(i64::MAX),
        _ => {
            let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_of(x).name());
            return Err(vm.error(&OVERFLOW_ERROR, msg));
        }
    };
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let mut out = with_capacity(vm, n as usize)?;
    out.resize(n as usize, 0);
    Ok(Some(out))
}

/// The bytes of an iterable of ints (`what` names the type being made in
/// "cannot convert 'X' object to bytes").
fn bytes_from_iterable(vm: &mut Vm, x: &Value, what: &str, plural: bool) -> PyResult<Vec<u8>> {
    let it = match ops::iter(vm, x) {
        Ok(it) => it,
        Err(e) if vm.type_of(&e.exception).is_subtype(&TYPE_ERROR) => {
            let msg = format!("cannot convert '{}' object to {what}", vm.type_of(x).name());
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = ops::next(vm, &it)? {
        out.push(byte_value(vm, &item, plural)?);
    }
    Ok(out)
}

/// CPython's `PyObject_Bytes`: a class's `__bytes__`, a bytes-like
/// object's bytes, or an iterable of ints (a str or an int is refused:
/// "cannot convert 'int' object to bytes").
pub fn bytes_of_object(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_buffer(x) {
        return Ok(b.to_vec());
    }
    // A class's `__bytes__`, or a built-in one's (a weakref proxy's).
    {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, x, "__bytes__", &[])? {
            return match as_bytes(&r) {
                Some(b) => Ok(b.to_vec()),
                None => {
                    let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_of(&r).name());
                    Err(vm.type_error(msg))
                }
            };
        }
    }
    if as_str_data(x).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    bytes_from_iterable(vm, x, "bytes", true)
}

/// `bytes(source=b'', encoding=None, errors=None)` (CPython's `bytes_new`).
pub fn bytes_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [source, encoding, errors] =
        crate::builtins::str_methods::bind(vm, "bytes", ["source", "encoding", "errors"], args, kwnames)?;
    let encoding = text_arg(vm, "bytes", "encoding", encoding)?;
    let errors = text_arg(vm, "bytes", "errors", errors)?;
    let Some(x) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(new_bytes(Vec::new()));
    };
    let is_str = as_str_data(x).is_some();
    if encoding.is_some() || errors.is_some() {
        if !is_str {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        return Ok(new_bytes(encode_str(vm, x, encoding.as_deref(), errors.as_deref())?));
    }
    // A class's `__bytes__`, or a built-in one's (a weakref proxy's).
    {
        if let Some(r) = crate::builtins::classes::call_dunder(vm, x, "__bytes__", &[])? {
            if as_bytes(&r).is_none() {
                let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_of(&r).name());
                return Err(vm.type_error(msg));
            }
            return Ok(r);
        }
    }
    if is_str {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Some(out) = count_bytes(vm, x)? {
        return Ok(new_bytes(out));
    }
    if std::ptr::eq(vm.type_of(x), &BYTES_TYPE) {
        return Ok(x.clone());
    }
    if let Some(b) = as_buffer(x) {
        let out = b.to_vec();
        drop(b);
        return Ok(new_bytes(out));
    }
    Ok(new_bytes(bytes_from_iterable(vm, x, "bytes", true)?))
}

/// `bytearray.__init__(self, source=b'', encoding=None, errors=None)`:
/// the bytearray becomes the bytes `bytes()` would make, with `bytearray`'s
/// messages (CPython's `bytearray___init___impl`).
pub fn bytearray_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [source, encoding, errors] =
        crate::builtins::str_methods::bind(vm, "bytearray", ["source", "encoding", "errors"], args, kwnames)?;
    let encoding = text_arg(vm, "bytearray", "encoding", encoding)?;
    let errors = text_arg(vm, "bytearray", "errors", errors)?;
    let a = as_bytearray(this).expect("bytearray.__init__ on a bytearray");
    bytes_resize(vm, a)?.clear();
    let without = |vm: &mut Vm| {
        let what = if encoding.is_some() { "encoding" } else { "errors" };
        vm.type_error(format!("{what} without a string argument"))
    };
    let Some(x) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(without(vm));
        }
        return Ok(vm.none());
    };
    let new = if as_str_data(x).is_some() {
        if encoding.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        encode_str(vm, x, encoding.as_deref(), errors.as_deref())?
    } else if encoding.is_some() || errors.is_some() {
        return Err(without(vm));
    } else if let Some(out) = count_bytes(vm, x)? {
        out
    } else if let Some(b) = as_buffer(x) {
        b.to_vec()
    } else {
        bytes_from_iterable(vm, x, "bytearray", false)?
    };
    *bytes_resize(vm, a)? = new;
    Ok(vm.none())
}

/// The method table entry `__bytes__` of `bytes`: the value as exact bytes.
pub const DUNDER_BYTES: MethodDef = MethodDef {
    name: "__bytes__",
    func: |vm, this, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "bytes.__bytes__", kwnames)?;
        if !args.is_empty() {
            return Err(vm.type_error(format!("bytes.__bytes__() takes no arguments ({} given)", args.len())));
        }
        if std::ptr::eq(vm.type_of(this), &BYTES_TYPE) {
            return Ok(this.clone());
        }
        Ok(new_bytes(as_bytes(this).expect("a bytes method on bytes").to_vec()))
    },
};
