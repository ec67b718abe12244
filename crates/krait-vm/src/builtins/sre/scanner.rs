//! `_sre.SRE_Scanner` (`pattern.scanner(string)`): successive matches or
//! searches over one subject, each starting where the last ended; the
//! engine under `finditer` and `re.Scanner`.
//!
//! Invariants:
//! - The subject is prepared once (decoded or copied) and kept with the
//!   state between calls; `done` is CPython's `state->start == NULL`,
//!   set by the first call that finds nothing.
//! - After an empty match the next one may not be empty at the same
//!   place (`must_advance`), so a scan always ends.

use std::cell::{Cell, RefCell};

use super::engine::State;
use super::pattern::{pattern_of, run_match, run_search, state_init};
use super::subject::Subject;
use super::match_obj;
use crate::builtins::singletons::none;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{GetSetDef, MethodDef, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ScannerData {
    pattern: Value,
    subject: Subject,
    state: RefCell<State>,
    done: Cell<bool>,
    executing: Cell<bool>,
}

pub static SCANNER_TYPE: TypeObject = TypeObject {
    methods: &[MethodDef { name: "match", func: scanner_match }, MethodDef { name: "search", func: scanner_search }],
    getsets: &[GetSetDef { name: "pattern", get: |_, v| Ok(scanner_of(v).pattern.clone()), set: None, member: true }],
    ..TypeObject::builtin("_sre.SRE_Scanner", Some(&OBJECT_TYPE), dealloc_scanner, trace_scanner)
};

unsafe fn dealloc_scanner(p: ObjPtr) {
    // SAFETY: scanners are allocated by `new_scanner` as Obj<ScannerData>.
    unsafe { dealloc_boxed::<ScannerData>(p) }
}

fn trace_scanner(p: ObjPtr, visit: Visit) {
    // SAFETY: scanners are Obj<ScannerData>.
    let s = unsafe { p.data::<ScannerData>() };
    visit(&s.pattern);
    visit(&s.subject.value);
}

fn scanner_of(v: &Value) -> &ScannerData {
    let p = v.as_object().expect("a scanner");
    assert!(std::ptr::eq(p.ty(), &SCANNER_TYPE), "a scanner");
    // SAFETY: checked just above: objects of SCANNER_TYPE are Obj<ScannerData>.
    unsafe { p.data::<ScannerData>() }
}

/// A scanner of `string` from `pos` to `endpos` for `pattern`.
pub fn new_scanner(vm: &mut Vm, pattern: &Value, string: &Value, pos: i64, endpos: i64) -> PyResult<Value> {
    let (subject, state) = state_init(vm, pattern_of(pattern), string, pos, endpos)?;
    let data = ScannerData {
        pattern: pattern.clone(),
        subject,
        state: RefCell::new(state),
        done: Cell::new(false),
        executing: Cell::new(false),
    };
    Ok(Value::from_owned(alloc(&SCANNER_TYPE, data)))
}

/// Clinic's check of a method without parameters.
fn no_arguments(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments")))
    }
}

fn scanner_match(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    no_arguments(vm, "match", args)?;
    step(vm, this, false)
}

/// `scanner.search()`: the next match anywhere after the last one.
pub fn scanner_search(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    no_arguments(vm, "search", args)?;
    step(vm, this, true)
}

/// One `match` or `search` from where the previous call ended.
fn step(vm: &mut Vm, this: &Value, search: bool) -> PyResult<Value> {
    let s = scanner_of(this);
    if s.executing.get() {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    if s.done.get() {
        return Ok(none());
    }
    s.executing.set(true);
    let result = (|| {
        let mut state = s.state.borrow_mut();
        state.reset();
        state.ptr = state.start;
        let p = pattern_of(&s.pattern);
        let found = if search { run_search(vm, p, &s.subject, &mut state)? } else { run_match(vm, p, &s.subject, &mut state)? };
        if !found {
            s.done.set(true);
            return Ok(none());
        }
        // The scan moves on even when making the match fails, as CPython's.
        let m = match_obj::new_match(vm, &s.pattern, &s.subject.value, &state);
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
        m
    })();
    s.executing.set(false);
    result
}
