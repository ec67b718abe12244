//! The evaluation loop.
//!
//! Invariants:
//! - All frames share one contiguous value stack (`Vm::stack`): a frame
//!   owns `stack[base..]` up to the next frame's base, its locals first
//!   (`co_varnames`, NULL while unbound), then its evaluation stack.
//! - A call to a Python function pushes a `Frame` and continues this same
//!   loop; `RETURN_VALUE` pops it. Only native code calling back into Python
//!   re-enters `run`, so deep Python recursion never deepens the Rust stack;
//!   it raises RecursionError at `Vm::recursion_limit` frames.
//! - An error unwinds through the exception table of each frame (3.11's
//!   zero-cost scheme): a covering entry cuts the stack to its depth and
//!   jumps to its handler; otherwise the frame is popped and its position
//!   added to the traceback.
//! - `CodeRef` is the one place a code object is borrowed past a `&mut Vm`:
//!   the frame holding the code keeps it alive.

use krait_compiler::opcode::Opcode;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{
    NAME_ERROR, NOT_IMPLEMENTED_ERROR, RECURSION_ERROR, UNBOUND_LOCAL_ERROR,
};
use crate::builtins::function::{as_cell, as_code, as_function, new_cell, new_function, CodeData};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::is_none;
use crate::builtins::str::as_str;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::ops;
use crate::types::{BinOp, CompareOp};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A running Python frame.
pub struct Frame {
    pub(crate) code: Value,
    /// The function running (for its closure), or NULL for a module.
    pub(crate) func: Value,
    pub(crate) globals: Value,
    pub(crate) builtins: Value,
    /// The namespace of a module or class body (`*_NAME`), or NULL.
    pub(crate) locals: Value,
    /// Where this frame's locals start in `Vm::stack`.
    pub(crate) base: usize,
    /// Where the stack is cut back to when the frame is popped: `base`, or
    /// below it the slots of the call that made it (the callable, or the
    /// NULL before it), which a fast call leaves in place under the
    /// arguments that became the frame's first locals.
    pub(crate) ret: usize,
    /// The next code unit to execute.
    pub(crate) ip: usize,
    /// A generator's frame that `FOR_ITER` resumed in this loop (see
    /// `generator::push_inline`): where the caller's loop exits; or
    /// `INIT_FRAME`; else 0.
    pub(crate) inline_exit: usize,
    /// The frame object, once something asked for one (see
    /// `builtins::frame`), else NULL.
    pub(crate) frame_obj: Value,
}

/// `Frame::inline_exit` of an `__init__` frame that `CALL` of a class
/// pushed: the new instance waits below it on the caller's stack, and its
/// return value must be None.
const INIT_FRAME: usize = usize::MAX;

/// `CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR`: a frame a generator
/// object runs.
const GENERATOR_FLAGS: u32 = 0x20 | 0x80 | 0x200;

impl Frame {
    /// Visit the references the frame holds (not its stack slice).
    pub(crate) fn trace(&self, visit: crate::types::Visit) {
        for v in [&self.code, &self.func, &self.globals, &self.builtins, &self.locals, &self.frame_obj] {
            if !v.is_null() {
                visit(v);
            }
        }
    }
}

/// An instruction's inline cache: what its last specialization saw (see
/// `cache`). `kind` 0 is empty.
#[derive(Clone, Copy)]
pub struct InlineCache {
    pub kind: u8,
    /// The type (attribute caches) or globals dict (LOAD_GLOBAL) seen.
    pub key: usize,
    pub version: u64,
    pub aux: u64,
    /// The bits of the cached value (owned by the namespace it came from,
    /// which the versions guard).
    pub value: u64,
}

impl InlineCache {
    pub const EMPTY: InlineCache = InlineCache { kind: 0, key: 0, version: 0, aux: 0, value: 0 };
}

#[path = "eval/cache.rs"]
mod cache;
#[path = "eval/patterns.rs"]
pub(crate) mod patterns;
#[path = "eval/calls.rs"]
mod calls;
#[path = "eval/exceptions.rs"]
mod exceptions;
#[path = "eval/names.rs"]
mod names;
#[path = "eval/operands.rs"]
mod operands;
#[path = "eval/protocols.rs"]
mod protocols;
#[path = "eval/unwind.rs"]
mod unwind;
pub use calls::call;
use calls::{function_str, push_frame, push_init_frame, Args};
use exceptions::{exception_matches, stop_value_is_none};
pub(crate) use names::localsplus_name_of;
pub use names::{current_globals, current_locals, run_class_body, super_arguments};
use names::{dict_get, localsplus_name, name_error, namespace_get, unbound_deref};
pub(crate) use operands::{delete_item, store_item};
use operands::{mapping_items, unpack};

/// A code object borrowed for as long as a frame running it exists.
#[derive(Clone, Copy)]
struct CodeRef(*const CodeData);

impl CodeRef {
    fn of(code: &Value) -> CodeRef {
        CodeRef(as_code(code).expect("a frame runs a code object"))
    }

    #[inline]
    fn get<'a>(self) -> &'a CodeData {
        // SAFETY: the frame that holds this code object's `Value` is alive
        // for as long as the loop uses the CodeRef (it is refreshed whenever
        // a frame is pushed or popped).
        unsafe { &*self.0 }
    }
}

/// Run a code object with explicit namespaces (`exec`, `eval`).
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value, builtins: Value) -> PyResult<Value> {
    if vm.frames.len() >= vm.recursion_limit as usize {
        return Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    let nlocalsplus = CodeRef::of(&code).get().nlocalsplus;
    let base = vm.stack.len();
    vm.stack.resize(base + nlocalsplus, Value::NULL);
    vm.frames.push(Frame { code, func: Value::NULL, globals, builtins, locals, base, ret: base, ip: 0, inline_exit: 0, frame_obj: Value::NULL });
    let entry = vm.frames.len();
    run(vm, entry)
}

/// Run a module's code object with `globals` as its namespace.
pub fn run_module(vm: &mut Vm, code: Value, globals: Value, builtins: Value) -> PyResult<Value> {
    let base = vm.stack.len();
    vm.frames.push(Frame {
        code,
        func: Value::NULL,
        globals: globals.clone(),
        builtins,
        locals: globals,
        base,
        ret: base,
        ip: 0,
        inline_exit: 0,
        frame_obj: Value::NULL,
    });
    let entry = vm.frames.len();
    run(vm, entry)
}

/// Evaluate frames until the one at depth `entry` returns.
fn run(vm: &mut Vm, entry: usize) -> PyResult<Value> {
    resume(vm, entry, None)
}

/// Run the frames from depth `entry` (a resumed generator's), first
/// raising `error` in the top one if given (`generator.throw`).
pub(crate) fn resume(vm: &mut Vm, entry: usize, mut error: Option<PyErr>) -> PyResult<Value> {
    // A thrown error is chained only to what the generator itself handles.
    let mut thrown = error.is_some();
    loop {
        let step = match error.take() {
            Some(e) if vm.trace.on => Err(crate::trace::throw_entry(vm, e)),
            Some(e) => Err(e),
            // The loop runs traced only while a hook is set; it returns a
            // NULL value (with `switch` set) to change mode.
            None if vm.trace.on => dispatch::<true>(vm, entry),
            None => dispatch::<false>(vm, entry),
        };
        match step {
            Ok(v) if v.is_null() && std::mem::take(&mut vm.trace.switch) => continue,
            Ok(v) => {
                if vm.trace.on {
                    // The loop below this one switches too.
                    crate::finalize::wake();
                }
                return Ok(v);
            }
            Err(e) => unwind::unwind(vm, entry, e, std::mem::take(&mut thrown))?,
        }
    }
}

/// `COMPARE_OP`'s operand order.
const COMPARE_OPS: [CompareOp; 6] = [CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge];

/// Execute instructions until the entry frame returns or an error occurs.
/// `TRACE` is the traced loop (see `trace`): the same instructions with
/// the hooks' events reported; the untraced loop has no trace code.
fn dispatch<const TRACE: bool>(vm: &mut Vm, entry: usize) -> PyResult<Value> {
    let mut code = CodeRef::of(&vm.frames.last().expect("a frame").code);
    let mut base = vm.frames.last().expect("a frame").base;
    // The keyword names `KW_NAMES` sets for the `CALL` right after it.
    let mut kwnames = Value::NULL;
    macro_rules! frame {
        () => {
            vm.frames.last_mut().expect("a frame is running")
        };
    }
    // Finalizers and weak reference callbacks queued by frees (see
    // `finalize`) run after the instructions that typically free objects.
    // Signal handlers run there too, where an exception they raise is the
    // instruction's (never after RETURN_VALUE popped its frame, nor in
    // the loop of an `await`).
    macro_rules! run_pending {
        () => {
            run_pending!(true)
        };
        ($signals:expr) => {
            if crate::finalize::pending() {
                crate::finalize::run_pending(vm);
                if $signals {
                    crate::builtins::signal::check_signals(vm)?;
                    // A hook was set or cleared: go on in the other loop.
                    if vm.trace.on != TRACE {
                        vm.trace.switch = true;
                        return Ok(Value::NULL);
                    }
                }
            }
        };
    }
    macro_rules! pop {
        () => {
            vm.stack.pop().expect("the stack holds the instruction's inputs")
        };
    }
    macro_rules! top {
        () => {
            vm.stack.last().expect("the stack holds the instruction's inputs")
        };
    }
    // The traced loop: the instruction a line event's `f_lineno` jumped
    // to runs without being reported again.
    let mut jumped = false;
    loop {
        let co = code.get();
        if TRACE {
            if !vm.trace.on {
                vm.trace.switch = true;
                return Ok(Value::NULL);
            }
            if !std::mem::take(&mut jumped) {
                let at = vm.frames.last().expect("a frame is running").ip;
                match crate::trace::instruction(vm, co, at) {
                    Ok(None) => {}
                    Ok(Some(target)) => {
                        vm.frames.last_mut().expect("a frame is running").ip = target;
                        jumped = true;
                        continue;
                    }
                    Err(e) => {
                        vm.frames.last_mut().expect("a frame is running").ip = co.decoded[at].next as usize;
                        return Err(e);
                    }
                }
            }
        }
        let frame = vm.frames.last_mut().expect("a frame is running");
        let ins = co.decoded[frame.ip];
        frame.ip = ins.next as usize;
        let (op, arg, at) = (ins.op, ins.arg, ins.at as usize);
        match op {
            Opcode::RESUME | Opcode::NOP | Opcode::CACHE | Opcode::PRECALL => {}
            Opcode::POP_TOP => {
                drop(pop!());
                run_pending!();
            }
            Opcode::PUSH_NULL => vm.stack.push(Value::NULL),
            Opcode::LOAD_CONST => vm.stack.push(co.consts[arg as usize].clone()),
            Opcode::LOAD_FAST => {
                let v = vm.stack[base + arg as usize].clone();
                if v.is_null() {
                    let msg = format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        co.co.co_varnames[arg as usize]
                    );
                    return Err(vm.error(&UNBOUND_LOCAL_ERROR, msg));
                }
                vm.stack.push(v);
            }
            Opcode::STORE_FAST => {
                let v = pop!();
                vm.stack[base + arg as usize] = v;
            }
            Opcode::DELETE_FAST => {
                let slot = base + arg as usize;
                if vm.stack[slot].is_null() {
                    let msg = format!(
                        "cannot access local variable '{}' where it is not associated with a value",
                        co.co.co_varnames[arg as usize]
                    );
                    return Err(vm.error(&UNBOUND_LOCAL_ERROR, msg));
                }
                let old = std::mem::replace(&mut vm.stack[slot], Value::NULL);
                drop(old);
                run_pending!();
            }
            Opcode::DELETE_NAME | Opcode::DELETE_GLOBAL => {
                let name = co.names[arg as usize].clone();
                let f = frame!();
                let ns = if op == Opcode::DELETE_NAME { f.locals.clone() } else { f.globals.clone() };
                let deleted = match as_dict(&ns).filter(|_| std::ptr::eq(vm.type_of(&ns), &crate::builtins::dict::DICT_TYPE)) {
                    Some(d) => d.remove(vm, &name)?,
                    // Any error of a mapping's `__delitem__` becomes the
                    // NameError (CPython's DELETE_NAME).
                    None => delete_item(vm, &ns, &name).is_ok(),
                };
                if !deleted {
                    return Err(name_error(vm, &name));
                }
                run_pending!();
            }
            Opcode::LOAD_NAME => {
                let name = co.names[arg as usize].clone();
                let f = frame!();
                let (locals, globals, builtins) = (f.locals.clone(), f.globals.clone(), f.builtins.clone());
                let mut found = namespace_get(vm, &locals, &name)?;
                if found.is_none() {
                    found = dict_get(vm, &globals, &name)?;
                }
                if found.is_none() {
                    // The builtins through `__getitem__` unless an exact
                    // dict (3.11's LOAD_NAME; the globals always as a dict).
                    found = namespace_get(vm, &builtins, &name)?;
                }
                match found {
                    Some(v) => vm.stack.push(v),
                    None => return Err(name_error(vm, &name)),
                }
            }
            Opcode::STORE_NAME | Opcode::STORE_GLOBAL => {
                let name = co.names[arg as usize].clone();
                let v = pop!();
                let f = frame!();
                let ns = if op == Opcode::STORE_NAME { f.locals.clone() } else { f.globals.clone() };
                if std::ptr::eq(vm.type_of(&ns), &crate::builtins::dict::DICT_TYPE) {
                    as_dict(&ns).expect("a namespace dict").set(vm, name, v)?;
                } else {
                    // A class body's namespace from `__prepare__` may be a
                    // dict subclass with its own `__setitem__`.
                    store_item(vm, &ns, name, v)?;
                }
                run_pending!();
            }
            Opcode::LOAD_GLOBAL => {
                let cache = &code.get().caches[at];
                let f = vm.frames.last().expect("a frame is running");
                let v = match cache::load_global(cache, &f.globals, &f.builtins) {
                    Some(v) => v,
                    None => {
                        let name = co.names[(arg >> 1) as usize].clone();
                        let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
                        let (v, exact) = names::load_global_slow(vm, &globals, &builtins, &name)?;
                        if exact {
                            cache::specialize_load_global(cache, &globals, &builtins, &v);
                        }
                        v
                    }
                };
                if arg & 1 == 1 {
                    vm.stack.push(Value::NULL);
                }
                vm.stack.push(v);
            }
            Opcode::LOAD_ATTR => {
                let obj = pop!();
                let cache = &code.get().caches[at];
                if let Some(v) = cache::load_attr(cache, &obj) {
                    vm.stack.push(v);
                    continue;
                }
                let name = &co.names[arg as usize];
                if cache::refill(cache, cache::LOAD_ATTR_KIND, &obj, name) {
                    if let Some(v) = cache::load_attr(cache, &obj) {
                        vm.stack.push(v);
                        continue;
                    }
                }
                let v = ops::getattr(vm, &obj, name)?;
                cache::specialize_load_attr(vm, cache, &obj, name);
                vm.stack.push(v);
            }
            Opcode::LOAD_METHOD => {
                // A plain function found on the class, not shadowed by the
                // instance, is pushed unbound with the instance after it
                // (no bound method is made); otherwise NULL, the attribute.
                let obj = pop!();
                let cache = &code.get().caches[at];
                if let Some(func) = cache::load_method(vm, cache, &obj) {
                    vm.stack.push(func);
                    vm.stack.push(obj);
                    continue;
                }
                if cache::refill(cache, cache::LOAD_METHOD_KIND, &obj, &co.names[arg as usize]) {
                    if let Some(func) = cache::load_method(vm, cache, &obj) {
                        vm.stack.push(func);
                        vm.stack.push(obj);
                        continue;
                    }
                }
                let name = co.names[arg as usize].clone();
                cache::specialize_load_method(vm, cache, &obj, &name);
                match ops::lookup_method(vm, &obj, &name)? {
                    Some(func) => {
                        vm.stack.push(func);
                        vm.stack.push(obj);
                    }
                    None => {
                        let v = ops::getattr(vm, &obj, &name)?;
                        vm.stack.push(Value::NULL);
                        vm.stack.push(v);
                    }
                }
            }
            Opcode::STORE_ATTR => {
                let obj = pop!();
                let v = pop!();
                let cache = &code.get().caches[at];
                let v = match cache::store_attr(cache, &obj, v) {
                    None => continue,
                    Some(v) => v,
                };
                let name = &co.names[arg as usize];
                let v = if cache::refill(cache, cache::STORE_ATTR_KIND, &obj, name) {
                    match cache::store_attr(cache, &obj, v) {
                        None => continue,
                        Some(v) => v,
                    }
                } else {
                    v
                };
                crate::builtins::classes::setattr(vm, &obj, name, Some(v))?;
                cache::specialize_store_attr(vm, cache, &obj, name);
            }
            Opcode::DELETE_ATTR => {
                let name = co.names[arg as usize].clone();
                let obj = pop!();
                crate::builtins::classes::setattr(vm, &obj, &name, None)?;
                drop(obj);
                run_pending!();
            }
            Opcode::LOAD_BUILD_CLASS => {
                let builtins = frame!().builtins.clone();
                match namespace_get(vm, &builtins, &crate::builtins::str::new_str("__build_class__"))? {
                    Some(f) => vm.stack.push(f),
                    None => return Err(vm.error(&NAME_ERROR, "__build_class__ not found")),
                }
            }
            Opcode::LOAD_CLASSDEREF => {
                // A class body reads a free variable from its namespace
                // first, then from the cell.
                let name = crate::builtins::str::new_str(&localsplus_name(&co.co, arg as usize));
                let locals = frame!().locals.clone();
                let found = namespace_get(vm, &locals, &name)?;
                let v = match found {
                    Some(v) => v,
                    None => {
                        let cell = vm.stack[base + arg as usize].clone();
                        let v = as_cell(&cell).map(|c| c.content.borrow().clone()).unwrap_or(Value::NULL);
                        if v.is_null() {
                            let msg = format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", as_str(&name).unwrap_or("?"));
                            return Err(vm.error(&NAME_ERROR, msg));
                        }
                        v
                    }
                };
                vm.stack.push(v);
            }
            Opcode::BINARY_OP => {
                let b = pop!();
                let a = pop!();
                let op = BinOp::ALL[(arg % 13) as usize];
                // Small-int addition and subtraction inline, while the
                // result stays small (BINARY_OP_ADD_INT's idea).
                if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    let r = match op {
                        BinOp::Add => Value::small_int(x + y),
                        BinOp::Subtract => Value::small_int(x - y),
                        BinOp::Multiply => x.checked_mul(y).and_then(Value::small_int),
                        // Python's floor division and modulo: the sign of the divisor.
                        BinOp::Remainder if y != 0 => Value::small_int(x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 }),
                        BinOp::FloorDivide if y != 0 => Value::small_int(x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 }),
                        BinOp::And => Value::small_int(x & y),
                        BinOp::Or => Value::small_int(x | y),
                        BinOp::Xor => Value::small_int(x ^ y),
                        _ => None,
                    };
                    if let Some(r) = r {
                        vm.stack.push(r);
                        continue;
                    }
                }
                // Two floats: BINARY_OP_*_FLOAT's idea.
                if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
                    let r = match op {
                        BinOp::Add => Some(x + y),
                        BinOp::Subtract => Some(x - y),
                        BinOp::Multiply => Some(x * y),
                        BinOp::TrueDivide if y != 0.0 => Some(x / y),
                        _ => None,
                    };
                    if let Some(r) = r {
                        vm.stack.push(Value::float(r));
                        continue;
                    }
                }
                // Exact ints beyond the small range that fit in an i64
                // (a small product that overflows 48 bits, masks of it).
                if let (Some(x), Some(y)) = (crate::builtins::int::exact_i64(&a), crate::builtins::int::exact_i64(&b)) {
                    if let Some(r) = crate::builtins::int::i64_binary(op, x, y) {
                        vm.stack.push(r);
                        continue;
                    }
                }
                let r = if arg >= 13 { ops::inplace_op(vm, op, &a, &b)? } else { ops::binary_op(vm, op, &a, &b)? };
                vm.stack.push(r);
            }
            Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                // `ops::unary_op` spelled out: the slot read inline.
                let v = pop!();
                let number = vm.type_of(&v).number.get();
                let (slot, symbol) = match op {
                    Opcode::UNARY_NEGATIVE => (number.negative, '-'),
                    Opcode::UNARY_POSITIVE => (number.positive, '+'),
                    _ => (number.invert, '~'),
                };
                let r = match slot {
                    Some(f) => f(vm, &v)?,
                    None => return Err(ops::unary_type_error(vm, symbol, &v)),
                };
                vm.stack.push(r);
            }
            Opcode::UNARY_NOT => {
                let v = pop!();
                let t = ops::truthy(vm, &v)?;
                vm.stack.push(vm.bool(!t));
            }
            Opcode::COMPARE_OP => {
                let b = pop!();
                let a = pop!();
                let op = COMPARE_OPS[arg as usize];
                // Two small ints or two floats compare inline
                // (COMPARE_OP_INT's idea); a POP_JUMP_IF_TRUE/FALSE right
                // after takes the result without a bool on the stack (3.11's
                // COMPARE_OP_*_JUMP).
                let inline = if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    Some(ops::ordering_satisfies(x.cmp(&y), op))
                } else if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
                    Some(match x.partial_cmp(&y) {
                        Some(ord) => ops::ordering_satisfies(ord, op),
                        None => op == CompareOp::Ne,
                    })
                } else {
                    None
                };
                if let Some(r) = inline {
                    let next = co.decoded.get(ins.next as usize).copied();
                    let jump_if = next.and_then(|n| match n.op {
                        Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => Some(true),
                        Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => Some(false),
                        _ => None,
                    });
                    match (next, jump_if) {
                        (Some(n), Some(on)) => {
                            let f = frame!();
                            f.ip = n.next as usize;
                            if r == on {
                                jump(f, n.op, n.arg);
                            }
                        }
                        _ => vm.stack.push(vm.bool(r)),
                    }
                    continue;
                }
                let r = ops::richcompare(vm, &a, &b, op)?;
                vm.stack.push(r);
            }
            Opcode::CONTAINS_OP => {
                let container = pop!();
                let item = pop!();
                let r = ops::contains(vm, &container, &item)?;
                vm.stack.push(vm.bool(r != (arg == 1)));
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { pop!() } else { crate::builtins::singletons::none() };
                let stop = pop!();
                let start = pop!();
                vm.stack.push(crate::builtins::slice::new_slice(start, stop, step));
            }
            Opcode::IS_OP => {
                let b = pop!();
                let a = pop!();
                vm.stack.push(vm.bool(a.is(&b) != (arg == 1)));
            }
            Opcode::POP_JUMP_FORWARD_IF_FALSE
            | Opcode::POP_JUMP_FORWARD_IF_TRUE
            | Opcode::POP_JUMP_BACKWARD_IF_FALSE
            | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                let v = pop!();
                let t = match crate::builtins::singletons::as_bool(&v) {
                    Some(b) => b,
                    None => ops::truthy(vm, &v)?,
                };
                let on_true = matches!(op, Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE);
                if t == on_true {
                    jump(frame!(), op, arg);
                }
            }
            Opcode::POP_JUMP_FORWARD_IF_NONE
            | Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let v = pop!();
                let on_none = matches!(op, Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE);
                if is_none(&v) == on_none {
                    jump(frame!(), op, arg);
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                let t = ops::truthy(vm, &top!().clone())?;
                if t == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                    jump(frame!(), op, arg);
                } else {
                    drop(pop!());
                }
            }
            Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                jump(frame!(), op, arg);
                run_pending!(op != Opcode::JUMP_BACKWARD_NO_INTERRUPT);
            }
            Opcode::GET_ITER => {
                let v = pop!();
                let it = match vm.type_of(&v).iter.get() {
                    Some(f) => f(vm, &v)?,
                    None => ops::iter(vm, &v)?,
                };
                vm.stack.push(it);
            }
            Opcode::FOR_ITER => {
                let it = top!().clone();
                // A generator runs its next step in this loop (3.12's
                // FOR_ITER_GEN): its frame is pushed like a call's.
                if crate::generator::push_inline(vm, &it, ins.next as usize + arg as usize) {
                    let f = vm.frames.last().expect("the generator's frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    continue;
                }
                let next = match vm.type_of(&it).next.get() {
                    Some(f) => match f(vm, &it) {
                        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::STOP_ITERATION) => {
                            if TRACE && !(crate::generator::as_generator(&it).is_some() && stop_value_is_none(&e)) {
                                crate::trace::stop_iteration(vm, e)?;
                            }
                            None
                        }
                        r => r?,
                    },
                    None => {
                        let msg = format!("'{}' object is not an iterator", vm.type_of(&it).name());
                        return Err(vm.type_error(msg));
                    }
                };
                match next {
                    Some(v) => vm.stack.push(v),
                    None => {
                        drop(pop!());
                        jump(frame!(), op, arg);
                    }
                }
            }
            Opcode::BUILD_STRING => {
                let parts = vm.stack.split_off(vm.stack.len() - arg as usize);
                let s = crate::builtins::str::concat(&parts).expect("BUILD_STRING's operands are strings");
                vm.stack.push(s);
            }
            Opcode::FORMAT_VALUE => {
                // arg: conversion in the low two bits (1 str, 2 repr, 3
                // ascii), 4 if a format spec is on the stack.
                let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                let value = pop!();
                let value = match arg & 3 {
                    1 => ops::str(vm, &value)?,
                    2 => ops::repr(vm, &value)?,
                    3 => {
                        let r = ops::repr(vm, &value)?;
                        crate::builtins::str::ascii_escape(crate::builtins::str::as_str_data(&r).expect("repr is a str"))
                    }
                    _ => value,
                };
                let formatted = match &spec {
                    Some(spec) => crate::builtins::format::format(vm, &value, spec)?,
                    None if std::ptr::eq(vm.type_of(&value), &crate::builtins::str::STR_TYPE) => value,
                    // format(value, '') is str(value) for the built-in types.
                    None if vm.type_of(&value).heap.is_none() => ops::str(vm, &value)?,
                    None => crate::builtins::format::format(vm, &value, &crate::builtins::str::new_str(""))?,
                };
                vm.stack.push(formatted);
            }
            Opcode::BUILD_TUPLE | Opcode::BUILD_LIST => {
                let items = vm.stack.split_off(vm.stack.len() - arg as usize);
                let v = if op == Opcode::BUILD_TUPLE { new_tuple(items) } else { new_list(items) };
                vm.stack.push(v);
            }
            Opcode::LIST_EXTEND => {
                let iterable = pop!();
                let list = vm.stack[vm.stack.len() - arg as usize].clone();
                let items: Vec<Value> = match (as_tuple(&iterable), as_list(&iterable)) {
                    (Some(t), _) => t.items.clone(),
                    (_, Some(l)) => l.items.borrow().clone(),
                    _ if vm.type_of(&iterable).iter.is_none() && vm.type_of(&iterable).getitem.is_none() => {
                        let msg = format!("Value after * must be an iterable, not {}", vm.type_of(&iterable).name());
                        return Err(vm.type_error(msg));
                    }
                    _ => ops::collect(vm, &iterable)?,
                };
                as_list(&list).expect("LIST_EXTEND on a list").items.borrow_mut().extend(items);
            }
            Opcode::BUILD_SET => {
                let items = vm.stack.split_off(vm.stack.len() - arg as usize);
                let s = crate::builtins::set::set_from(vm, &crate::builtins::set::SET_TYPE, items)?;
                vm.stack.push(s);
            }
            Opcode::SET_ADD => {
                let v = pop!();
                let s = vm.stack[vm.stack.len() - arg as usize].clone();
                crate::builtins::set::as_set(&s).expect("SET_ADD on a set").add(vm, v)?;
            }
            Opcode::SET_UPDATE => {
                let iterable = pop!();
                let s = vm.stack[vm.stack.len() - arg as usize].clone();
                if vm.type_of(&iterable).iter.is_none() {
                    let msg = format!("'{}' object is not iterable", vm.type_of(&iterable).name());
                    return Err(vm.type_error(msg));
                }
                crate::builtins::set::update(vm, &s, &iterable)?;
            }
            Opcode::DICT_UPDATE => {
                let update = pop!();
                let d = vm.stack[vm.stack.len() - arg as usize].clone();
                let dd = as_dict(&d).expect("DICT_UPDATE into a dict");
                match crate::builtins::dict::update_from_mapping(vm, dd, &update) {
                    Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => {
                        let msg = format!("'{}' object is not a mapping", vm.type_of(&update).name());
                        return Err(vm.type_error(msg));
                    }
                    r => r?,
                }
            }
            // The match statement's tests (eval/patterns.rs).
            Opcode::GET_LEN => {
                let subject = top!().clone();
                let n = patterns::get_len(vm, &subject)?;
                vm.stack.push(n);
            }
            Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => {
                use crate::types::tp_flags;
                let flag = if op == Opcode::MATCH_MAPPING { tp_flags::MAPPING } else { tp_flags::SEQUENCE };
                let b = patterns::has_flag(vm, top!(), flag);
                vm.stack.push(vm.bool(b));
            }
            Opcode::MATCH_KEYS => {
                let n = vm.stack.len();
                let (subject, keys) = (vm.stack[n - 2].clone(), vm.stack[n - 1].clone());
                let values = patterns::match_keys(vm, &subject, &keys)?;
                vm.stack.push(values);
            }
            Opcode::MATCH_CLASS => {
                let names = pop!();
                let cls = pop!();
                let subject = pop!();
                let attrs = patterns::match_class(vm, &subject, &cls, arg as usize, &names)?;
                vm.stack.push(attrs);
            }
            Opcode::LIST_TO_TUPLE => {
                let list = pop!();
                let items = as_list(&list).expect("LIST_TO_TUPLE on a list").items.borrow().clone();
                vm.stack.push(new_tuple(items));
            }
            Opcode::DICT_MERGE => {
                let update = pop!();
                let len = vm.stack.len();
                let (d, func) = (vm.stack[len - arg as usize].clone(), vm.stack[len - arg as usize - 2].clone());
                let items = match as_dict(&update) {
                    Some(src) => src.items(),
                    None => mapping_items(vm, &update, &func)?,
                };
                let dd = as_dict(&d).expect("DICT_MERGE into a dict");
                for (k, v) in items {
                    if dd.get(vm, &k)?.is_some() {
                        let key = ops::str(vm, &k)?;
                        let msg = format!("{} got multiple values for keyword argument '{}'", function_str(vm, &func), as_str(&key).unwrap_or("?"));
                        return Err(vm.type_error(msg));
                    }
                    dd.set(vm, k, v)?;
                }
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                let callargs = pop!();
                let func = pop!();
                drop(pop!());
                let mut args: Vec<Value> = match as_tuple(&callargs) {
                    Some(t) => t.items.clone(),
                    None if vm.type_of(&callargs).iter.is_none() && vm.type_of(&callargs).getitem.is_none() => {
                        let msg = format!("{} argument after * must be an iterable, not {}", function_str(vm, &func), vm.type_of(&callargs).name());
                        return Err(vm.type_error(msg));
                    }
                    None => ops::collect(vm, &callargs)?,
                };
                let mut names = Vec::new();
                if let Some(kw) = kwargs {
                    for (k, v) in as_dict(&kw).expect("CALL_FUNCTION_EX keywords are a dict").items() {
                        // CPython's `_PyStack_UnpackDict`, for every callable.
                        if as_str(&k).is_none() {
                            return Err(vm.type_error("keywords must be strings"));
                        }
                        names.push(k);
                        args.push(v);
                    }
                }
                let func = match crate::builtins::descriptors::as_method(&func) {
                    Some(m) if as_function(&m.func).is_some() => {
                        args.insert(0, m.receiver.clone());
                        m.func.clone()
                    }
                    _ => func,
                };
                if as_function(&func).is_some() {
                    push_frame(vm, &func, args, &names)?;
                    let f = vm.frames.last().expect("the new frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    continue;
                }
                let r = if TRACE {
                    crate::trace::call_native(vm, &func, &args, &names)?
                } else {
                    call(vm, &func, &args, &names)?
                };
                vm.stack.push(r);
            }
            Opcode::BUILD_MAP => {
                let items = vm.stack.split_off(vm.stack.len() - 2 * arg as usize);
                let d = new_dict();
                let dd = as_dict(&d).expect("a dict");
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dd.set(vm, k, v)?;
                }
                vm.stack.push(d);
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let values = vm.stack.split_off(vm.stack.len() - arg as usize);
                let d = new_dict();
                let dd = as_dict(&d).expect("a dict");
                let keys = as_tuple(&keys).expect("BUILD_CONST_KEY_MAP keys are a tuple").items.clone();
                for (k, v) in keys.into_iter().zip(values) {
                    dd.set(vm, k, v)?;
                }
                vm.stack.push(d);
            }
            Opcode::BINARY_SUBSCR => {
                let key = pop!();
                let container = pop!();
                // An exact list or tuple indexed by a small int in range
                // (BINARY_SUBSCR_LIST_INT's idea).
                if let Some(i) = key.as_small_int() {
                    let ty = vm.type_of(&container);
                    let item = if std::ptr::eq(ty, &crate::builtins::list::LIST_TYPE) {
                        let items = as_list(&container).expect("a list").items.borrow();
                        let j = if i < 0 { i + items.len() as i64 } else { i };
                        usize::try_from(j).ok().and_then(|j| items.get(j).cloned())
                    } else if std::ptr::eq(ty, &crate::builtins::tuple::TUPLE_TYPE) {
                        let items = &as_tuple(&container).expect("a tuple").items;
                        let j = if i < 0 { i + items.len() as i64 } else { i };
                        usize::try_from(j).ok().and_then(|j| items.get(j).cloned())
                    } else {
                        None
                    };
                    if let Some(v) = item {
                        vm.stack.push(v);
                        continue;
                    }
                }
                let r = ops::getitem(vm, &container, &key)?;
                vm.stack.push(r);
            }
            Opcode::STORE_SUBSCR => {
                let key = pop!();
                let container = pop!();
                let value = pop!();
                // An exact list's item at a small int index in range.
                if let (Some(i), true) = (key.as_small_int(), std::ptr::eq(vm.type_of(&container), &crate::builtins::list::LIST_TYPE)) {
                    let l = as_list(&container).expect("a list");
                    let n = l.items.borrow().len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if (0..n).contains(&j) {
                        let old = std::mem::replace(&mut l.items.borrow_mut()[j as usize], value);
                        drop(old);
                        continue;
                    }
                }
                store_item(vm, &container, key, value)?;
            }
            Opcode::DELETE_SUBSCR => {
                let key = pop!();
                let container = pop!();
                delete_item(vm, &container, &key)?;
                drop((container, key));
                run_pending!();
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = pop!();
                let items = unpack(vm, &seq, arg as usize, None)?;
                vm.stack.extend(items.into_iter().rev());
            }
            Opcode::UNPACK_EX => {
                let seq = pop!();
                let (before, after) = ((arg & 0xFF) as usize, (arg >> 8) as usize);
                let items = unpack(vm, &seq, before, Some(after))?;
                vm.stack.extend(items.into_iter().rev());
            }
            Opcode::SWAP => {
                let n = vm.stack.len();
                vm.stack.swap(n - 1, n - arg as usize);
            }
            Opcode::COPY => {
                let v = vm.stack[vm.stack.len() - arg as usize].clone();
                vm.stack.push(v);
            }
            Opcode::MAKE_FUNCTION => {
                let code_value = pop!();
                let closure = if arg & 0x08 != 0 { pop!() } else { Value::NULL };
                let annotations = if arg & 0x04 != 0 { pop!() } else { Value::NULL };
                let kwdefaults = if arg & 0x02 != 0 { pop!() } else { Value::NULL };
                let defaults = if arg & 0x01 != 0 { pop!() } else { Value::NULL };
                let f = frame!();
                let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
                let func = new_function(code_value, globals, builtins, defaults, kwdefaults, closure);
                if !annotations.is_null() {
                    // The (name, value) pairs become the __annotations__ dict.
                    let d = new_dict();
                    let items = as_tuple(&annotations).map(|t| t.items.clone()).unwrap_or_default();
                    for pair in items.chunks(2) {
                        if let [k, v] = pair {
                            as_dict(&d).expect("a dict").set(vm, k.clone(), v.clone())?;
                        }
                    }
                    if let Some(f) = as_function(&func) {
                        *f.annotations.borrow_mut() = d;
                    }
                }
                vm.stack.push(func);
            }
            Opcode::COPY_FREE_VARS => {
                let func = frame!().func.clone();
                let closure = as_function(&func).map(|f| f.closure.clone()).unwrap_or(Value::NULL);
                let cells = as_tuple(&closure).map_or(&[][..], |t| &t.items[..]);
                let first = base + co.nlocalsplus - arg as usize;
                for (k, cell) in cells.iter().take(arg as usize).enumerate() {
                    vm.stack[first + k] = cell.clone();
                }
            }
            Opcode::MAKE_CELL => {
                let slot = base + arg as usize;
                let content = std::mem::replace(&mut vm.stack[slot], Value::NULL);
                vm.stack[slot] = new_cell(content);
            }
            Opcode::LOAD_CLOSURE => {
                let cell = vm.stack[base + arg as usize].clone();
                vm.stack.push(cell);
            }
            Opcode::LOAD_DEREF => {
                let cell = vm.stack[base + arg as usize].clone();
                let v = as_cell(&cell).map(|c| c.content.borrow().clone()).unwrap_or(Value::NULL);
                if v.is_null() {
                    return Err(unbound_deref(vm, &co.co, arg as usize));
                }
                vm.stack.push(v);
            }
            Opcode::DELETE_DEREF => {
                let cell = vm.stack[base + arg as usize].clone();
                let old = as_cell(&cell).map(|c| std::mem::replace(&mut *c.content.borrow_mut(), Value::NULL));
                if !matches!(&old, Some(v) if !v.is_null()) {
                    return Err(unbound_deref(vm, &co.co, arg as usize));
                }
                drop(old);
                run_pending!();
            }
            Opcode::STORE_DEREF => {
                let v = pop!();
                let cell = vm.stack[base + arg as usize].clone();
                if let Some(c) = as_cell(&cell) {
                    let old = std::mem::replace(&mut *c.content.borrow_mut(), v);
                    drop(old);
                }
            }
            Opcode::LIST_APPEND => {
                let v = pop!();
                let list = vm.stack[vm.stack.len() - arg as usize].clone();
                as_list(&list).expect("LIST_APPEND on a list").append(v);
            }
            Opcode::MAP_ADD => {
                let value = pop!();
                let key = pop!();
                let d = vm.stack[vm.stack.len() - arg as usize].clone();
                as_dict(&d).expect("MAP_ADD on a dict").set(vm, key, value)?;
            }
            Opcode::KW_NAMES => {
                kwnames = co.consts[arg as usize].clone();
            }
            Opcode::CALL => {
                let kwnames = std::mem::replace(&mut kwnames, Value::NULL);
                let nargs = arg as usize;
                let len = vm.stack.len();
                let ret = len - nargs - 2;
                // [NULL, callable, args...] or [method, self, args...]; a
                // bound method in the first form is unpacked into the second.
                if vm.stack[ret].is_null() {
                    if let Some(m) = crate::builtins::descriptors::as_method(&vm.stack[ret + 1]) {
                        let (func, receiver) = (m.func.clone(), m.receiver.clone());
                        vm.stack[ret] = func;
                        vm.stack[ret + 1] = receiver;
                    }
                }
                let (callable_at, args_from) = if vm.stack[ret].is_null() { (ret + 1, ret + 2) } else { (ret, ret + 1) };
                if let Some(f) = as_function(&vm.stack[callable_at]) {
                    // `__code__` can be reassigned: the frame keeps the code
                    // it started with.
                    let code_value = f.code.borrow().clone();
                    let callee = CodeRef::of(&code_value).get();
                    let total = len - args_from;
                    if kwnames.is_null()
                        && callee.co.co_argcount as usize == total
                        && callee.co.co_flags & 0x0D == 0x01
                        && callee.co.co_kwonlyargcount == 0
                    {
                        // (No `*args`, `**kwargs`; CO_OPTIMIZED, else the
                        // frame's locals are its globals: `push_frame`.)
                        // The fast path: the arguments stay where they are
                        // and become the new frame's first locals; the
                        // callable's slots below them go when it returns.
                        if vm.frames.len() >= vm.recursion_limit as usize {
                            return Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded"));
                        }
                        let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
                        if callee.nlocalsplus > total {
                            vm.stack.resize(args_from + callee.nlocalsplus, Value::NULL);
                        }
                        let func = std::mem::replace(&mut vm.stack[callable_at], Value::NULL);
                        vm.frames.push(Frame {
                            code: code_value,
                            func,
                            globals,
                            builtins,
                            locals: Value::NULL,
                            base: args_from,
                            ret,
                            ip: 0,
                            inline_exit: 0,
                            frame_obj: Value::NULL,
                        });
                        code = CodeRef(callee);
                        base = args_from;
                        continue;
                    }
                    // A Python-to-Python call: a new frame, no recursion.
                    let callable = vm.stack[callable_at].clone();
                    let args = vm.stack.split_off(args_from);
                    vm.stack.truncate(ret);
                    let names: &[Value] = as_tuple(&kwnames).map_or(&[], |t| &t.items);
                    push_frame(vm, &callable, args, names)?;
                    let f = vm.frames.last().expect("the new frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    continue;
                }
                // A class whose instances object's __new__ makes and a
                // Python __init__ fills, called with that __init__'s exact
                // arity: the instance is made here and __init__ runs in
                // this loop (3.13's CALL_ALLOC_AND_ENTER_INIT), the instance
                // left in the callable's NULL slot below its frame.
                if callable_at == ret + 1 && kwnames.is_null() {
                    if let Some(callee) = push_init_frame(vm, &code.get().caches[at], ret) {
                        code = callee;
                        base = callable_at;
                        continue;
                    }
                }
                // Anything else is called natively; up to `Args::INLINE`
                // arguments move off the stack without an allocation.
                let args = Args::take(&mut vm.stack, args_from);
                let callable = std::mem::replace(&mut vm.stack[callable_at], Value::NULL);
                vm.stack.truncate(ret);
                let names: &[Value] = as_tuple(&kwnames).map_or(&[], |t| &t.items);
                let r = if TRACE {
                    crate::trace::call_native(vm, &callable, args.as_slice(), names)?
                } else {
                    call(vm, &callable, args.as_slice(), names)?
                };
                vm.stack.push(r);
            }
            Opcode::RETURN_GENERATOR => {
                // The new frame moves into a generator, returned to the caller.
                let f = vm.frames.pop().expect("a frame is running");
                let stack = vm.stack.split_off(f.base);
                vm.stack.truncate(f.ret);
                let (name, qualname) = match as_function(&f.func) {
                    // The function's `__name__` as it is now (CPython's
                    // gen->gi_name = func->func_name).
                    Some(func) => (func.name_value(&co.co.co_name), func.qualname.borrow().clone()),
                    None => (crate::builtins::str::new_str(&co.co.co_name), crate::builtins::str::new_str(&co.co.co_qualname)),
                };
                let gen = crate::generator::new_generator(
                    vm,
                    crate::generator::SavedFrame { frame: f, stack },
                    name,
                    qualname,
                    co.co.co_flags,
                );
                if vm.frames.len() < entry {
                    return Ok(gen);
                }
                vm.stack.push(gen);
                let f = vm.frames.last().expect("the caller's frame");
                code = CodeRef::of(&f.code);
                base = f.base;
            }
            Opcode::YIELD_VALUE => {
                // A generator frame runs as its own entry: suspending it
                // ends this run of the loop.
                let v = pop!();
                if TRACE {
                    crate::trace::yield_exit(vm, co, &v)?;
                }
                let mut frame = vm.frames.pop().expect("a frame is running");
                let mut stack = vm.spare_stacks.pop().unwrap_or_default();
                stack.extend(vm.stack.drain(frame.base..));
                vm.stack.truncate(frame.ret);
                if frame.inline_exit != 0 {
                    // Resumed by FOR_ITER in this loop: the value goes on
                    // the caller's stack, above the generator.
                    frame.inline_exit = 0;
                    let gen = top!().clone();
                    crate::generator::suspend_inline(vm, &gen, crate::generator::SavedFrame { frame, stack });
                    vm.stack.push(v);
                    let f = vm.frames.last().expect("the loop's frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    continue;
                }
                vm.suspended = Some(crate::generator::SavedFrame { frame, stack });
                return Ok(v);
            }
            Opcode::GET_AWAITABLE => {
                let v = pop!();
                let it = protocols::awaitable(vm, &v, arg)?;
                vm.stack.push(it);
            }
            Opcode::GET_AITER => {
                let v = pop!();
                let it = protocols::aiter(vm, &v)?;
                vm.stack.push(it);
            }
            Opcode::GET_ANEXT => {
                let aiter = top!().clone();
                let it = protocols::anext(vm, &aiter)?;
                vm.stack.push(it);
            }
            Opcode::END_ASYNC_FOR => {
                let exc = pop!();
                if vm.type_of(&exc).is_subtype(&crate::builtins::exceptions::STOP_ASYNC_ITERATION) {
                    drop(pop!());
                } else {
                    vm.reraising = true;
                    return Err(PyErr { exception: exc });
                }
            }
            Opcode::BEFORE_ASYNC_WITH | Opcode::BEFORE_WITH => {
                // The bound __exit__ replaces the manager, then what
                // __enter__() returned is pushed.
                let mgr = pop!();
                let (exit, entered) = protocols::enter_context(vm, &mgr, op == Opcode::BEFORE_ASYNC_WITH)?;
                vm.stack.push(exit);
                vm.stack.push(entered);
            }
            Opcode::ASYNC_GEN_WRAP => {
                let v = pop!();
                vm.stack.push(crate::generator_async::wrap(v));
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = pop!();
                let it = protocols::yield_from_iter(vm, v, co.co.co_flags)?;
                vm.stack.push(it);
            }
            Opcode::SEND => {
                let v = pop!();
                let receiver = top!().clone();
                let outcome = if crate::generator::as_generator(&receiver).is_some() {
                    crate::generator::send(vm, &receiver, v, None)?
                } else {
                    protocols::send(vm, &receiver, v)?
                };
                match outcome {
                    crate::generator::Sent::Yielded(x) => vm.stack.push(x),
                    crate::generator::Sent::Returned(r) => {
                        if TRACE {
                            crate::trace::returned(vm, &r)?;
                        }
                        *vm.stack.last_mut().expect("SEND's receiver") = r;
                        jump(frame!(), op, arg);
                    }
                }
            }
            Opcode::RETURN_VALUE => {
                let v = pop!();
                if TRACE {
                    crate::trace::function_exit(vm, &v)?;
                }
                let f = vm.frames.pop().expect("a frame is running");
                if !f.frame_obj.is_null() {
                    crate::builtins::frame::finish(vm, &f);
                }
                vm.stack.truncate(f.ret);
                let inline_exit = f.inline_exit;
                if inline_exit == 0 && vm.frames.len() < entry {
                    // The run's entry frame. A generator's: its finalizers
                    // run in `generator::resume` once the generator is
                    // marked finished (read while `f` keeps the code alive).
                    let generator_frame = co.co.co_flags & GENERATOR_FLAGS != 0;
                    drop(f);
                    if !generator_frame {
                        run_pending!(false);
                    }
                    return Ok(v);
                }
                drop(f);
                if inline_exit == INIT_FRAME {
                    // The instance is on the caller's stack already.
                    if !is_none(&v) {
                        let msg = format!("__init__() should return None, not '{}'", vm.type_of(&v).name());
                        return Err(vm.type_error(msg));
                    }
                    let f = vm.frames.last().expect("the caller's frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    run_pending!(false);
                    continue;
                }
                if inline_exit != 0 {
                    // A generator FOR_ITER resumed here is exhausted: the
                    // loop ends (its return value goes nowhere).
                    let gen = pop!();
                    crate::generator::finish_inline(vm, &gen);
                    if TRACE {
                        crate::trace::returned(vm, &v)?;
                    }
                    drop((gen, v));
                    frame!().ip = inline_exit;
                    let f = vm.frames.last().expect("the loop's frame");
                    code = CodeRef::of(&f.code);
                    base = f.base;
                    run_pending!(false);
                    continue;
                }
                run_pending!(false);
                vm.stack.push(v);
                let f = vm.frames.last().expect("the caller's frame");
                code = CodeRef::of(&f.code);
                base = f.base;
            }
            Opcode::SETUP_ANNOTATIONS => {
                let locals = frame!().locals.clone();
                if locals.is_null() {
                    return Err(vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, "no locals found when setting up annotations"));
                }
                let key = crate::builtins::str::intern("__annotations__");
                if namespace_get(vm, &locals, &key)?.is_none() {
                    store_item(vm, &locals, key, new_dict())?;
                }
            }
            Opcode::PRINT_EXPR => {
                // The interactive print of an expression statement's value.
                let v = pop!();
                let Some(hook) = vm.sys_attr("displayhook") else {
                    return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "lost sys.displayhook"));
                };
                crate::eval::call(vm, &hook, &[v], &[])?;
            }
            Opcode::WITH_EXCEPT_START => {
                // [__exit__, lasti, previous exception, exception]: call
                // __exit__(type, value, traceback).
                let len = vm.stack.len();
                let exit = vm.stack[len - 4].clone();
                let exc = vm.stack[len - 1].clone();
                let ty = crate::types::type_value(vm.type_of_static(&exc));
                let tb = ops::getattr(vm, &exc, &crate::builtins::str::intern("__traceback__"))?;
                let r = call(vm, &exit, &[ty, exc, tb], &[])?;
                vm.stack.push(r);
            }
            Opcode::PUSH_EXC_INFO => {
                let exc = pop!();
                let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
                vm.stack.push(if prev.is_null() { crate::builtins::singletons::none() } else { prev });
                vm.stack.push(exc);
            }
            Opcode::POP_EXCEPT => {
                let prev = pop!();
                vm.exc_info = if is_none(&prev) { Value::NULL } else { prev };
            }
            Opcode::CHECK_EG_MATCH => {
                // [exc, type] -> [rest, match] when part of exc matches
                // (match becomes the exception being handled), else
                // [exc, None].
                let match_type = pop!();
                let exc = top!().clone();
                let (matched, rest) = crate::builtins::exception_group::check_eg_match(vm, &exc, &match_type)?;
                if is_none(&matched) {
                    vm.stack.push(matched);
                } else {
                    *vm.stack.last_mut().expect("the exception") = rest;
                    vm.exc_info = matched.clone();
                    vm.stack.push(matched);
                }
            }
            Opcode::PREP_RERAISE_STAR => {
                let excs = pop!();
                let orig = pop!();
                let r = crate::builtins::exception_group::prep_reraise_star(vm, &orig, &excs)?;
                vm.stack.push(r);
            }
            Opcode::CHECK_EXC_MATCH => {
                let ty = pop!();
                let exc = top!().clone();
                let r = exception_matches(vm, &exc, &ty)?;
                vm.stack.push(vm.bool(r));
            }
            Opcode::RERAISE => {
                // The traceback already holds the entry for where the
                // exception first reached this frame; the `lasti` operand is
                // what the frame reports if the error leaves it.
                let exc = pop!();
                if arg != 0 {
                    let at = vm.stack.len() - arg as usize;
                    vm.reraise_lasti = vm.stack[at].as_small_int().map(|i| i as u32);
                }
                vm.reraising = true;
                return Err(PyErr { exception: exc });
            }
            Opcode::RAISE_VARARGS => {
                let cause = if arg == 2 { Some(pop!()) } else { None };
                if arg == 0 {
                    let top = vm.topmost_exc();
                    if top.is_null() {
                        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "No active exception to reraise"));
                    }
                    // A bare `raise` re-raises without a new traceback entry.
                    vm.reraising = true;
                    return Err(PyErr { exception: top });
                }
                let exc = pop!();
                return Err(exceptions::raise(vm, &exc, cause));
            }
            Opcode::LOAD_ASSERTION_ERROR => {
                vm.stack.push(crate::types::type_value(&crate::builtins::exceptions::ASSERTION_ERROR));
            }
            Opcode::IMPORT_NAME => {
                let name = co.names[arg as usize].clone();
                let fromlist = pop!();
                let level = pop!();
                let f = frame!();
                let (globals, builtins, locals) = (f.globals.clone(), f.builtins.clone(), f.locals.clone());
                // CPython's `import_name`: the frame's builtins' `__import__`,
                // called unless it is the built-in one.
                let import = dict_get(vm, &builtins, &crate::builtins::str::intern("__import__"))?;
                let Some(import) = import else {
                    return Err(vm.error(&crate::builtins::exceptions::IMPORT_ERROR, "__import__ not found"));
                };
                let module = if crate::builtins::functions::is_builtin_import(&import) {
                    let level = level.as_small_int().unwrap_or(0);
                    crate::import::import_name(vm, as_str(&name).unwrap_or(""), &fromlist, level, &globals)?
                } else {
                    let locals = if locals.is_null() { crate::builtins::singletons::none() } else { locals };
                    calls::call(vm, &import, &[name, globals, locals, fromlist, level], &[])?
                };
                vm.stack.push(module);
            }
            Opcode::IMPORT_FROM => {
                let name = &co.names[arg as usize];
                let module = top!().clone();
                let v = crate::import::import_from(vm, &module, name)?;
                vm.stack.push(v);
            }
            Opcode::IMPORT_STAR => {
                let module = pop!();
                let locals = frame!().locals.clone();
                crate::import::import_star(vm, &module, &locals)?;
            }
            other => {
                let msg = format!("the {} instruction", other.name());
                return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
            }
        }
    }
}

#[inline]
fn jump(frame: &mut Frame, op: Opcode, arg: u32) {
    match op.jump() {
        krait_compiler::opcode::Jump::Backward => frame.ip -= arg as usize,
        _ => frame.ip += arg as usize,
    }
}
