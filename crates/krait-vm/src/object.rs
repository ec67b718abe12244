//! Heap objects: the header every one starts with, allocation, reference
//! counting and deallocation.
//!
//! Invariants:
//! - A heap object is an `Obj<T>`: `#[repr(C)]`, an `ObjHeader` first, its
//!   payload `T` after. An `ObjPtr` points at the header, so any object's
//!   count and type are read the same way whatever `T` is.
//! - The count is plain (non-atomic): one interpreter lock serialises all
//!   access, as in CPython. It counts the `Value`s (and other owning handles)
//!   that refer to the object; static objects start at `IMMORTAL` and are
//!   never freed.
//! - When the count reaches zero the object is freed at once through its
//!   type's `dealloc` slot, which drops the payload (and so releases every
//!   reference the payload holds). Frees nest at most `MAX_DEALLOC_DEPTH`
//!   deep; deeper ones wait in a queue drained by the outermost free (the
//!   role of CPython's "trashcan"), so releasing a million-deep nested list
//!   cannot overflow the Rust stack.
//!
//! This is one of the few modules with `unsafe` code; each block says why it
//! is sound.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use crate::types::TypeObject;

/// The count static objects are given: never reaches zero in practice.
pub const IMMORTAL: usize = usize::MAX / 2;

/// How deep frees may nest before they are queued.
const MAX_DEALLOC_DEPTH: u32 = 64;

/// The first field of every heap object.
#[repr(C)]
pub struct ObjHeader {
    refcnt: Cell<usize>,
    ty: Cell<*const TypeObject>,
}

impl ObjHeader {
    /// A header with one reference, of type `ty`.
    pub const fn new(ty: *const TypeObject) -> ObjHeader {
        ObjHeader { refcnt: Cell::new(1), ty: Cell::new(ty) }
    }

    /// A header for a static object.
    pub const fn immortal(ty: *const TypeObject) -> ObjHeader {
        ObjHeader { refcnt: Cell::new(IMMORTAL), ty: Cell::new(ty) }
    }
}

/// A heap object: header, then payload.
#[repr(C)]
pub struct Obj<T> {
    pub header: ObjHeader,
    pub data: T,
}

/// A static object (`None`, `True`, ...): an `Obj` that may live in a
/// `static`.
#[repr(transparent)]
pub struct StaticObj<T>(pub Obj<T>);

// SAFETY: static objects are only touched while holding the interpreter lock
// (one thread runs Python at a time); their `Cell` count is never accessed
// concurrently, and their payloads are immutable.
unsafe impl<T> Sync for StaticObj<T> {}

impl<T> StaticObj<T> {
    pub const fn new(ty: &'static TypeObject, data: T) -> StaticObj<T> {
        StaticObj(Obj { header: ObjHeader::immortal(ty), data })
    }

    pub fn ptr(&'static self) -> ObjPtr {
        ObjPtr::from_static(&self.0)
    }
}

/// A pointer to a live heap object's header. Copying it does not count a
/// reference: owning handles are `Value`s.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjPtr(NonNull<ObjHeader>);

impl ObjPtr {
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Rebuild a pointer from `addr`, which came from `ObjPtr::addr` of a
    /// live object.
    #[inline]
    pub(crate) fn from_addr(addr: usize) -> ObjPtr {
        // SAFETY: only `Value` calls this, with the payload of a pointer
        // value, which was made from a non-null `ObjPtr`.
        ObjPtr(unsafe { NonNull::new_unchecked(addr as *mut ObjHeader) })
    }

    /// A pointer to a static object.
    pub fn from_static<T>(obj: &'static Obj<T>) -> ObjPtr {
        ObjPtr(NonNull::from(&obj.header))
    }

    /// A pointer to a static type object.
    pub fn from_static_type(ty: &'static TypeObject) -> ObjPtr {
        ObjPtr(NonNull::from(&ty.header))
    }

    #[inline]
    fn header(&self) -> &ObjHeader {
        // SAFETY: an `ObjPtr` only exists for a live object (one with a
        // positive count), so its header is valid to read.
        unsafe { self.0.as_ref() }
    }

    /// The object's type.
    #[inline]
    pub fn type_ptr(self) -> *const TypeObject {
        self.header().ty.get()
    }

    /// The object's type, borrowed.
    #[inline]
    pub fn ty(&self) -> &TypeObject {
        // SAFETY: an object keeps its type alive (a reference is counted
        // for heap types; static types never die).
        unsafe { &*self.type_ptr() }
    }

    /// Change the object's type (`obj.__class__ = C`); the caller has
    /// checked the layouts are compatible and manages the types' counts.
    pub fn set_type(self, ty: *const TypeObject) {
        self.header().ty.set(ty);
    }

    #[inline]
    pub fn refcnt(self) -> usize {
        self.header().refcnt.get()
    }

    /// The payload, as a `T`.
    ///
    /// # Safety
    /// The object must have been allocated as an `Obj<T>` (its type's
    /// payload type is `T`).
    #[inline]
    pub unsafe fn data<'a, T>(self) -> &'a T {
        // SAFETY: the caller guarantees the layout; the object is live.
        unsafe { &(*(self.0.as_ptr() as *const Obj<T>)).data }
    }

    /// The payload, as a mutable `T`.
    ///
    /// # Safety
    /// The object must have been allocated as an `Obj<T>`, and nothing
    /// else may read or write the payload while the borrow lives (the
    /// caller holds the only reference to the object, for one).
    #[inline]
    pub unsafe fn data_mut<'a, T>(self) -> &'a mut T {
        // SAFETY: the caller guarantees the layout and exclusive access;
        // the object is live, allocated as a Box, so writable.
        unsafe { &mut (*(self.0.as_ptr() as *mut Obj<T>)).data }
    }
}

impl std::fmt::Debug for ObjPtr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjPtr({:#x})", self.addr())
    }
}

/// Allocate an object of type `ty` with `data`, holding one reference.
pub fn alloc<T>(ty: *const TypeObject, data: T) -> ObjPtr {
    let boxed = Box::new(Obj { header: ObjHeader::new(ty), data });
    ObjPtr(NonNull::from(&Box::leak(boxed).header))
}

/// The `dealloc` slot of a type whose payload is `T`: drop the payload and
/// free the memory.
///
/// # Safety
/// `p` must have been allocated by `alloc::<T>` and have no references left.
pub unsafe fn dealloc_boxed<T>(p: ObjPtr) {
    // SAFETY: per the contract, `p` is the header of a leaked `Box<Obj<T>>`
    // that nothing refers to any more.
    drop(unsafe { Box::from_raw(p.0.as_ptr() as *mut Obj<T>) });
}

#[inline]
pub(crate) fn incref(p: ObjPtr) {
    let h = p.header();
    h.refcnt.set(h.refcnt.get() + 1);
}

#[inline]
pub(crate) fn decref(p: ObjPtr) {
    let h = p.header();
    let n = h.refcnt.get() - 1;
    h.refcnt.set(n);
    if n == 0 {
        free(p);
    }
}

thread_local! {
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEALLOC_QUEUE: RefCell<Vec<ObjPtr>> = const { RefCell::new(Vec::new()) };
}

/// Free an object whose count reached zero (see the module's invariants).
#[cold]
fn free(p: ObjPtr) {
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= MAX_DEALLOC_DEPTH {
        DEALLOC_QUEUE.with(|q| q.borrow_mut().push(p));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    dealloc_now(p);
    if depth == 0 {
        // The outermost free drains what deeper ones queued.
        while let Some(next) = DEALLOC_QUEUE.with(|q| q.borrow_mut().pop()) {
            dealloc_now(next);
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

fn dealloc_now(p: ObjPtr) {
    let ty = p.ty();
    if ty.flags.get() & crate::types::tp_flags::HAS_DEL != 0 && crate::finalize::defer_del(p) {
        // Resurrected until its `__del__` has run.
        return;
    }
    let dealloc = ty.dealloc;
    // SAFETY: the count is zero, so nothing refers to `p`; its type's
    // `dealloc` matches how it was allocated.
    unsafe { dealloc(p) }
}
