//! `memoryview` over the bytes-like objects Krait has (`bytes`,
//! `bytearray`, their subclasses), one-dimensional, in the byte formats
//! `B`, `b` and `c` and the native integer formats (`h H i I l L q Q n
//! N`, reached by `cast`) (CPython's `Objects/memoryobject.c`, in
//! behaviour).
//!
//! Invariants:
//! - A view holds its exporter (`obj`, never another view: a view of a
//!   view shares the first one's exporter) and a window on its bytes: the
//!   offset of item 0, the item count and the stride in bytes (negative
//!   for reversed slices). An item is `format.size()` bytes, in native
//!   byte order.
//! - While a view of a bytearray is alive and not released, the bytearray
//!   counts it as an export and refuses to change size (BufferError), as
//!   in CPython; so the window stays inside the bytes. Release (explicit,
//!   by `with`, or when the view is freed) gives the export back, once.
//! - Every operation on a released view but `release()`, `repr` and `==`
//!   raises "operation forbidden on released memoryview object".

use std::cell::Cell;

use crate::builtins::bytes::{as_bytearray, as_bytes, new_bytes, Buffer};
use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::{bool_value, none};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{tp_flags, CompareOp, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// How an item's bytes read as a Python value.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    /// `B`: an int in 0..256.
    Unsigned,
    /// `b`: an int in -128..128.
    Signed,
    /// `c`: a bytes object of length one.
    Char,
    /// A native integer (`h H i I l L q Q n N`): its letter, its size in
    /// bytes, and whether it is signed.
    Int(&'static str, usize, bool),
}

/// An item as a value to compare (`c` items never equal int items).
#[derive(PartialEq)]
enum Item {
    Int(i128),
    Char(u8),
}

impl Format {
    fn letter(self) -> &'static str {
        match self {
            Format::Unsigned => "B",
            Format::Signed => "b",
            Format::Char => "c",
            Format::Int(letter, _, _) => letter,
        }
    }

    fn parse(text: &str) -> Option<Format> {
        // CPython accepts a leading '@' (native order and size).
        Some(match text.strip_prefix('@').unwrap_or(text) {
            "B" => Format::Unsigned,
            "b" => Format::Signed,
            "c" => Format::Char,
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
            _ => return None,
        })
    }

    /// The size of an item in bytes.
    fn size(self) -> usize {
        match self {
            Format::Int(_, size, _) => size,
            _ => 1,
        }
    }

    /// `B`, `b` or `c`: the formats a cast may start or end at.
    fn is_byte(self) -> bool {
        !matches!(self, Format::Int(..))
    }

    /// The item in `bytes` (`size()` of them, native order).
    fn item(self, bytes: &[u8]) -> Item {
        match self {
            Format::Unsigned => Item::Int(bytes[0] as i128),
            Format::Signed => Item::Int(bytes[0] as i8 as i128),
            Format::Char => Item::Char(bytes[0]),
            Format::Int(_, size, signed) => {
                let mut word = [0u8; 16];
                let fill = if signed && bytes[size - 1] & 0x80 != 0 { 0xFF } else { 0 };
                if cfg!(target_endian = "little") {
                    word[..size].copy_from_slice(bytes);
                    word[size..].fill(fill);
                    Item::Int(i128::from_le_bytes(word))
                } else {
                    word[16 - size..].copy_from_slice(bytes);
                    word[..16 - size].fill(fill);
                    Item::Int(i128::from_be_bytes(word))
                }
            }
        }
    }

    fn unpack(self, bytes: &[u8]) -> Value {
        match self.item(bytes) {
            Item::Char(b) => new_bytes(vec![b]),
            Item::Int(n) => match i64::try_from(n) {
                Ok(n) => new_int(n),
                Err(_) => crate::builtins::int::new_big(dashu_int::IBig::from(n)),
            },
        }
    }

    /// The bytes for `v`: CPython's "memoryview: invalid type for format"
    /// and "invalid value for format" errors otherwise.
    fn pack(self, vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
        let letter = self.letter();
        let invalid_value = |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{letter}'"));
        let invalid_type = |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{letter}'"));
        if self == Format::Char {
            return match as_bytes(v) {
                Some([b]) => Ok(vec![*b]),
                Some(_) => Err(invalid_value(vm)),
                None => Err(invalid_type(vm)),
            };
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

pub struct MemoryViewData {
    obj: Value,
    start: usize,
    len: usize,
    stride: isize,
    format: Format,
    /// The format was given with CPython's '@' (native) prefix, which
    /// `format` shows.
    native_prefix: bool,
    pub(crate) readonly: bool,
    released: Cell<bool>,
}

impl MemoryViewData {
    /// The byte offset of item `i` in the exporter.
    fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.stride) as usize
    }

    /// The view's bytes, copied (the caller checked it is not released).
    pub fn to_vec(&self) -> Vec<u8> {
        let whole = exporter_bytes(&self.obj);
        let size = self.format.size();
        let mut out = Vec::with_capacity(self.len * size);
        for i in 0..self.len {
            if let Some(item) = whole.get(self.offset(i)..self.offset(i) + size) {
                out.extend_from_slice(item);
            }
        }
        out
    }

    /// The items, unpacked.
    fn values(&self) -> Vec<Value> {
        self.to_vec().chunks(self.format.size()).map(|b| self.format.unpack(b)).collect()
    }

    fn is_contiguous(&self) -> bool {
        self.stride == self.format.size() as isize || self.len <= 1
    }
}

/// The bytes of a view's exporter, borrowed.
fn exporter_bytes(obj: &Value) -> Buffer<'_> {
    crate::builtins::bytes::as_buffer(obj).expect("a memoryview's exporter is bytes-like")
}

pub static MEMORYVIEW_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::SEQUENCE),
    repr: Slot::new(|_, v| {
        let m = view_of(v);
        let what = if m.released.get() { "released memory" } else { "memory" };
        Ok(new_str(&format!("<{what} at {:#x}>", v.bits() & ((1 << 48) - 1))))
    }),
    hash: Slot::new(view_hash),
    richcompare: Slot::new(view_richcompare),
    len: Slot::new(|vm, v| Ok(live(vm, v)?.len)),
    getitem: Slot::new(view_getitem),
    setitem: Slot::new(|vm, v, key, value| match value {
        Some(x) => set_item(vm, v, key, &x),
        None => del_item(vm, v),
    }),
    iter: Slot::new(|vm, v| {
        let list = crate::builtins::list::new_list(live(vm, v)?.values());
        ops::iter(vm, &list)
    }),
    new: Some(view_new),
    methods: &[
        MethodDef { name: "tobytes", func: tobytes },
        MethodDef { name: "tolist", func: tolist },
        MethodDef { name: "hex", func: hex },
        MethodDef { name: "release", func: release },
        MethodDef { name: "cast", func: cast },
        MethodDef { name: "toreadonly", func: toreadonly },
        MethodDef { name: "__enter__", func: enter },
        MethodDef { name: "__exit__", func: exit },
    ],
    getsets: &[
        GetSetDef { name: "obj", get: |vm, v| Ok(live(vm, v)?.obj.clone()), set: None, member: false },
        GetSetDef {
            name: "nbytes",
            get: |vm, v| live(vm, v).map(|m| new_int((m.len * m.format.size()) as i64)),
            set: None,
            member: false,
        },
        GetSetDef { name: "readonly", get: |vm, v| Ok(bool_value(live(vm, v)?.readonly)), set: None, member: false },
        GetSetDef { name: "itemsize", get: |vm, v| live(vm, v).map(|m| new_int(m.format.size() as i64)), set: None, member: false },
        GetSetDef {
            name: "format",
            get: |vm, v| {
                let m = live(vm, v)?;
                Ok(new_str(&format!("{}{}", if m.native_prefix { "@" } else { "" }, m.format.letter())))
            },
            set: None,
            member: false,
        },
        GetSetDef { name: "ndim", get: |vm, v| live(vm, v).map(|_| new_int(1)), set: None, member: false },
        GetSetDef {
            name: "shape",
            get: |vm, v| Ok(new_tuple(vec![new_int(live(vm, v)?.len as i64)])),
            set: None,
            member: false,
        },
        GetSetDef {
            name: "strides",
            get: |vm, v| Ok(new_tuple(vec![new_int(live(vm, v)?.stride as i64)])),
            set: None,
            member: false,
        },
        GetSetDef { name: "suboffsets", get: |vm, v| live(vm, v).map(|_| new_tuple(Vec::new())), set: None, member: false },
        GetSetDef { name: "c_contiguous", get: contiguous, set: None, member: false },
        GetSetDef { name: "f_contiguous", get: contiguous, set: None, member: false },
        GetSetDef { name: "contiguous", get: contiguous, set: None, member: false },
    ],
    ..TypeObject::builtin("memoryview", Some(&OBJECT_TYPE), dealloc_view, trace_view)
};

fn contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(vm, v)?.is_contiguous()))
}

unsafe fn dealloc_view(p: ObjPtr) {
    // SAFETY: memoryviews are Obj<MemoryViewData>.
    give_back(unsafe { p.data::<MemoryViewData>() });
    // SAFETY: memoryviews are allocated by `new_view` as Obj<MemoryViewData>.
    unsafe { dealloc_boxed::<MemoryViewData>(p) }
}

fn trace_view(p: ObjPtr, visit: Visit) {
    // SAFETY: memoryviews are Obj<MemoryViewData>.
    visit(&unsafe { p.data::<MemoryViewData>() }.obj);
}

/// A simple buffer request (`PyBUF_SIMPLE`, the `y*` argument of hashlib
/// and binascii): BufferError for a view whose items are not contiguous.
pub fn check_simple_buffer(vm: &mut Vm, v: &Value) -> PyResult<()> {
    match as_view(v) {
        Some(m) if !m.is_contiguous() => Err(vm.error(&crate::builtins::exceptions::BUFFER_ERROR, "memoryview: underlying buffer is not C-contiguous")),
        _ => Ok(()),
    }
}

pub fn as_view(v: &Value) -> Option<&MemoryViewData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `memoryview` are Obj<MemoryViewData>.
    std::ptr::eq(p.ty(), &MEMORYVIEW_TYPE).then(|| unsafe { p.data::<MemoryViewData>() })
}

fn view_of(v: &Value) -> &MemoryViewData {
    as_view(v).expect("a memoryview method on a memoryview")
}

/// The view, unless released.
fn live<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemoryViewData> {
    let m = view_of(v);
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

/// A new view, counted as an export of a bytearray exporter.
fn new_view(data: MemoryViewData) -> Value {
    if let Some(a) = as_bytearray(&data.obj) {
        a.exports.set(a.exports.get() + 1);
    }
    Value::from_owned(alloc(&MEMORYVIEW_TYPE, data))
}

/// Release the view's export, once.
fn give_back(m: &MemoryViewData) {
    if m.released.replace(true) {
        return;
    }
    if let Some(a) = as_bytearray(&m.obj) {
        a.exports.set(a.exports.get().saturating_sub(1));
    }
}

/// `memoryview(object)`.
fn view_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj] = crate::builtins::str_methods::bind(vm, "memoryview", ["object"], args, kwnames)?;
    let Some(obj) = obj else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    if as_view(obj).is_some() {
        let m = live(vm, obj)?;
        return Ok(new_view(m.clone()));
    }
    let (len, readonly) = match (as_bytes(obj), as_bytearray(obj)) {
        (Some(b), _) => (b.len(), true),
        (_, Some(a)) => (a.len(), false),
        _ => {
            let msg = format!("memoryview: a bytes-like object is required, not '{}'", vm.type_of(obj).name());
            return Err(vm.type_error(msg));
        }
    };
    Ok(new_view(MemoryViewData {
        obj: obj.clone(),
        start: 0,
        len,
        stride: 1,
        format: Format::Unsigned,
        native_prefix: false,
        readonly,
        released: Cell::new(false),
    }))
}

impl Clone for MemoryViewData {
    fn clone(&self) -> MemoryViewData {
        MemoryViewData { obj: self.obj.clone(), released: Cell::new(false), ..*self }
    }
}

/// `m[i]`, `m[i:j:k]` (a view of the same exporter).
fn view_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, m.len)?;
        let start = if count == 0 { m.start } else { m.offset(start as usize) };
        return Ok(new_view(MemoryViewData { start, len: count, stride: m.stride * step as isize, ..m.clone() }));
    }
    let i = item_index(vm, m, key)?;
    let size = m.format.size();
    let bytes = exporter_bytes(&m.obj).get(m.offset(i)..m.offset(i) + size).map(<[u8]>::to_vec);
    Ok(m.format.unpack(&bytes.unwrap_or_else(|| vec![0; size])))
}

/// An item's position from an index key.
fn item_index(vm: &mut Vm, m: &MemoryViewData, key: &Value) -> PyResult<usize> {
    if as_tuple_key(key) {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "multi-dimensional sub-views are not implemented"));
    }
    let Some(i) = ops::index(vm, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let i = match int_of(&i) {
        Some(Int::Small(n)) => n,
        _ => return Err(vm.index_error("index out of bounds on dimension 1")),
    };
    let i = if i < 0 { i + m.len as i64 } else { i };
    if i < 0 || i >= m.len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

fn as_tuple_key(key: &Value) -> bool {
    crate::builtins::tuple::as_tuple(key).is_some()
}

/// `m[key] = value`.
pub fn set_item(vm: &mut Vm, v: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let a = as_bytearray(&m.obj).expect("a writable view is of a bytearray");
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, m.len)?;
        let src = match (as_view(value), crate::builtins::bytes::as_buffer(value)) {
            (Some(_), _) => {
                let other = live(vm, value)?;
                if other.format != m.format {
                    return Err(vm.value_error(
                        "memoryview assignment: lvalue and rvalue have different structures",
                    ));
                }
                other.to_vec()
            }
            // A bytes-like object's items are 'B' ones.
            (None, Some(b)) if m.format == Format::Unsigned => b.to_vec(),
            (None, Some(_)) => {
                return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            _ => {
                let msg = format!("a bytes-like object is required, not '{}'", vm.type_of(value).name());
                return Err(vm.type_error(msg));
            }
        };
        let size = m.format.size();
        if src.len() != count * size {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut bytes = crate::builtins::bytes::bytes_mut(vm, a)?;
        for (k, item) in src.chunks(size).enumerate() {
            let at = m.offset(start as usize + k * step as usize);
            if let Some(slot) = bytes.get_mut(at..at + size) {
                slot.copy_from_slice(item);
            }
        }
        return Ok(());
    }
    let i = item_index(vm, m, key)?;
    let item = m.format.pack(vm, value)?;
    let mut bytes = crate::builtins::bytes::bytes_mut(vm, a)?;
    let at = m.offset(i);
    if let Some(slot) = bytes.get_mut(at..at + item.len()) {
        slot.copy_from_slice(&item);
    }
    Ok(())
}

/// `del m[key]`: never allowed.
pub fn del_item(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if live(vm, v)?.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

/// The bytes of a live view, for the bytes-like arguments of other types.
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = as_view(v)?;
    (!m.released.get()).then(|| m.to_vec())
}

/// A view equals another view or bytes-like object (format `B`) whose
/// items are equal one by one (CPython's `memory_richcompare`): a `c` item
/// (bytes) never equals a `B` or `b` one (an int).
fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let m = view_of(a);
    let (theirs, their_format, released) = match (as_view(b), crate::builtins::bytes::as_buffer(b)) {
        (Some(o), _) => (if o.released.get() { Vec::new() } else { o.to_vec() }, o.format, o.released.get()),
        (None, Some(buf)) => (buf.to_vec(), Format::Unsigned, false),
        (None, None) => return Ok(vm.not_implemented()),
    };
    let equal = if a.is(b) {
        true
    } else if m.released.get() || released {
        false
    } else {
        let mine = m.to_vec();
        let (xs, ys) = (mine.chunks(m.format.size()), theirs.chunks(their_format.size()));
        xs.len() == ys.len() && xs.zip(ys).all(|(x, y)| m.format.item(x) == their_format.item(y))
    };
    Ok(bool_value(equal == (op == CompareOp::Eq)))
}

/// Read-only views hash as their bytes do.
fn view_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let m = live(vm, v)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if m.format != Format::Unsigned && m.format != Format::Char && m.format != Format::Signed {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    Ok(crate::builtins::str::hash_buffer(&m.to_vec()))
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("memoryview.{name}() takes no arguments ({} given)", args.len())))
    }
}

/// `m.tobytes(order='C')`.
fn tobytes(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [order] = crate::builtins::str_methods::bind(vm, "tobytes", ["order"], args, kwnames)?;
    if let Some(o) = order.filter(|o| !crate::builtins::singletons::is_none(o)) {
        match as_str(o) {
            Some("C" | "F" | "A") => {}
            Some(_) => return Err(vm.value_error("order must be 'C', 'F' or 'A'")),
            None => {
                let msg = format!("tobytes() argument 'order' must be str or None, not {}", vm.type_of(o).name());
                return Err(vm.type_error(msg));
            }
        }
    }
    Ok(new_bytes(live(vm, this)?.to_vec()))
}

/// `m.tolist()`.
fn tolist(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "tolist", args, kwnames)?;
    let m = live(vm, this)?;
    Ok(crate::builtins::list::new_list(m.values()))
}

/// `m.hex(sep, bytes_per_sep)`: as `bytes.hex` of its bytes.
fn hex(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let bytes = new_bytes(live(vm, this)?.to_vec());
    crate::builtins::bytes_methods::hex(vm, &bytes, args, kwnames)
}

/// `m.release()`.
fn release(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "release", args, kwnames)?;
    give_back(view_of(this));
    Ok(none())
}

fn enter(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "__enter__", args, kwnames)?;
    live(vm, this)?;
    Ok(this.clone())
}

fn exit(vm: &mut Vm, this: &Value, _: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__exit__", kwnames)?;
    give_back(view_of(this));
    Ok(none())
}

/// `m.toreadonly()`.
fn toreadonly(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "toreadonly", args, kwnames)?;
    let m = live(vm, this)?;
    Ok(new_view(MemoryViewData { readonly: true, ..m.clone() }))
}

/// `m.cast(format[, shape])`, between the byte formats of a contiguous view.
fn cast(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [format, shape] = crate::builtins::str_methods::bind(vm, "cast", ["format", "shape"], args, kwnames)?;
    let m = live(vm, this)?;
    let Some(format) = format else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(text) = as_str(format) else {
        let msg = format!("cast() argument 'format' must be str, not {}", vm.type_of(format).name());
        return Err(vm.type_error(msg));
    };
    if !m.is_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let Some(new_format) = Format::parse(text) else {
        let msg = format!("memoryview.cast to format '{text}' (only the byte and native integer formats so far)");
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
    };
    if !m.format.is_byte() && !new_format.is_byte() {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.format.size();
    let size = new_format.size();
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = nbytes / size;
    if let Some(shape) = shape {
        let dims = ops::collect(vm, shape)?;
        let one_dim = dims.len() == 1 && int_of(&dims[0]).is_some_and(|n| matches!(n, Int::Small(k) if k == len as i64));
        if !one_dim {
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "memoryview.cast to a multi-dimensional shape"));
        }
    }
    let native_prefix = text.starts_with('@');
    Ok(new_view(MemoryViewData { format: new_format, native_prefix, len, stride: size as isize, ..m.clone() }))
}
