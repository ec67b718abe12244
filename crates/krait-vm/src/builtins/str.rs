//! `str`.
//!
//! Invariants:
//! - The payload is the string's code points in generalized UTF-8 (a lone
//!   surrogate takes UTF-8's three-byte form), the same encoding as
//!   `krait_syntax::pystr::PyString`; a string without surrogates is plain
//!   UTF-8.
//! - The hash is computed once and cached; it is SipHash-1-3 over the
//!   string's PEP 393 buffer (1, 2 or 4 bytes per code point), as CPython's.
//! - The key is random per process, or derived from `PYTHONHASHSEED` as
//!   CPython derives it, so hashes equal CPython's under the same seed.

use std::cell::Cell;
use std::hash::Hasher;
use std::sync::OnceLock;

use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{trace_nothing, CompareOp, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct StrData {
    /// Generalized UTF-8 (see the module invariants).
    bytes: Box<[u8]>,
    /// Number of code points.
    len: usize,
    /// The cached hash; -1 until computed.
    hash: Cell<i64>,
    /// For a non-ASCII string, the byte offset of every `CRUMB`-th code
    /// point, made on first indexing: code point to byte offset (and back)
    /// in O(1) plus a scan of at most `CRUMB` code points.
    crumbs: std::cell::OnceCell<Box<[usize]>>,
}

/// The spacing of `StrData::crumbs`.
const CRUMB: usize = 32;

impl StrData {
    fn crumbs(&self) -> &[usize] {
        self.crumbs.get_or_init(|| {
            let mut out = Vec::with_capacity(self.len / CRUMB + 1);
            let mut seen = 0;
            for (pos, &b) in self.bytes.iter().enumerate() {
                if b & 0xC0 != 0x80 {
                    if seen % CRUMB == 0 {
                        out.push(pos);
                    }
                    seen += 1;
                }
            }
            out.into_boxed_slice()
        })
    }

    /// The byte offset of code point `i` (the end for `i >= len`).
    pub fn offset_of(&self, i: usize) -> usize {
        if self.len == self.bytes.len() {
            return i.min(self.bytes.len());
        }
        if i >= self.len {
            return self.bytes.len();
        }
        let mut pos = self.crumbs()[i / CRUMB];
        let mut left = i % CRUMB;
        while left > 0 {
            pos += 1;
            while pos < self.bytes.len() && self.bytes[pos] & 0xC0 == 0x80 {
                pos += 1;
            }
            left -= 1;
        }
        pos
    }

    /// The code point index of byte offset `pos` (a code point boundary).
    pub fn index_of(&self, pos: usize) -> usize {
        if self.len == self.bytes.len() {
            return pos;
        }
        let crumbs = self.crumbs();
        let k = crumbs.partition_point(|&c| c <= pos).saturating_sub(1);
        let from = crumbs.get(k).copied().unwrap_or(0);
        k * CRUMB + self.bytes[from..pos].iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}

pub static STR_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(str_repr),
    // A subclass's instance becomes a plain str with its text.
    str: Slot::new(|vm, v| {
        if std::ptr::eq(vm.type_of(v), &STR_TYPE) {
            Ok(v.clone())
        } else {
            Ok(Value::from_owned(alloc(&STR_TYPE, as_str_data(v).expect("str slot on a str").copy())))
        }
    }),
    hash: Slot::new(str_hash),
    richcompare: Slot::new(str_richcompare),
    bool: Slot::new(|_, v| Ok(as_str_data(v).is_some_and(|d| d.len > 0))),
    len: Slot::new(|_, v| Ok(as_str_data(v).map_or(0, |d| d.len))),
    new: Some(crate::builtins::functions::str_new),
    number: Cell::new(&STR_NUMBER),
    concat: Slot::new(str_concat),
    repeat: Slot::new(str_repeat),
    getitem: Slot::new(str_getitem),
    contains: Slot::new(str_contains),
    methods: crate::builtins::str_methods::METHODS,
    static_methods: &[crate::types::MethodDef { name: "maketrans", func: crate::builtins::str_translate::maketrans }],
    iter: Slot::new(|_, v| Ok(str_iter(v))),
    ..TypeObject::builtin("str", Some(&OBJECT_TYPE), dealloc_str, trace_nothing)
};

/// An iterator over a string's code points: `str_ascii_iterator` for an
/// ASCII string, `str_iterator` otherwise, as CPython names them. The
/// string is NULL once the iterator is exhausted.
struct StrIter {
    s: std::cell::RefCell<Value>,
    /// Byte offset of the next code point.
    pos: Cell<usize>,
}

fn str_iter(v: &Value) -> Value {
    let ascii = as_str_data(v).is_some_and(|d| d.len == d.bytes.len());
    let ty = if ascii { &STR_ASCII_ITERATOR_TYPE } else { &STR_ITERATOR_TYPE };
    Value::from_owned(alloc(ty, StrIter { s: std::cell::RefCell::new(v.clone()), pos: Cell::new(0) }))
}

const STR_ITER_METHODS: &[crate::types::MethodDef] = &[
    crate::types::MethodDef { name: "__length_hint__", func: str_iter_length_hint },
    crate::types::MethodDef { name: "__reduce__", func: str_iter_reduce },
    crate::types::MethodDef { name: "__setstate__", func: str_iter_setstate },
];

static STR_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(str_iter_next),
    methods: STR_ITER_METHODS,
    ..TypeObject::builtin("str_iterator", Some(&OBJECT_TYPE), dealloc_str_iter, trace_str_iter)
};

static STR_ASCII_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(str_iter_next),
    methods: STR_ITER_METHODS,
    ..TypeObject::builtin("str_ascii_iterator", Some(&OBJECT_TYPE), dealloc_str_iter, trace_str_iter)
};

fn str_iter_data(v: &Value) -> &StrIter {
    // SAFETY: string iterators are Obj<StrIter>.
    unsafe { v.as_object().expect("an iterator").data::<StrIter>() }
}

fn str_iter_next(_: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = str_iter_data(v);
    let item = {
        let s = it.s.borrow();
        as_str_data(&s).and_then(|data| {
            let pos = it.pos.get();
            let lead = *data.bytes.get(pos)?;
            let end = (pos + seq_len(lead)).min(data.bytes.len());
            it.pos.set(end);
            Some(new_str_bytes(data.bytes[pos..end].into(), 1))
        })
    };
    if item.is_none() {
        drop(it.s.replace(Value::NULL));
    }
    Ok(item)
}

fn str_iter_length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__length_hint__", args, kwnames, 0)?;
    let it = str_iter_data(this);
    let s = it.s.borrow();
    let left = as_str_data(&s).map_or(0, |data| data.len - data.index_of(it.pos.get().min(data.bytes.len())));
    Ok(crate::builtins::iter_pickle::hint(left))
}

/// `it.__reduce__()`: `(iter, (s,), index)`, `(iter, ('',))` once exhausted.
fn str_iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
    let it = str_iter_data(this);
    let s = it.s.borrow().clone();
    let Some(data) = as_str_data(&s) else {
        return Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![new_str("")], None));
    };
    let index = data.index_of(it.pos.get().min(data.bytes.len()));
    Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![s.clone()], Some(crate::builtins::int::new_int(index as i64))))
}

/// `it.__setstate__(index)`: the next code point, clamped to the string.
fn str_iter_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__setstate__", args, kwnames, 1)?;
    let index = crate::builtins::iter_pickle::ssize_state(vm, &args[0])?;
    let it = str_iter_data(this);
    let s = it.s.borrow();
    if let Some(data) = as_str_data(&s) {
        let index = crate::builtins::iter_pickle::clamp_index(index, data.len);
        it.pos.set(data.offset_of(index));
    }
    Ok(crate::builtins::singletons::none())
}

unsafe fn dealloc_str_iter(p: ObjPtr) {
    // SAFETY: string iterators are allocated as Obj<StrIter>.
    unsafe { dealloc_boxed::<StrIter>(p) }
}

fn trace_str_iter(p: ObjPtr, visit: crate::types::Visit) {
    // SAFETY: string iterators are Obj<StrIter>.
    let s = unsafe { p.data::<StrIter>() }.s.borrow();
    if !s.is_null() {
        visit(&s);
    }
}

/// `str % values` (printf-style formatting).
static STR_NUMBER: crate::types::NumberSlots = crate::types::NumberSlots {
    binary: {
        use crate::types::BinOp;
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Remainder as usize] = Some(|vm, a, c| match as_str_data(a) {
            Some(fmt) => crate::builtins::percent::percent_format(vm, fmt, c),
            None => Ok(vm.not_implemented()),
        });
        b
    },
    ..crate::types::NumberSlots::EMPTY
};

/// `needle in s`: a substring test.
fn str_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let hay = as_str_data(v).expect("str slot on a str");
    let Some(needle) = as_str_data(item) else {
        let msg = format!("'in <string>' requires string as left operand, not {}", vm.type_of(item).name());
        return Err(vm.type_error(msg));
    };
    let (h, n) = (hay.bytes(), needle.bytes());
    Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n))
}

/// The byte length of the generalized UTF-8 sequence led by `lead` (the
/// lead byte gives it).
fn seq_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// `s[i]` and `s[i:j:k]`: ASCII strings index bytes directly; others by
/// their code points' byte ranges.
fn str_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let data = as_str_data(v).expect("str slot on a str");
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, data.len)?;
        if step == 1 || count <= 1 {
            let from = data.offset_of(start.max(0) as usize);
            let to = if count == 0 { from } else { data.offset_of(start as usize + count) };
            return Ok(new_str_bytes(data.bytes[from..to].into(), count));
        }
        let mut bytes = Vec::new();
        for k in 0..count as i64 {
            let at = data.offset_of((start + k * step) as usize);
            bytes.extend_from_slice(&data.bytes[at..at + seq_len(data.bytes[at])]);
        }
        return Ok(new_str_bytes(bytes.into(), count));
    }
    let Some(key) = crate::ops::index(vm, key)? else {
        let msg = format!("string indices must be integers, not '{}'", vm.type_of(key).name());
        return Err(vm.type_error(msg));
    };
    match crate::builtins::iter::normalize_index(vm, &key, data.len, "string")? {
        Some(i) => {
            let at = data.offset_of(i);
            Ok(new_str_bytes(data.bytes[at..at + seq_len(data.bytes[at])].into(), 1))
        }
        None => Err(vm.index_error("string index out of range")),
    }
}

unsafe fn dealloc_str(p: ObjPtr) {
    // SAFETY: every `str` object is allocated by `new_str_bytes` as Obj<StrData>.
    unsafe { dealloc_boxed::<StrData>(p) }
}

/// The interned string for `s`, if one was made.
pub fn interned(s: &str) -> Option<Value> {
    INTERNED.with(|t| t.borrow().get(s).cloned())
}

/// A new `str` from the front end's string (surrogates allowed).
pub fn new_str_from_pystring(s: &krait_syntax::pystr::PyString) -> Value {
    new_str_bytes(s.as_bytes().into(), s.len())
}

thread_local! {
    /// Interned strings: one object per text, so names compare by identity.
    /// Leaked: interned strings live as long as the process (dropping them
    /// at thread exit would free objects after the allocator's own
    /// thread-locals are gone).
    static INTERNED: &'static std::cell::RefCell<hashbrown::HashMap<Box<str>, Value>> =
        Box::leak(Box::new(std::cell::RefCell::new(hashbrown::HashMap::new())));
}

/// The interned `str` with text `s` (CPython's `PyUnicode_InternInPlace`):
/// code objects' names and identifier-like constants use it, so attribute
/// and global look-ups usually find their key by identity.
pub fn intern(s: &str) -> Value {
    if let Some(v) = INTERNED.with(|t| t.borrow().get(s).cloned()) {
        return v;
    }
    let v = new_str(s);
    INTERNED.with(|t| t.borrow_mut().insert(s.into(), v.clone()));
    v
}

/// `intern(s)` for a string literal, answered from a small per-thread
/// cache keyed by the literal's address and length, so hot native paths
/// (a class's `__len__`, `__hash__`, ... through its slots) do not hash
/// and compare the text on every call. Static text never changes, so an
/// address and length name one text for the process's life.
pub fn intern_static(s: &'static str) -> Value {
    const WAYS: usize = 64;
    thread_local! {
        static CACHE: std::cell::RefCell<[(usize, usize, Value); WAYS]> =
            std::cell::RefCell::new(std::array::from_fn(|_| (0, 0, Value::NULL)));
    }
    let addr = s.as_ptr() as usize;
    // Literals are packed byte by byte, so every bit of the address counts.
    let slot = (addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) as usize >> (usize::BITS - WAYS.trailing_zeros());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let e = &mut c[slot];
        if e.0 == addr && e.1 == s.len() {
            return e.2.clone();
        }
        let v = intern(s);
        *e = (addr, s.len(), v.clone());
        v
    })
}

/// `sys.intern(s)` for an exact str: the interned string equal to `s`,
/// which is `s` itself when none was interned before (a string with lone
/// surrogates is returned as it is).
pub fn intern_value(s: &Value) -> Value {
    let Some(text) = as_str(s) else {
        return s.clone();
    };
    if let Some(v) = INTERNED.with(|t| t.borrow().get(text).cloned()) {
        return v;
    }
    INTERNED.with(|t| t.borrow_mut().insert(text.into(), s.clone()));
    s.clone()
}

/// A new `str` from text.
pub fn new_str(s: &str) -> Value {
    new_str_bytes(s.as_bytes().into(), s.chars().count())
}

pub(crate) fn new_str_bytes(bytes: Box<[u8]>, len: usize) -> Value {
    Value::from_owned(alloc(&STR_TYPE, StrData::from_bytes(bytes, len)))
}

impl StrData {
    fn from_bytes(bytes: Box<[u8]>, len: usize) -> StrData {
        StrData { bytes, len, hash: Cell::new(-1), crumbs: std::cell::OnceCell::new() }
    }

    pub fn from_text(s: &str) -> StrData {
        StrData::from_bytes(s.as_bytes().into(), s.chars().count())
    }

    /// A payload with the same text.
    pub fn copy(&self) -> StrData {
        StrData::from_bytes(self.bytes.clone(), self.len)
    }
}

/// The concatenation of `str` values (`BUILD_STRING`, `str.join`): `None`
/// if one of them is not a `str`.
pub fn concat(parts: &[Value]) -> Option<Value> {
    let datas: Option<Vec<&StrData>> = parts.iter().map(as_str_data).collect();
    let datas = datas?;
    let mut bytes = Vec::with_capacity(datas.iter().map(|d| d.bytes.len()).sum());
    for d in &datas {
        bytes.extend_from_slice(&d.bytes);
    }
    Some(new_str_bytes(bytes.into(), datas.iter().map(|d| d.len).sum()))
}

/// `ascii(x)`'s escaping of a `repr`: code points above 0x7f as `\xhh`,
/// `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_escape(text: &StrData) -> Value {
    let mut out = String::with_capacity(text.bytes.len());
    for cp in text.code_points() {
        match cp {
            0..=0x7f => out.push(char::from(cp as u8)),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    new_str(&out)
}

/// The payload of a `str` (or subclass) value.
pub fn as_str_data(v: &Value) -> Option<&StrData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&STR_TYPE) {
        // SAFETY: `str` objects and those of its subclasses are Obj<StrData>.
        Some(unsafe { p.data::<StrData>() })
    } else {
        None
    }
}

/// The text of a `str` without surrogates.
pub fn as_str(v: &Value) -> Option<&str> {
    as_str_data(v).and_then(|d| std::str::from_utf8(&d.bytes).ok())
}

impl StrData {
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        krait_syntax::pystr::decode_code_points(&self.bytes)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The encoded text (generalized UTF-8).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

fn str_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = as_str_data(v).expect("str slot on a str");
    let s = krait_syntax::pystr::PyString::from_bytes(d.bytes.to_vec());
    Ok(new_str(&krait_syntax::repr::str_repr(&s)))
}

/// The per-process SipHash key (CPython's `_Py_HashSecret.siphash`): random,
/// or with `PYTHONHASHSEED=N` the first 16 of 24 bytes CPython's
/// `lcg_urandom(N)` makes (all zero for 0).
fn hash_key() -> (u64, u64) {
    static KEY: OnceLock<(u64, u64)> = OnceLock::new();
    *KEY.get_or_init(|| {
        let mut bytes = [0u8; 16];
        match crate::config::get().hash_seed {
            Some(seed) => {
                let mut x = seed;
                for b in bytes.iter_mut().take(if seed == 0 { 0 } else { 16 }) {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = (x >> 16) as u8;
                }
            }
            None => {
                if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
                    use std::io::Read;
                    let _ = f.read_exact(&mut bytes);
                }
            }
        }
        let k0 = u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default());
        let k1 = u64::from_le_bytes(bytes[8..].try_into().unwrap_or_default());
        (k0, k1)
    })
}

fn str_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(hash_of(as_str_data(v).expect("str slot on a str")))
}

/// A string's hash (computed once, then cached).
pub fn hash_of(d: &StrData) -> i64 {
    let cached = d.hash.get();
    if cached != -1 {
        return cached;
    }
    let h = if d.len == 0 {
        0
    } else {
        // The PEP 393 buffer: the narrowest width that holds every code point.
        let max = d.code_points().max().unwrap_or(0);
        let (k0, k1) = hash_key();
        let mut s = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
        for cp in d.code_points() {
            match max {
                0..=0xFF => s.write_u8(cp as u8),
                0x100..=0xFFFF => s.write(&(cp as u16).to_le_bytes()),
                _ => s.write(&cp.to_le_bytes()),
            }
        }
        let h = s.finish() as i64;
        if h == -1 {
            -2
        } else {
            h
        }
    };
    d.hash.set(h);
    h
}

/// CPython's `_Py_HashBytes`: SipHash-1-3 of a buffer with the process's
/// key, 0 for an empty one (what `hash_of` computes for a str whose code
/// points are all below 256, so equal texts hash alike).
pub(crate) fn hash_buffer(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let (k0, k1) = hash_key();
    let mut s = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    s.write(bytes);
    match s.finish() as i64 {
        -1 => -2,
        h => h,
    }
}

fn str_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_str_data(a), as_str_data(b)) else {
        return Ok(vm.not_implemented());
    };
    // Generalized UTF-8 orders like the code points it encodes.
    let ord = x.bytes.cmp(&y.bytes);
    let r = match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    };
    Ok(vm.bool(r))
}

/// `str + str` (CPython's `PyUnicode_Concat`).
fn str_concat(vm: &mut Vm, a: &Value, c: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_str_data(a), as_str_data(c)) else {
        let msg = format!("can only concatenate str (not \"{}\") to str", vm.type_of(c).name());
        return Err(vm.type_error(msg));
    };
    let mut bytes = Vec::with_capacity(x.bytes.len() + y.bytes.len());
    bytes.extend_from_slice(&x.bytes);
    bytes.extend_from_slice(&y.bytes);
    Ok(new_str_bytes(bytes.into(), x.len + y.len))
}

/// `str * n`.
fn str_repeat(vm: &mut Vm, a: &Value, count: usize) -> PyResult<Value> {
    let s = as_str_data(a).expect("str slot on a str");
    // CPython counts code points for the OverflowError; more UTF-8 bytes
    // than memory can hold is a MemoryError, as its allocation failing.
    if !matches!(s.len.checked_mul(count), Some(n) if n <= isize::MAX as usize) {
        return Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "repeated string is too long"));
    }
    let Some(total) = s.bytes.len().checked_mul(count).filter(|&t| t <= isize::MAX as usize) else {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    };
    if total == 0 {
        return Ok(new_str(""));
    }
    if count == 1 && std::ptr::eq(vm.type_of(a), &STR_TYPE) {
        return Ok(a.clone());
    }
    let mut bytes = Vec::new();
    if bytes.try_reserve_exact(total).is_err() {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    }
    for _ in 0..count {
        bytes.extend_from_slice(&s.bytes);
    }
    Ok(new_str_bytes(bytes.into(), s.len * count))
}
