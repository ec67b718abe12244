//! `memoryview` over the buffer exporters Krait has (`bytes`,
//! `bytearray`, `array.array`, their subclasses), one-dimensional or cast
//! to several dimensions (`dims.rs`), in the native single-character
//! formats (`format.rs`) (CPython's `Objects/memoryobject.c`, in
//! behaviour).
//!
//! Invariants:
//! - A view holds its exporter (`obj`, never another view: a view of a
//!   view shares the first one's exporter) and a window on its bytes: the
//!   offset of item 0, the item count and the stride in bytes (negative
//!   for reversed slices). An item is `format.size()` bytes, in native
//!   byte order.
//! - While a view of a bytearray or an array is alive and not released,
//!   the exporter counts it as an export and refuses to change size
//!   (BufferError), as in CPython; so the window stays inside the bytes. Release (explicit,
//!   by `with`, or when the view is freed) gives the export back, once.
//! - Every operation on a released view but `release()`, `repr` and `==`
//!   raises "operation forbidden on released memoryview object".

mod dims;
mod format;

use std::cell::{Cell, RefMut};

use crate::builtins::array::as_array;
use crate::builtins::bytes::{as_bytearray, as_bytes, new_bytes, Buffer};
use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use dims::Dims;
use format::Format;
use crate::builtins::singletons::{bool_value, none};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{tp_flags, CompareOp, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

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
    /// The hash once computed (-1 until then); a released view keeps it.
    hash: Cell<i64>,
    /// Weak references to the view exist (see `weakref`).
    pub(crate) weakly_referenced: Cell<bool>,
    /// The shape and strides of a view of two or more dimensions (see
    /// `dims`); None for one dimension.
    dims: Option<Box<Dims>>,
}

/// CPython's `PyBUF_MAX_NDIM`.
const NDIM_MAX: usize = 64;

impl MemoryViewData {
    /// The byte offset of item `i` in the exporter.
    fn offset(&self, i: usize) -> usize {
        match &self.dims {
            None => (self.start as isize + i as isize * self.stride) as usize,
            Some(d) => (self.start as isize + d.offset(i)) as usize,
        }
    }

    /// The extent of each dimension.
    fn shape(&self) -> Vec<usize> {
        self.dims.as_ref().map_or_else(|| vec![self.len], |d| d.shape.clone())
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
    fn values(&self, vm: &mut Vm) -> PyResult<Vec<Value>> {
        self.to_vec().chunks(self.format.size()).map(|b| self.format.unpack(vm, b)).collect()
    }

    fn is_contiguous(&self) -> bool {
        match &self.dims {
            None => self.stride == self.format.size() as isize || self.len <= 1,
            Some(d) => d.is_c_contiguous(self.format.size()),
        }
    }

    fn is_f_contiguous(&self) -> bool {
        match &self.dims {
            None => self.is_contiguous(),
            Some(d) => d.is_f_contiguous(self.format.size()),
        }
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
    len: Slot::new(|vm, v| Ok(live(vm, v)?.shape()[0])),
    getitem: Slot::new(view_getitem),
    setitem: Slot::new(|vm, v, key, value| match value {
        Some(x) => set_item(vm, v, key, &x),
        None => del_item(vm, v),
    }),
    iter: Slot::new(|vm, v| {
        if live(vm, v)?.dims.is_some() {
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "multi-dimensional sub-views are not implemented"));
        }
        let values = live(vm, v)?.values(vm)?;
        let list = crate::builtins::list::new_list(values);
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
        GetSetDef { name: "ndim", get: |vm, v| live(vm, v).map(|m| new_int(m.shape().len() as i64)), set: None, member: false },
        GetSetDef {
            name: "shape",
            get: |vm, v| Ok(dims::tuple_of(live(vm, v)?.shape().into_iter().map(|n| n as i64))),
            set: None,
            member: false,
        },
        GetSetDef {
            name: "strides",
            get: |vm, v| {
                let m = live(vm, v)?;
                Ok(match &m.dims {
                    None => dims::tuple_of(std::iter::once(m.stride as i64)),
                    Some(d) => dims::tuple_of(d.strides.iter().map(|&s| s as i64)),
                })
            },
            set: None,
            member: false,
        },
        GetSetDef { name: "suboffsets", get: |vm, v| live(vm, v).map(|_| new_tuple(Vec::new())), set: None, member: false },
        GetSetDef { name: "c_contiguous", get: contiguous, set: None, member: false },
        GetSetDef { name: "f_contiguous", get: |vm, v| Ok(bool_value(live(vm, v)?.is_f_contiguous())), set: None, member: false },
        GetSetDef {
            name: "contiguous",
            get: |vm, v| {
                let m = live(vm, v)?;
                Ok(bool_value(m.is_contiguous() || m.is_f_contiguous()))
            },
            set: None,
            member: false,
        },
    ],
    ..TypeObject::builtin("memoryview", Some(&OBJECT_TYPE), dealloc_view, trace_view)
};

fn contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(vm, v)?.is_contiguous()))
}

unsafe fn dealloc_view(p: ObjPtr) {
    // SAFETY: memoryviews are Obj<MemoryViewData>.
    let m = unsafe { p.data::<MemoryViewData>() };
    give_back(m);
    if m.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
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

/// The export count of a resizable exporter (bytearray, array).
fn exports_of(obj: &Value) -> Option<&Cell<usize>> {
    as_bytearray(obj).map(|a| &a.exports).or_else(|| as_array(obj).map(|a| &a.exports))
}

/// The exporter's bytes for writing (a writable view's exporter is a
/// bytearray or an array): BufferError if they are being read.
fn exporter_mut<'a>(vm: &mut Vm, obj: &'a Value) -> PyResult<RefMut<'a, Vec<u8>>> {
    if let Some(a) = as_bytearray(obj) {
        return crate::builtins::bytes::bytes_mut(vm, a);
    }
    let a = as_array(obj).expect("a writable view is of a bytearray or an array");
    a.data.try_borrow_mut().map_err(|_| vm.error(&crate::builtins::exceptions::BUFFER_ERROR, "the array is being read"))
}

/// A new view, counted as an export of a resizable exporter.
fn new_view(data: MemoryViewData) -> Value {
    if let Some(n) = exports_of(&data.obj) {
        n.set(n.get() + 1);
    }
    Value::from_owned(alloc(&MEMORYVIEW_TYPE, data))
}

/// Release the view's export, once.
fn give_back(m: &MemoryViewData) {
    if m.released.replace(true) {
        return;
    }
    if let Some(n) = exports_of(&m.obj) {
        n.set(n.get().saturating_sub(1));
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
    let (len, readonly, format) = if let Some(b) = as_bytes(obj) {
        (b.len(), true, Format::Unsigned)
    } else if let Some(a) = as_bytearray(obj) {
        (a.len(), false, Format::Unsigned)
    } else if let Some(a) = as_array(obj) {
        (a.len(), false, Format::of_typecode(a.code.0))
    } else {
        let msg = format!("memoryview: a bytes-like object is required, not '{}'", vm.type_of(obj).name());
        return Err(vm.type_error(msg));
    };
    Ok(new_view(MemoryViewData {
        obj: obj.clone(),
        start: 0,
        len,
        stride: format.size() as isize,
        format,
        native_prefix: false,
        readonly,
        released: Cell::new(false),
        hash: Cell::new(-1),
        weakly_referenced: Cell::new(false),
        dims: None,
    }))
}

impl Clone for MemoryViewData {
    /// A new view on the same window (not released, no hash, no weak
    /// references yet).
    fn clone(&self) -> MemoryViewData {
        MemoryViewData {
            obj: self.obj.clone(),
            start: self.start,
            len: self.len,
            stride: self.stride,
            format: self.format,
            native_prefix: self.native_prefix,
            readonly: self.readonly,
            released: Cell::new(false),
            hash: Cell::new(-1),
            weakly_referenced: Cell::new(false),
            dims: self.dims.clone(),
        }
    }
}

/// `m[i]`, `m[(i,)]`, `m[i:j:k]` (a view of the same exporter).
fn view_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        if let Some(d) = &m.dims {
            return Ok(new_view(dims::slice_first(vm, m, d, sl)?));
        }
        let (start, _, step, count) = sl.indices(vm, m.len)?;
        let start = if count == 0 { m.start } else { m.offset(start as usize) };
        return Ok(new_view(MemoryViewData { start, len: count, stride: m.stride * step as isize, ..m.clone() }));
    }
    let at = match &m.dims {
        Some(d) => dims::item_offset(vm, m, d, key, "multi-dimensional sub-views are not implemented")?,
        None => {
            let i = item_index(vm, v, key, "multi-dimensional slicing is not implemented")?;
            m.offset(i)
        }
    };
    // Converting the index may have run Python code that released the view.
    let m = live(vm, v)?;
    let size = m.format.size();
    let bytes = exporter_bytes(&m.obj).get(at..at + size).map(<[u8]>::to_vec);
    m.format.unpack(vm, &bytes.unwrap_or_else(|| vec![0; size]))
}

/// An item's position from an index key (an int, or a tuple of one int,
/// as CPython's `memory_subscript` takes them for one dimension);
/// `multislice` is the NotImplementedError for a tuple of slices.
fn item_index(vm: &mut Vm, v: &Value, key: &Value, multislice: &str) -> PyResult<usize> {
    let key = match crate::builtins::tuple::as_tuple(key) {
        Some(t) => {
            let items = t.items.as_slice();
            let slices = items.iter().filter(|k| crate::builtins::slice::as_slice(k).is_some()).count();
            if slices == items.len() && slices > 0 {
                return Err(vm.error(&NOT_IMPLEMENTED_ERROR, multislice));
            }
            if slices > 0 {
                return Err(vm.type_error("memoryview: invalid slice key"));
            }
            match items {
                [] => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "sub-views are not implemented")),
                [one] => one.clone(),
                _ => {
                    let msg = format!("cannot index 1-dimension view with {}-element tuple", items.len());
                    return Err(vm.type_error(msg));
                }
            }
        }
        None => key.clone(),
    };
    let Some(i) = ops::index(vm, &key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let len = live(vm, v)?.len as i64;
    let i = match int_of(&i) {
        Some(Int::Small(n)) => n,
        _ => return Err(vm.index_error("index out of bounds on dimension 1")),
    };
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(i as usize)
}

/// The format and bytes of the right side of a slice assignment.
fn source_of(vm: &mut Vm, value: &Value) -> PyResult<(Format, Vec<u8>)> {
    if as_view(value).is_some() {
        let other = live(vm, value)?;
        return Ok((other.format, other.to_vec()));
    }
    if let Some(a) = as_array(value) {
        return Ok((Format::of_typecode(a.code.0), a.data.borrow().clone()));
    }
    match crate::builtins::bytes::as_buffer(value) {
        Some(b) => Ok((Format::Unsigned, b.to_vec())),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_of(value).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `m[key] = value`.
pub fn set_item(vm: &mut Vm, v: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        if m.dims.is_some() {
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "memoryview slice assignments are currently restricted to ndim = 1"));
        }
        let (start, _, step, count) = sl.indices(vm, m.len)?;
        let (format, src) = source_of(vm, value)?;
        let m = live(vm, v)?;
        let size = m.format.size();
        if format.letter() != m.format.letter() || src.len() != count * size {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut bytes = exporter_mut(vm, &m.obj)?;
        for (k, item) in src.chunks(size).enumerate() {
            let at = m.offset((start + k as i64 * step) as usize);
            if let Some(slot) = bytes.get_mut(at..at + size) {
                slot.copy_from_slice(item);
            }
        }
        return Ok(());
    }
    let at = match &m.dims {
        Some(d) => dims::item_offset(vm, m, d, key, "sub-views are not implemented")?,
        None => {
            let i = item_index(vm, v, key, "memoryview slice assignments are currently restricted to ndim = 1")?;
            m.offset(i)
        }
    };
    let item = view_of(v).format.pack(vm, value)?;
    // Converting the key or the value may have released the view.
    let m = live(vm, v)?;
    let mut bytes = exporter_mut(vm, &m.obj)?;
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

/// Whether `v` is a writable buffer (the "w*" arguments of C functions):
/// a bytearray, an array, or a live writable memoryview.
pub fn is_writable_buffer(v: &Value) -> bool {
    match as_view(v) {
        Some(m) => !m.readonly && !m.released.get(),
        None => as_bytearray(v).is_some() || as_array(v).is_some(),
    }
}

/// Write `data` at byte `at` of writable buffer `v` (its raw bytes,
/// whatever a view's format, as C code writes a "w*" buffer); bytes past
/// its end are dropped. A view must be contiguous (BufferError).
pub fn write_buffer(vm: &mut Vm, v: &Value, at: usize, data: &[u8]) -> PyResult<()> {
    let (obj, start, len) = match as_view(v) {
        Some(_) => {
            let m = live(vm, v)?;
            if m.readonly {
                return Err(vm.type_error("cannot modify read-only memory"));
            }
            check_simple_buffer(vm, v)?;
            (&m.obj, m.start, m.len * m.format.size())
        }
        None => (v, 0, usize::MAX),
    };
    let mut bytes = exporter_mut(vm, obj)?;
    let end = bytes.len().min(start.saturating_add(len));
    let from = (start + at).min(end);
    let n = data.len().min(end - from);
    bytes[from..from + n].copy_from_slice(&data[..n]);
    Ok(())
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
    let (theirs, their_format, released, their_shape) = if let Some(o) = as_view(b) {
        (if o.released.get() { Vec::new() } else { o.to_vec() }, o.format, o.released.get(), o.shape())
    } else if let Some(arr) = as_array(b) {
        let format = Format::of_typecode(arr.code.0);
        let bytes = arr.data.borrow().clone();
        let n = bytes.len() / format.size();
        (bytes, format, false, vec![n])
    } else if let Some(buf) = crate::builtins::bytes::as_buffer(b) {
        let n = buf.len();
        (buf.to_vec(), Format::Unsigned, false, vec![n])
    } else {
        return Ok(vm.not_implemented());
    };
    let equal = if m.released.get() || released {
        a.is(b)
    } else {
        // Items compare by value (a NaN item makes even a view unequal to
        // itself); items that cannot be read make the views unequal.
        let mine = m.to_vec();
        let (xs, ys) = (mine.chunks(m.format.size()), theirs.chunks(their_format.size()));
        m.shape() == their_shape
            && xs.len() == ys.len()
            && xs.zip(ys).all(|(x, y)| match (m.format.item(x), their_format.item(y)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            })
            && m.format.readable()
            && their_format.readable()
    };
    Ok(bool_value(equal == (op == CompareOp::Eq)))
}

/// Read-only views hash as their bytes do.
fn view_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let cached = view_of(v).hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    let m = live(vm, v)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if m.format != Format::Unsigned && m.format != Format::Char && m.format != Format::Signed {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let hash = crate::builtins::str::hash_buffer(&m.to_vec());
    m.hash.set(hash);
    Ok(hash)
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
    let values = m.values(vm)?;
    Ok(match &m.dims {
        Some(d) => dims::tolist(values, &d.shape),
        None => crate::builtins::list::new_list(values),
    })
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

/// `m.cast(format[, shape])`, of a contiguous view, from or to a byte format.
fn cast(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [format, shape] = crate::builtins::str_methods::bind(vm, "cast", ["format", "shape"], args, kwnames)?;
    let m = live(vm, this)?;
    // The shape's own checks come first (CPython's `memoryview_cast_impl`).
    let shape = match shape {
        Some(s) => {
            let s = dims::shape_arg(vm, s)?;
            if m.dims.is_some() && s.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(s)
        }
        None => None,
    };
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
    let to_byte = matches!(text.strip_prefix('@').unwrap_or(text), "B" | "b" | "c");
    if !m.format.is_byte() && !to_byte {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let Some(new_format) = Format::parse(text) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let nbytes = m.len * m.format.size();
    let size = new_format.size();
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = nbytes / size;
    let native_prefix = text.starts_with('@');
    let dims = match shape {
        None => None,
        Some(shape) => {
            let product = shape.iter().try_fold(1usize, |acc, &n| acc.checked_mul(n));
            if product != Some(len) {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            match shape.len() {
                0 => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "memoryview.cast to a zero-dimensional view")),
                1 => None,
                _ => Some(Box::new(Dims::c_order(shape, size))),
            }
        }
    };
    Ok(new_view(MemoryViewData { format: new_format, native_prefix, len, stride: size as isize, dims, ..m.clone() }))
}
