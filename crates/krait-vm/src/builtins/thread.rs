//! The `_thread` module: locks, re-entrant locks, thread identity and
//! thread-local data for Krait's one thread (CPython's
//! `Modules/_threadmodule.c`).
//!
//! Invariants:
//! - Krait runs one thread, so a lock never waits for another thread: an
//!   acquire that could only succeed after another thread released the
//!   lock either fails at once (non-blocking), fails after sleeping its
//!   timeout (as it would time out in CPython), or raises
//!   NotImplementedError instead of hanging forever.
//! - Starting a thread raises NotImplementedError naming it.

use std::cell::Cell;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{NOT_IMPLEMENTED_ERROR, RUNTIME_ERROR};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{type_value, MethodDef, Slot, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `threading.TIMEOUT_MAX`.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The identity of Krait's one thread (`get_ident()`).
pub(crate) fn ident() -> i64 {
    // The process id keeps it stable for the run and distinct between
    // processes, as a thread's address is in CPython.
    i64::from(std::process::id()) << 12 | 0x700
}

pub struct LockData {
    locked: Cell<bool>,
}

pub struct RLockData {
    /// The owner's ident, 0 when not held.
    owner: Cell<i64>,
    count: Cell<u64>,
}

pub static LOCK_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let state = if lock_of(v).locked.get() { "locked" } else { "unlocked" };
        Ok(new_str(&format!("<{state} _thread.lock object at {:#x}>", v.bits() & ((1 << 48) - 1))))
    }),
    methods: &[
        MethodDef { name: "acquire", func: lock_acquire },
        MethodDef { name: "acquire_lock", func: lock_acquire },
        MethodDef { name: "__enter__", func: lock_acquire },
        MethodDef { name: "release", func: lock_release },
        MethodDef { name: "release_lock", func: lock_release },
        MethodDef { name: "__exit__", func: |vm, this, _, _| lock_release(vm, this, &[], &[]) },
        MethodDef { name: "locked", func: |vm, this, _, _| Ok(vm.bool(lock_of(this).locked.get())) },
        MethodDef { name: "locked_lock", func: |vm, this, _, _| Ok(vm.bool(lock_of(this).locked.get())) },
    ],
    ..TypeObject::builtin("_thread.lock", Some(&OBJECT_TYPE), dealloc_lock, crate::types::trace_nothing)
};

pub static RLOCK_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let r = rlock_of(v);
        let state = if r.count.get() > 0 { "locked" } else { "unlocked" };
        Ok(new_str(&format!(
            "<{state} _thread.RLock object owner={} count={} at {:#x}>",
            r.owner.get(),
            r.count.get(),
            v.bits() & ((1 << 48) - 1)
        )))
    }),
    new: Some(|vm, cls, _, _| {
        let _ = vm;
        Ok(Value::from_owned(alloc(cls, RLockData { owner: Cell::new(0), count: Cell::new(0) })))
    }),
    methods: &[
        MethodDef { name: "acquire", func: rlock_acquire },
        MethodDef { name: "__enter__", func: rlock_acquire },
        MethodDef { name: "release", func: rlock_release },
        MethodDef { name: "__exit__", func: |vm, this, _, _| rlock_release(vm, this, &[], &[]) },
        MethodDef { name: "_is_owned", func: |vm, this, _, _| {
            let r = rlock_of(this);
            Ok(vm.bool(r.count.get() > 0 && r.owner.get() == ident()))
        } },
        MethodDef { name: "_recursion_count", func: |_, this, _, _| {
            let r = rlock_of(this);
            Ok(new_int(if r.owner.get() == ident() { r.count.get() as i64 } else { 0 }))
        } },
        MethodDef { name: "_release_save", func: |vm, this, _, _| {
            let r = rlock_of(this);
            if r.count.get() == 0 {
                return Err(vm.error(&RUNTIME_ERROR, "cannot release un-acquired lock"));
            }
            let state = crate::builtins::tuple::new_tuple(vec![new_int(r.count.get() as i64), new_int(r.owner.get())]);
            r.count.set(0);
            r.owner.set(0);
            Ok(state)
        } },
        MethodDef { name: "_acquire_restore", func: |vm, this, args, _| {
            let r = rlock_of(this);
            let items = args.first().and_then(crate::builtins::tuple::as_tuple).map(|t| t.items.clone()).unwrap_or_default();
            let small = |v: Option<&Value>| match v.and_then(int_of) {
                Some(Int::Small(i)) => Some(i),
                _ => None,
            };
            let (Some(count), Some(owner)) = (small(items.first()), small(items.get(1))) else {
                return Err(vm.type_error("_acquire_restore() argument must be (count, owner)"));
            };
            r.count.set(count.max(0) as u64);
            r.owner.set(owner);
            Ok(vm.none())
        } },
    ],
    ..TypeObject::builtin("_thread.RLock", Some(&OBJECT_TYPE), dealloc_rlock, crate::types::trace_nothing)
};

fn lock_of(v: &Value) -> &LockData {
    // SAFETY: objects of LOCK_TYPE are Obj<LockData>.
    unsafe { v.as_object().expect("a lock").data::<LockData>() }
}

fn rlock_of(v: &Value) -> &RLockData {
    // SAFETY: objects of RLOCK_TYPE are Obj<RLockData>.
    unsafe { v.as_object().expect("an RLock").data::<RLockData>() }
}

unsafe fn dealloc_lock(p: ObjPtr) {
    // SAFETY: objects of LOCK_TYPE are Obj<LockData>.
    unsafe { dealloc_boxed::<LockData>(p) }
}

unsafe fn dealloc_rlock(p: ObjPtr) {
    // SAFETY: objects of RLOCK_TYPE are Obj<RLockData>.
    unsafe { dealloc_boxed::<RLockData>(p) }
}

pub fn new_lock() -> Value {
    Value::from_owned(alloc(&LOCK_TYPE, LockData { locked: Cell::new(false) }))
}

/// `acquire(blocking=True, timeout=-1)`'s arguments: (blocking, timeout).
fn acquire_args(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<(bool, f64)> {
    let npos = args.len() - kwnames.len();
    let mut blocking = args[..npos].first().cloned();
    let mut timeout = args[..npos].get(1).cloned();
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match as_str(k) {
            Some("blocking") => blocking = Some(v.clone()),
            Some("timeout") => timeout = Some(v.clone()),
            _ => {
                let msg = format!("acquire() got an unexpected keyword argument '{}'", as_str(k).unwrap_or("?"));
                return Err(vm.type_error(msg));
            }
        }
    }
    let blocking = match blocking {
        Some(b) => crate::ops::truthy(vm, &b)?,
        None => true,
    };
    let timeout = match timeout {
        None => -1.0,
        Some(t) => match crate::builtins::float::float_of(&t) {
            Some(f) => f,
            None => match int_of(&t) {
                Some(i) => crate::builtins::float::int_to_f64(vm, &i)?,
                None => {
                    let msg = format!("'{}' object cannot be interpreted as an integer or float", vm.type_of(&t).name());
                    return Err(vm.type_error(msg));
                }
            },
        },
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok((blocking, timeout))
}

/// Waiting for a lock only another thread could release.
fn wait_in_vain(vm: &mut Vm, blocking: bool, timeout: f64) -> PyResult<Value> {
    if !blocking {
        return Ok(vm.bool(false));
    }
    if timeout >= 0.0 {
        std::thread::sleep(std::time::Duration::from_secs_f64(timeout));
        return Ok(vm.bool(false));
    }
    Err(vm.error(&NOT_IMPLEMENTED_ERROR, "waiting forever for a lock only another thread could release (threads)"))
}

fn lock_acquire(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (blocking, timeout) = acquire_args(vm, args, kwnames)?;
    let l = lock_of(this);
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(vm.bool(true));
    }
    wait_in_vain(vm, blocking, timeout)
}

fn lock_release(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let l = lock_of(this);
    if !l.locked.get() {
        return Err(vm.error(&RUNTIME_ERROR, "release unlocked lock"));
    }
    l.locked.set(false);
    Ok(vm.none())
}

fn rlock_acquire(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (blocking, timeout) = acquire_args(vm, args, kwnames)?;
    let r = rlock_of(this);
    if r.count.get() == 0 || r.owner.get() == ident() {
        r.owner.set(ident());
        r.count.set(r.count.get() + 1);
        return Ok(vm.bool(true));
    }
    wait_in_vain(vm, blocking, timeout)
}

fn rlock_release(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let r = rlock_of(this);
    if r.count.get() == 0 || r.owner.get() != ident() {
        return Err(vm.error(&RUNTIME_ERROR, "cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(vm.none())
}

/// The `_thread` module.
pub fn new_thread_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("LockType"), type_value(&LOCK_TYPE))?;
    dd.set(vm, new_str("RLock"), type_value(&RLOCK_TYPE))?;
    dd.set(vm, new_str("error"), type_value(&RUNTIME_ERROR))?;
    dd.set(vm, new_str("TIMEOUT_MAX"), Value::float(TIMEOUT_MAX))?;
    let functions: [(&'static str, crate::types::CallFn); 11] = [
        ("allocate_lock", |_, _, _, _| Ok(new_lock())),
        ("allocate", |_, _, _, _| Ok(new_lock())),
        ("_set_sentinel", |_, _, _, _| Ok(new_lock())),
        ("get_ident", |_, _, _, _| Ok(new_int(ident()))),
        ("get_native_id", |_, _, _, _| Ok(new_int(i64::from(std::process::id())))),
        ("_count", |_, _, _, _| Ok(new_int(0))),
        ("stack_size", |vm, _, args, _| match args.first().and_then(int_of) {
            None | Some(Int::Small(0)) => Ok(new_int(0)),
            Some(_) => Err(vm.error(&NOT_IMPLEMENTED_ERROR, "setting a thread stack size (threads)")),
        }),
        ("start_new_thread", |vm, _, _, _| Err(vm.error(&NOT_IMPLEMENTED_ERROR, "starting a thread (threads)"))),
        ("start_new", |vm, _, _, _| Err(vm.error(&NOT_IMPLEMENTED_ERROR, "starting a thread (threads)"))),
        ("exit", |_, _, _, _| Err(crate::vm::PyErr { exception: crate::builtins::exceptions::exception_with_args(&crate::builtins::exceptions::SYSTEM_EXIT, Vec::new()) })),
        ("interrupt_main", crate::builtins::signal::interrupt_main),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    let exit = dd.get_str(&new_str("exit")).expect("just set");
    dd.set(vm, new_str("exit_thread"), exit)?;
    // Thread-local data: with one thread, a plain attribute holder.
    let ns = new_dict();
    as_dict(&ns).expect("a dict").set(vm, new_str("__module__"), new_str("_thread"))?;
    let local = crate::builtins::classes::new_class(vm, &crate::types::TYPE_TYPE, "_local", &[], &ns, &[])?;
    dd.set(vm, new_str("_local"), local)?;
    Ok(new_module("_thread", d))
}
