//! Frame and traceback objects (CPython's `PyFrameObject` and
//! `PyTracebackObject`).
//!
//! Invariants:
//! - The evaluation loop's frames are plain `eval::Frame`s on `Vm::frames`;
//!   a frame *object* is made only when something asks for one (an
//!   exception's traceback reaching the frame), then kept on the frame
//!   (`Frame::frame_obj`), so every traceback entry of one activation
//!   shares it. Its `f_back` is the caller's frame object, made with it.
//! - A frame object keeps what it needs after its frame has returned: the
//!   code, the namespaces, and a snapshot of the local variables taken
//!   when the frame returns or yields, and when the object is read while
//!   the frame runs (`f_locals` is built from it for a function frame; a
//!   module or class frame shows its namespace). An exception passing
//!   through only records the position, so it keeps no values alive.
//! - An exception's `__traceback__` is a chain of traceback objects, the
//!   outermost frame reached so far first (`tb_next` leads inwards), each
//!   entry prepended as the exception leaves a frame, as CPython's
//!   `PyTraceBack_Here`.

use std::cell::{Cell, RefCell};

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::function::{as_cell, as_code};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct FrameData {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The namespace of a module or class body frame, else NULL.
    pub namespace: Value,
    /// A function frame's local variables (its `localsplus` slots, cells
    /// as cells), as last seen.
    pub fast: RefCell<Vec<Value>>,
    /// The offset of the instruction last run, as last seen.
    pub lasti: Cell<u32>,
    /// The caller's frame object, or None.
    pub back: Value,
    /// A function frame's `f_locals` dict once asked for (NULL before):
    /// refreshed in place each time, so keys an `exec` added stay.
    locals: RefCell<Value>,
    /// `f_trace`: the local trace function, or NULL (see `trace`).
    pub f_trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// The offset of the instruction last traced (-1 before the first).
    pub prev_instr: Cell<i64>,
    /// Where an `f_lineno` assignment from a line event jumps, with the
    /// abstract stacks there and here (see `frame_jump`).
    pub jump: Cell<Option<(usize, i64, i64)>>,
    /// The address of the generator suspended in this frame, else 0 (see
    /// `generator::link_frame`): `clear()` closes it.
    pub generator: Cell<usize>,
}

impl FrameData {
    fn new(f: &crate::eval::Frame, back: Value) -> FrameData {
        let namespace = if f.func.is_null() { f.locals.clone() } else { Value::NULL };
        FrameData {
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            namespace,
            fast: RefCell::new(Vec::new()),
            lasti: Cell::new(0),
            back,
            locals: RefCell::new(Value::NULL),
            f_trace: RefCell::new(Value::NULL),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            prev_instr: Cell::new(f.ip as i64 - 1),
            jump: Cell::new(None),
            generator: Cell::new(0),
        }
    }
}

pub static FRAME_TYPE: TypeObject = TypeObject {
    getattr: Slot::new(frame_getattr),
    repr: Slot::new(|vm, v| {
        // A frame still running shows its line now.
        if let Some(index) = vm.frames.iter().rposition(|f| f.frame_obj.is(v)) {
            sync_position(vm, index);
        }
        let f = frame_of(v);
        let (file, name) = as_code(&f.code).map_or((String::new(), String::new()), |c| {
            (c.co.co_filename.clone(), c.co.co_name.clone())
        });
        let line = line_of(&f.code, f.lasti.get());
        Ok(crate::builtins::str::new_str(&format!(
            "<frame at {:#x}, file '{file}', line {line}, code {name}>",
            v.bits() & ((1 << 48) - 1)
        )))
    }),
    setattr: Slot::new(frame_setattr),
    methods: &[crate::types::MethodDef { name: "clear", func: frame_clear }],
    ..TypeObject::builtin("frame", Some(&OBJECT_TYPE), dealloc_frame, trace_frame)
};

fn frame_of(v: &Value) -> &FrameData {
    // SAFETY: objects of FRAME_TYPE are Obj<FrameData>.
    unsafe { v.as_object().expect("a frame").data::<FrameData>() }
}

pub fn as_frame(v: &Value) -> Option<&FrameData> {
    let p = v.as_object()?;
    // SAFETY: objects of FRAME_TYPE are Obj<FrameData>.
    std::ptr::eq(p.ty(), &FRAME_TYPE).then(|| unsafe { p.data::<FrameData>() })
}

unsafe fn dealloc_frame(p: ObjPtr) {
    // SAFETY: objects of FRAME_TYPE are Obj<FrameData>.
    unsafe { dealloc_boxed::<FrameData>(p) }
}

fn trace_frame(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of FRAME_TYPE are Obj<FrameData>.
    let f = unsafe { p.data::<FrameData>() };
    for v in [&f.code, &f.globals, &f.builtins, &f.namespace, &f.back] {
        if !v.is_null() {
            visit(v);
        }
    }
    let trace = f.f_trace.borrow();
    if !trace.is_null() {
        visit(&trace);
    }
    for v in f.fast.borrow().iter() {
        if !v.is_null() {
            visit(v);
        }
    }
    let locals = f.locals.borrow();
    if !locals.is_null() {
        visit(&locals);
    }
}

/// The line of code unit `offset` in `code`.
pub fn line_of(code: &Value, offset: u32) -> u32 {
    match as_code(code) {
        Some(c) => c.co.positions.get(offset as usize).and_then(|p| p.lineno).unwrap_or(c.co.co_firstlineno),
        None => 0,
    }
}

/// The frame object of `vm.frames[index]`, made (with its callers') if it
/// has none yet, its locals and position brought up to date.
pub fn frame_object(vm: &mut Vm, index: usize) -> Value {
    // Make the missing objects from the lowest frame without one upwards,
    // each linked to its caller's.
    let mut first = index;
    while first > 0 && vm.frames[first - 1].frame_obj.is_null() {
        first -= 1;
    }
    for i in first..=index {
        if !vm.frames[i].frame_obj.is_null() {
            continue;
        }
        let back = if i == 0 { none() } else { vm.frames[i - 1].frame_obj.clone() };
        let data = FrameData::new(&vm.frames[i], back);
        let obj = Value::from_owned(alloc(&FRAME_TYPE, data));
        vm.frames[i].frame_obj = obj;
        sync_position(vm, i);
    }
    sync_position(vm, index);
    vm.frames[index].frame_obj.clone()
}

/// Bring frame `index`'s object up to date with its position only: the
/// locals of a running frame are copied when they are read (and as it
/// returns or yields), so a traceback does not keep the frame's values
/// alive beyond their variables (CPython's tests count references).
fn sync_position(vm: &Vm, index: usize) {
    let f = &vm.frames[index];
    frame_of(&f.frame_obj).lasti.set(f.ip.saturating_sub(1) as u32);
}

/// The frame object of a suspended (or not yet started) generator's
/// frame `f`, whose stack slice is `stack` (locals first): made once and
/// kept on the frame, so it stays the same object when the generator
/// runs again (`finish` then keeps it up to date). It has no `f_back`.
pub fn suspended_frame_object(f: &mut crate::eval::Frame, stack: &[Value]) -> Value {
    if f.frame_obj.is_null() {
        let data = FrameData::new(f, none());
        f.frame_obj = Value::from_owned(alloc(&FRAME_TYPE, data));
    }
    let data = frame_of(&f.frame_obj);
    data.lasti.set(f.ip.saturating_sub(1) as u32);
    if !f.func.is_null() {
        let n = as_code(&f.code).map_or(0, |c| c.nlocalsplus).min(stack.len());
        let old = std::mem::replace(&mut *data.fast.borrow_mut(), stack[..n].to_vec());
        drop(old);
    }
    f.frame_obj.clone()
}

/// Copy frame `index`'s locals and position into its frame object.
fn sync(vm: &Vm, index: usize) {
    finish(vm, &vm.frames[index]);
}

/// Copy frame `f`'s locals (still on the stack) and position into its
/// frame object: as the frame returns, and whenever the object is read
/// while the frame runs.
pub fn finish(vm: &Vm, f: &crate::eval::Frame) {
    let data = frame_of(&f.frame_obj);
    data.lasti.set(f.ip.saturating_sub(1) as u32);
    if f.func.is_null() {
        return;
    }
    let n = as_code(&f.code).map_or(0, |c| c.nlocalsplus);
    let values = vm.stack[f.base..f.base + n].to_vec();
    let old = std::mem::replace(&mut *data.fast.borrow_mut(), values);
    drop(old);
}

/// A dict of a function frame's bound local, cell and free variables.
pub fn locals_dict(vm: &mut Vm, code: &Value, values: &[Value]) -> PyResult<Value> {
    let d = new_dict();
    fill_locals(vm, code, values, &d)?;
    Ok(d)
}

/// Set each bound local of `values` in dict `d` by name, and remove the
/// unbound ones (CPython's `PyFrame_FastToLocals`); other keys stay.
fn fill_locals(vm: &mut Vm, code: &Value, values: &[Value], d: &Value) -> PyResult<()> {
    let co = &as_code(code).expect("a code object").co;
    let mut names: Vec<&String> = co.co_varnames.iter().collect();
    names.extend(co.co_cellvars.iter().filter(|c| !co.co_varnames.contains(c)));
    names.extend(co.co_freevars.iter());
    let dd = as_dict(d).expect("a dict");
    for (name, v) in names.into_iter().zip(values) {
        let is_cell = co.co_cellvars.contains(name) || co.co_freevars.contains(name);
        let v = if is_cell { as_cell(v).map(|c| c.content.borrow().clone()).unwrap_or(Value::NULL) } else { v.clone() };
        if v.is_null() {
            dd.remove(vm, &intern(name))?;
        } else {
            dd.set(vm, intern(name), v)?;
        }
    }
    Ok(())
}

/// `f_locals` (CPython's `PyFrame_FastToLocalsWithError`): a module or
/// class frame's namespace; for a function frame one dict per frame
/// object, updated from its local variables as last seen: bound ones set,
/// unbound ones removed, other keys left.
fn frame_locals(vm: &mut Vm, f: &FrameData) -> PyResult<Value> {
    if !f.namespace.is_null() {
        return Ok(f.namespace.clone());
    }
    let mut cached = f.locals.borrow().clone();
    if cached.is_null() {
        cached = new_dict();
        *f.locals.borrow_mut() = cached.clone();
    }
    let values = f.fast.borrow().clone();
    fill_locals(vm, &f.code, &values, &cached)?;
    Ok(cached)
}

/// `locals()` in the running frame `index` (a function's): its frame
/// object's `f_locals`.
pub fn running_frame_locals(vm: &mut Vm, index: usize) -> PyResult<Value> {
    let obj = frame_object(vm, index);
    sync(vm, index);
    frame_locals(vm, frame_of(&obj))
}

fn frame_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    // A frame still running is read as it is now.
    if let Some(index) = vm.frames.iter().rposition(|f| f.frame_obj.is(v)) {
        sync(vm, index);
    }
    let f = frame_of(v);
    Ok(match as_str(name).unwrap_or("") {
        "f_code" => f.code.clone(),
        "f_globals" => f.globals.clone(),
        "f_builtins" => f.builtins.clone(),
        "f_back" => f.back.clone(),
        "f_lasti" => new_int(i64::from(f.lasti.get()) * 2),
        "f_lineno" => new_int(i64::from(line_of(&f.code, f.lasti.get()))),
        "f_trace" => {
            let t = f.f_trace.borrow().clone();
            if t.is_null() {
                none()
            } else {
                t
            }
        }
        "f_trace_lines" => vm.bool(f.trace_lines.get()),
        "f_trace_opcodes" => vm.bool(f.trace_opcodes.get()),
        "f_locals" => frame_locals(vm, f)?,
        _ => return crate::builtins::classes::generic_getattr(vm, v, name),
    })
}

/// Setting `f_trace`, `f_trace_lines`, `f_trace_opcodes` or `f_lineno`
/// (CPython's frame getsets); the other attributes are read-only.
fn frame_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let f = frame_of(v);
    let attr = as_str(name).unwrap_or("?");
    match attr {
        "f_trace" => {
            let new = match value {
                Some(x) if !is_none(&x) => x,
                _ => Value::NULL,
            };
            let old = f.f_trace.replace(new);
            drop(old);
            Ok(())
        }
        "f_trace_lines" | "f_trace_opcodes" => {
            let Some(value) = value else { return Err(vm.type_error("can't delete numeric/char attribute")) };
            if !std::ptr::eq(vm.type_of(&value), &crate::builtins::singletons::BOOL_TYPE) {
                return Err(vm.type_error("attribute value type must be bool"));
            }
            let b = crate::ops::truthy(vm, &value)?;
            if attr == "f_trace_lines" {
                f.trace_lines.set(b);
            } else {
                f.trace_opcodes.set(b);
            }
            Ok(())
        }
        "f_lineno" => crate::builtins::frame_jump::set_lineno(vm, v, f, value),
        _ => {
            let known = ["f_back", "f_code", "f_globals", "f_builtins", "f_locals", "f_lasti"];
            if known.contains(&attr) {
                let msg = format!("attribute '{attr}' of 'frame' objects is not writable");
                return Err(vm.error(&ATTRIBUTE_ERROR, msg));
            }
            crate::builtins::classes::generic_setattr(vm, v, name, value)
        }
    }
}

/// Before a hook runs for running frame `index`: a `f_locals` dict made
/// earlier is brought up to date (CPython's `call_trampoline`), so what
/// is written back after it is what the hook saw or stored.
pub fn refresh_locals(vm: &mut Vm, index: usize) -> PyResult<()> {
    let obj = vm.frames[index].frame_obj.clone();
    let f = frame_of(&obj);
    if f.namespace.is_null() && !f.locals.borrow().is_null() {
        sync(vm, index);
        frame_locals(vm, f)?;
    }
    Ok(())
}

/// After a hook ran for running frame `index`: values it stored through
/// `f_locals` go back into the frame's variables (CPython's
/// `PyFrame_LocalsToFast`); names missing from the dict are left alone.
pub fn locals_to_fast(vm: &mut Vm, index: usize) {
    let f = &vm.frames[index];
    if f.func.is_null() || f.frame_obj.is_null() {
        return;
    }
    let data = frame_of(&f.frame_obj);
    let d = data.locals.borrow().clone();
    let Some(dd) = as_dict(&d) else { return };
    let Some(code) = as_code(&f.code) else { return };
    let co = &code.co;
    let mut names: Vec<&String> = co.co_varnames.iter().collect();
    names.extend(co.co_cellvars.iter().filter(|c| !co.co_varnames.contains(c)));
    names.extend(co.co_freevars.iter());
    let base = f.base;
    let n = code.nlocalsplus.min(names.len());
    for (i, name) in names.into_iter().enumerate().take(n) {
        let Some(value) = dd.get_str(&intern(name)) else { continue };
        let slot = &vm.stack[base + i];
        let is_cell = co.co_cellvars.contains(name) || co.co_freevars.contains(name);
        if is_cell {
            if let Some(c) = as_cell(slot) {
                let old = c.content.replace(value);
                drop(old);
            }
        } else if !slot.is(&value) {
            let old = std::mem::replace(&mut vm.stack[base + i], value);
            drop(old);
        }
    }
}

/// `frame.clear()`: drop the local variables of a frame that has finished
/// (CPython's `frame_tp_clear` of its locals); a frame still running is
/// CPython's RuntimeError.
fn frame_clear(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "clear", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("frame.clear() takes no arguments ({} given)", args.len())));
    }
    if vm.frames.iter().any(|f| f.frame_obj.is(this)) {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "cannot clear an executing frame"));
    }
    let f = frame_of(this);
    // A suspended generator's frame: the generator is finalized (closed)
    // first, as CPython's `frame_tp_clear` does with `_PyGen_Finalize`.
    let gen = f.generator.get();
    if gen != 0 {
        let gen = Value::from_borrowed(crate::object::ObjPtr::from_addr(gen));
        crate::generator::finalize_for_clear(vm, &gen);
    }
    let old = std::mem::take(&mut *f.fast.borrow_mut());
    drop(old);
    let locals = std::mem::replace(&mut *f.locals.borrow_mut(), Value::NULL);
    drop(locals);
    Ok(none())
}

// ----- tracebacks ---------------------------------------------------------

pub struct TracebackData {
    /// The next entry inwards, or None.
    pub next: RefCell<Value>,
    pub frame: Value,
    /// The offset of the instruction that raised, in code units.
    pub lasti: u32,
    /// `tb_lasti` and `tb_lineno` as given to `TracebackType(...)`, which
    /// then stand for themselves (None for entries the VM makes).
    pub given: Option<Box<(i64, i64)>>,
}

pub static TRACEBACK_TYPE: TypeObject = TypeObject {
    getattr: Slot::new(|vm, v, name| {
        let tb = traceback_of(v);
        Ok(match as_str(name).unwrap_or("") {
            "tb_next" => tb.next.borrow().clone(),
            "tb_frame" => tb.frame.clone(),
            "tb_lasti" => new_int(tb.given.as_ref().map_or(i64::from(tb.lasti) * 2, |g| g.0)),
            "tb_lineno" => {
                new_int(tb.given.as_ref().map_or_else(|| i64::from(line_of(&frame_of(&tb.frame).code, tb.lasti)), |g| g.1))
            }
            _ => return crate::builtins::classes::generic_getattr(vm, v, name),
        })
    }),
    setattr: Slot::new(|vm, v, name, value| {
        if as_str(name) != Some("tb_next") {
            let msg = format!("attribute '{}' of 'traceback' objects is not writable", as_str(name).unwrap_or("?"));
            return Err(vm.error(&ATTRIBUTE_ERROR, msg));
        }
        let Some(value) = value else { return Err(vm.type_error("can't delete tb_next attribute")) };
        if !is_none(&value) && as_traceback(&value).is_none() {
            let msg = format!("expected traceback object, got '{}'", vm.type_of(&value).name());
            return Err(vm.type_error(msg));
        }
        // No loops: `v` must not be reachable from the new next.
        let mut cursor = value.clone();
        while let Some(t) = as_traceback(&cursor) {
            if cursor.is(v) {
                return Err(vm.value_error("traceback loop detected"));
            }
            let next = t.next.borrow().clone();
            cursor = next;
        }
        let old = std::mem::replace(&mut *traceback_of(v).next.borrow_mut(), value);
        drop(old);
        Ok(())
    }),
    new: Some(traceback_new),
    // `dir(tb)`: its four attributes only (CPython's `tb_dir`).
    methods: &[crate::types::MethodDef {
        name: "__dir__",
        func: |vm, _, args, kwnames| {
            crate::builtins::function::no_keywords(vm, "__dir__", kwnames)?;
            if !args.is_empty() {
                return Err(vm.type_error(format!("traceback.__dir__() takes no arguments ({} given)", args.len())));
            }
            let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"].map(crate::builtins::str::new_str);
            Ok(crate::builtins::list::new_list(names.to_vec()))
        },
    }],
    ..TypeObject::builtin("traceback", Some(&OBJECT_TYPE), dealloc_traceback, trace_traceback)
};

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (CPython's
/// `tb_new`).
fn traceback_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let [next, frame, lasti, lineno] = crate::builtins::itertools::bind(vm, "TracebackType", args, kwnames, names, 4, 4)?;
    let (next, frame, lasti, lineno) = (next.unwrap_or_else(none), frame.unwrap_or_else(none), lasti.unwrap_or_else(none), lineno.unwrap_or_else(none));
    if !is_none(&next) && as_traceback(&next).is_none() {
        let msg = format!("expected traceback object or None, got '{}'", vm.type_of(&next).name());
        return Err(vm.type_error(msg));
    }
    if as_frame(&frame).is_none() {
        let msg = format!("TracebackType() argument 'tb_frame' must be frame, not {}", vm.type_of(&frame).name());
        return Err(vm.type_error(msg));
    }
    let lasti = crate::builtins::str_methods::ssize_arg(vm, &lasti)?;
    let lineno = crate::builtins::str_methods::ssize_arg(vm, &lineno)?;
    let data = TracebackData { next: RefCell::new(next), frame, lasti: (lasti.max(0) / 2) as u32, given: Some(Box::new((lasti, lineno))) };
    Ok(Value::from_owned(alloc(&TRACEBACK_TYPE, data)))
}

fn traceback_of(v: &Value) -> &TracebackData {
    // SAFETY: objects of TRACEBACK_TYPE are Obj<TracebackData>.
    unsafe { v.as_object().expect("a traceback").data::<TracebackData>() }
}

pub fn as_traceback(v: &Value) -> Option<&TracebackData> {
    let p = v.as_object()?;
    // SAFETY: objects of TRACEBACK_TYPE are Obj<TracebackData>.
    std::ptr::eq(p.ty(), &TRACEBACK_TYPE).then(|| unsafe { p.data::<TracebackData>() })
}

unsafe fn dealloc_traceback(p: ObjPtr) {
    // SAFETY: objects of TRACEBACK_TYPE are Obj<TracebackData>.
    unsafe { dealloc_boxed::<TracebackData>(p) }
}

fn trace_traceback(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of TRACEBACK_TYPE are Obj<TracebackData>.
    let tb = unsafe { p.data::<TracebackData>() };
    visit(&tb.next.borrow());
    visit(&tb.frame);
}

/// A traceback entry for `frame` at `lasti`, in front of `next`.
pub fn new_traceback(next: Value, frame: Value, lasti: u32) -> Value {
    Value::from_owned(alloc(&TRACEBACK_TYPE, TracebackData { next: RefCell::new(next), frame, lasti, given: None }))
}

/// The entries of a traceback chain, outermost first: (code, offset).
pub fn entries(tb: &Value) -> Vec<(Value, u32)> {
    let mut out = Vec::new();
    let mut cursor = tb.clone();
    while let Some(t) = as_traceback(&cursor) {
        out.push((frame_of(&t.frame).code.clone(), t.lasti));
        let next = t.next.borrow().clone();
        cursor = next;
    }
    out
}
