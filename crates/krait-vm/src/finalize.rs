//! Python code that freeing an object calls for: `__del__` methods, the
//! closing of generators suspended inside `try`, weak reference callbacks.
//!
//! Invariants:
//! - Freeing runs inside `Drop`, where there is no interpreter to call
//!   Python with. So a free that needs Python code queues it here, and the
//!   evaluation loop runs the queue (`run_pending`) at the next instruction
//!   that deletes, stores a name, pops, returns or jumps back: before the
//!   program can observe the object's absence in any other way, so output
//!   comes in CPython's order.
//! - An object with a finalizer is resurrected when its count reaches zero
//!   (the queue holds the one reference) and freed when the queue lets it
//!   go after the finalizer ran, unless the finalizer stored it somewhere.
//! - `__del__` runs at most once per object (PEP 442): the addresses of
//!   objects whose `__del__` was queued are remembered until the object is
//!   really freed.
//! - Finalizer and callback exceptions are reported through
//!   `run::write_unraisable` and dropped.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};

use crate::object::ObjPtr;
use crate::value::Value;
use crate::vm::Vm;

/// A finalizer: the Python code to run for an object whose count reached
/// zero. It reports its own errors.
pub type FinalizeFn = fn(&mut Vm, &Value);

enum Pending {
    Finalize(Value, FinalizeFn),
    /// A weak reference whose referent died, and its callback.
    Callback(Value, Value),
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Objects whose `__del__` was queued, by address.
    static DEL_CALLED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

fn push(p: Pending) {
    // While the thread's locals are being destroyed (the queue itself
    // dropping what it still held) there is no queue and no interpreter:
    // the object is left unfreed, as CPython leaves what it cannot
    // finalize at exit, rather than freed a second time or panicking.
    let mut slot = Some(p);
    let queued = QUEUE
        .try_with(|q| match q.try_borrow_mut() {
            Ok(mut q) => {
                q.push_back(slot.take().expect("pushed once"));
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if let Some(p) = slot {
        std::mem::forget(p);
    }
    if queued {
        let _ = HAS_PENDING.try_with(|h| h.set(true));
    }
}

/// Object `p`, whose count just reached zero, needs `f` run before it is
/// freed: resurrect it into the queue.
pub fn defer(p: ObjPtr, f: FinalizeFn) {
    push(Pending::Finalize(Value::from_borrowed(p), f));
}

/// An instance of a class with `__del__` reached count zero: queue the
/// call and return true, or return false when `__del__` already ran for it
/// (it is to be freed now).
pub fn defer_del(p: ObjPtr) -> bool {
    // No set (the thread is ending): nothing runs `__del__` any more.
    let first = DEL_CALLED
        .try_with(|s| {
            let mut s = s.borrow_mut();
            if s.remove(&p.addr()) {
                false
            } else {
                s.insert(p.addr());
                true
            }
        })
        .unwrap_or(false);
    if first {
        defer(p, call_del);
    }
    first
}

/// A weak reference's referent died: queue its callback.
pub fn queue_callback(weakref: Value, callback: Value) {
    push(Pending::Callback(weakref, callback));
}

/// Is Python code waiting to run?
#[inline]
pub fn pending() -> bool {
    HAS_PENDING.with(|h| h.get())
}

/// Make the evaluation loop look at its next checking instruction: a
/// signal arrived (`signal::trip`, in a signal handler: the flag is a
/// plain thread-local byte, with nothing to initialise or drop).
pub fn wake() {
    HAS_PENDING.with(|h| h.set(true));
}

/// Run what frees queued, in order, including what running it queues.
pub fn run_pending(vm: &mut Vm) {
    HAS_PENDING.with(|h| h.set(false));
    while let Some(p) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        match p {
            Pending::Finalize(obj, f) => f(vm, &obj),
            Pending::Callback(w, cb) => {
                if let Err(e) = crate::eval::call(vm, &cb, std::slice::from_ref(&w), &[]) {
                    crate::run::write_unraisable(vm, &e, &cb);
                }
            }
        }
    }
    // A signal that arrived stays pending until a checking instruction
    // runs its handler (`signal::check_signals`).
    HAS_PENDING.with(|h| h.set(crate::builtins::signal::tripped()));
}

/// `obj.__del__()` (CPython's `slot_tp_finalize`): an error is reported
/// against the method.
fn call_del(vm: &mut Vm, obj: &Value) {
    let ty = vm.type_of_static(obj);
    let Some(del) = crate::builtins::classes::type_lookup(ty, &crate::builtins::str::intern("__del__")) else { return };
    // The exception being handled stays as it was (CPython saves and
    // restores it around the call).
    let result = match vm.type_of(&del).descr_get.get() {
        Some(get) => get(vm, &del, obj, ty).and_then(|m| crate::eval::call(vm, &m, &[], &[])),
        None => crate::eval::call(vm, &del, &[], &[]),
    };
    if let Err(e) = result {
        crate::run::write_unraisable(vm, &e, &del);
    }
}

/// Shutdown, before `__main__`'s globals are released: run the finalizers
/// of the objects reachable from them (`root`, the globals dict), in the
/// order a depth-first walk meets them, without entering other modules.
/// This is what CPython's collector does when `__main__` (a cycle through
/// its functions' `__globals__`) becomes garbage at exit: PEP 442 runs
/// every finalizer of the garbage before any reference is broken, so a
/// `__del__` or `finally` still sees the globals.
pub fn finalize_reachable(vm: &mut Vm, root: &Value, other_modules: &HashSet<usize>) {
    let mut seen: HashSet<usize> = HashSet::new();
    let mut found: Vec<(Value, FinalizeFn)> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(v) = stack.pop() {
        let Some(p) = v.as_object() else { continue };
        if !seen.insert(p.addr()) || other_modules.contains(&p.addr()) {
            continue;
        }
        let ty = p.ty();
        if std::ptr::eq(ty, &crate::builtins::function::MODULE_TYPE) {
            continue;
        }
        if ty.flags.get() & crate::types::tp_flags::HAS_DEL != 0 && DEL_CALLED.with(|s| s.borrow_mut().insert(p.addr())) {
            found.push((v.clone(), call_del));
        } else if crate::generator::needs_finalizing(&v) {
            found.push((v.clone(), crate::generator::finalize_generator));
        }
        let mut children = Vec::new();
        (ty.trace)(p, &mut |c| children.push(c.clone()));
        stack.extend(children.into_iter().rev());
    }
    for (obj, f) in found {
        f(vm, &obj);
        run_pending(vm);
    }
}
