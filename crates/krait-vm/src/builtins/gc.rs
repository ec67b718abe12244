//! The `gc` module, PROVISIONAL: its interface without the cycle collector,
//! which does not exist yet (`types.rs`). It is here so that programs and
//! CPython's own tests that import `gc` load.
//!
//! Invariants:
//! - Objects Krait frees are freed by reference counting alone; a cycle is
//!   never collected. `collect()` therefore finds nothing and returns 0,
//!   `get_count()` is (0, 0, 0), `garbage` stays empty and `callbacks` are
//!   never called.
//! - The settings CPython keeps (enabled, thresholds, debug flags, the
//!   frozen count) are kept and read back, with CPython's defaults.
//! - What needs the collector's view of the heap (`get_objects`,
//!   `get_referrers`, `get_referents`) raises NotImplementedError.

use std::cell::Cell;

use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::builtins::function::{new_module, no_keywords};
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLDS: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
    static DEBUG: Cell<i64> = const { Cell::new(0) };
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::builtins::str_methods::ssize_arg(vm, v)
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [generation] = crate::builtins::itertools::bind(vm, "collect", args, kwnames, ["generation"], 1, 0)?;
    if let Some(g) = generation {
        let g = int_arg(vm, &g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    // What the collector would also do: run the finalizers and weakref
    // callbacks that are due. It finds no cycles (there is no collector).
    // The method cache lets go of look-ups made stale by class changes
    // (a method deleted from its class dies here, as in CPython, whose
    // cache holds no references).
    crate::builtins::classes::release_stale_method_cache();
    crate::finalize::run_pending(vm);
    Ok(new_int(0))
}

fn set_threshold(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "set_threshold", kwnames)?;
    if args.is_empty() || args.len() > 3 {
        let msg = format!("set_threshold() takes at {} argument ({} given)", if args.is_empty() { "least 1" } else { "most 3" }, args.len());
        return Err(vm.type_error(msg));
    }
    let (_, mut t1, mut t2) = THRESHOLDS.with(Cell::get);
    let t0 = int_arg(vm, &args[0])?;
    if let Some(v) = args.get(1) {
        t1 = int_arg(vm, v)?;
    }
    if let Some(v) = args.get(2) {
        t2 = int_arg(vm, v)?;
    }
    THRESHOLDS.with(|t| t.set((t0, t1, t2)));
    Ok(none())
}

fn set_debug(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "set_debug", kwnames)?;
    let [flags] = args else {
        return Err(vm.type_error(format!("set_debug() takes exactly one argument ({} given)", args.len())));
    };
    let flags = int_arg(vm, flags)?;
    DEBUG.with(|d| d.set(flags));
    Ok(none())
}

/// `is_tracked(obj)`: whether CPython's collector would track `obj`:
/// not the atomic built-ins (numbers, strings, bytes, None, bools).
fn is_tracked(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "is_tracked", kwnames)?;
    let [obj] = args else {
        return Err(vm.type_error(format!("is_tracked() takes exactly one argument ({} given)", args.len())));
    };
    use crate::builtins::{bytes, complex, float, int, str as str_mod};
    let ty = vm.type_of(obj);
    let atomic = [&int::INT_TYPE, &float::FLOAT_TYPE, &complex::COMPLEX_TYPE, &str_mod::STR_TYPE, &bytes::BYTES_TYPE]
        .iter()
        .any(|t| std::ptr::eq(ty, *t))
        || crate::builtins::singletons::is_none(obj)
        || crate::builtins::singletons::as_bool(obj).is_some();
    Ok(vm.bool(!atomic))
}

fn needs_collector(vm: &mut Vm, name: &str) -> PyResult<Value> {
    Err(vm.error(&NOT_IMPLEMENTED_ERROR, format!("gc.{name}() needs the cycle collector, which Krait does not have yet")))
}

pub fn new_gc_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "The cycle collector's interface. PROVISIONAL in Krait: its settings are kept, but no\ncollector runs yet, so collect() frees what reference counting left to finalize and\nfinds no cycles.";
    let functions: [(&'static str, crate::types::CallFn); 17] = [
        ("enable", |vm, _, a, k| {
            no_args(vm, "enable", a, k)?;
            ENABLED.with(|e| e.set(true));
            Ok(none())
        }),
        ("disable", |vm, _, a, k| {
            no_args(vm, "disable", a, k)?;
            ENABLED.with(|e| e.set(false));
            Ok(none())
        }),
        ("isenabled", |vm, _, a, k| {
            no_args(vm, "isenabled", a, k)?;
            Ok(vm.bool(ENABLED.with(Cell::get)))
        }),
        ("collect", collect),
        ("get_count", |vm, _, a, k| {
            no_args(vm, "get_count", a, k)?;
            Ok(new_tuple(vec![new_int(0), new_int(0), new_int(0)]))
        }),
        ("get_threshold", |vm, _, a, k| {
            no_args(vm, "get_threshold", a, k)?;
            let (t0, t1, t2) = THRESHOLDS.with(Cell::get);
            Ok(new_tuple(vec![new_int(t0), new_int(t1), new_int(t2)]))
        }),
        ("set_threshold", set_threshold),
        ("get_debug", |vm, _, a, k| {
            no_args(vm, "get_debug", a, k)?;
            Ok(new_int(DEBUG.with(Cell::get)))
        }),
        ("set_debug", set_debug),
        ("get_stats", |vm, _, a, k| {
            no_args(vm, "get_stats", a, k)?;
            let mut stats = Vec::new();
            for _ in 0..3 {
                let d = crate::builtins::dict::new_dict();
                let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
                for key in ["collections", "collected", "uncollectable"] {
                    dd.set(vm, new_str(key), new_int(0))?;
                }
                stats.push(d);
            }
            Ok(new_list(stats))
        }),
        ("is_tracked", is_tracked),
        ("is_finalized", |vm, _, a, k| {
            no_keywords(vm, "is_finalized", k)?;
            if a.len() != 1 {
                return Err(vm.type_error(format!("is_finalized() takes exactly one argument ({} given)", a.len())));
            }
            Ok(vm.bool(false))
        }),
        ("freeze", |vm, _, a, k| {
            no_args(vm, "freeze", a, k)?;
            Ok(none())
        }),
        ("unfreeze", |vm, _, a, k| {
            no_args(vm, "unfreeze", a, k)?;
            Ok(none())
        }),
        ("get_freeze_count", |vm, _, a, k| {
            no_args(vm, "get_freeze_count", a, k)?;
            Ok(new_int(0))
        }),
        ("get_objects", |vm, _, _, _| needs_collector(vm, "get_objects")),
        ("get_referrers", |vm, _, _, _| needs_collector(vm, "get_referrers")),
    ];
    let d = crate::builtins::function::native_module_dict(vm, "gc", DOC, &functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    let referents: crate::types::CallFn = |vm, _, _, _| needs_collector(vm, "get_referents");
    dd.set(vm, new_str("get_referents"), crate::builtins::function::new_builtin("get_referents", referents))?;
    dd.set(vm, new_str("garbage"), new_list(Vec::new()))?;
    dd.set(vm, new_str("callbacks"), new_list(Vec::new()))?;
    for (name, value) in
        [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)]
    {
        dd.set(vm, new_str(name), new_int(value))?;
    }
    Ok(new_module("gc", d))
}
