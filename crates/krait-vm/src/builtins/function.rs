//! Code objects, functions, built-in functions and modules as VM objects.
//!
//! Invariants:
//! - A VM code object owns the compiler's `CodeObject` and its constants
//!   and names turned into `Value`s once, when loaded; the evaluation loop
//!   indexes them directly.
//! - A function keeps its code, globals and builtins alive; calling a
//!   Python function never recurses on the Rust stack (the evaluation loop
//!   pushes a frame), while a built-in function is a Rust call.

use krait_compiler::code::{CodeObject, Constant};

use crate::builtins::docs;
use crate::builtins::int::{new_big, new_int};
use crate::builtins::singletons::{bool_value, ellipsis, is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{CallFn, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct CodeData {
    pub co: CodeObject,
    pub consts: Vec<Value>,
    /// `co_names` as `str` values.
    pub names: Vec<Value>,
    /// Slots a frame needs for locals, cells and free variables
    /// ("localsplus": the locals, the cells that are not parameters, the
    /// free variables).
    pub nlocalsplus: usize,
    /// One inline cache per code unit, used by the instructions that
    /// specialize (see `eval::cache`).
    pub caches: Box<[std::cell::Cell<crate::eval::InlineCache>]>,
    /// `co_code` decoded once: per code unit, the instruction that starts
    /// there (`EXTENDED_ARG` prefixes folded in).
    pub decoded: Box<[Decoded]>,
    /// `co_linetable` as given to `replace()` (None: encoded from the
    /// positions on demand).
    pub linetable: Option<Box<[u8]>>,
    /// Why this code, made by `replace()`, must not run (see `code_check`).
    pub broken: Option<Box<str>>,
}

/// One instruction of `co_code`, decoded.
#[derive(Clone, Copy)]
pub struct Decoded {
    pub op: krait_compiler::opcode::Opcode,
    pub arg: u32,
    /// The code unit of the instruction itself (after its prefixes).
    pub at: u32,
    /// The code unit after it and its inline cache entries.
    pub next: u32,
}

/// Decode `units`: every index gets the instruction starting there (an
/// `EXTENDED_ARG` unit the whole prefixed instruction; a cache unit a NOP).
fn decode(units: &[u16]) -> Box<[Decoded]> {
    use krait_compiler::opcode::Opcode;
    (0..units.len())
        .map(|start| {
            let mut i = start;
            let mut op = Opcode::from_byte(units[i] as u8).unwrap_or(Opcode::NOP);
            let mut arg = u32::from(units[i] >> 8);
            while op == Opcode::EXTENDED_ARG && i + 1 < units.len() {
                i += 1;
                op = Opcode::from_byte(units[i] as u8).unwrap_or(Opcode::NOP);
                arg = arg << 8 | u32::from(units[i] >> 8);
            }
            let next = (i + 1 + op.cache_entries()).min(units.len());
            Decoded { op, arg, at: i as u32, next: next as u32 }
        })
        .collect()
}

pub static CODE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let c = as_code(v).expect("code slot on code");
        Ok(new_str(&format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.co.co_name,
            v.bits() & ((1 << 48) - 1),
            c.co.co_filename,
            c.co.co_firstlineno
        )))
    }),
    getattr: Slot::new(code_getattr),
    getsets: &CODE_GETSETS,
    new: Some(crate::builtins::code::code_new),
    richcompare: Slot::new(crate::builtins::code::code_richcompare),
    hash: Slot::new(crate::builtins::code::code_hash),
    methods: &[
        crate::types::MethodDef { name: "co_lines", func: crate::builtins::code::co_lines },
        crate::types::MethodDef { name: "co_positions", func: crate::builtins::code::co_positions },
        crate::types::MethodDef { name: "replace", func: crate::builtins::code::replace },
        crate::types::MethodDef { name: "_varname_from_oparg", func: crate::builtins::code::varname_from_oparg },
    ],
    ..TypeObject::builtin("code", Some(&OBJECT_TYPE), dealloc_code, trace_code)
};

/// The `co_*` attributes as descriptors in the type's namespace (`dir`,
/// `mock`'s `spec_set=CodeType`); instances answer them in `code_getattr`.
macro_rules! code_getset {
    ($name:literal, $member:literal) => {
        crate::types::GetSetDef { name: $name, get: |vm, v| code_getattr(vm, v, &new_str($name)), set: None, member: $member }
    };
}

static CODE_GETSETS: [crate::types::GetSetDef; 19] = [
    code_getset!("co_argcount", true),
    code_getset!("co_posonlyargcount", true),
    code_getset!("co_kwonlyargcount", true),
    code_getset!("co_stacksize", true),
    code_getset!("co_flags", true),
    code_getset!("co_nlocals", true),
    code_getset!("co_consts", true),
    code_getset!("co_names", true),
    code_getset!("co_filename", true),
    code_getset!("co_name", true),
    code_getset!("co_qualname", true),
    code_getset!("co_firstlineno", true),
    code_getset!("co_linetable", true),
    code_getset!("co_exceptiontable", true),
    code_getset!("co_lnotab", false),
    code_getset!("co_varnames", false),
    code_getset!("co_cellvars", false),
    code_getset!("co_freevars", false),
    code_getset!("co_code", false),
];

/// A code object's `co_*` attributes.
fn code_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let c = as_code(v).expect("code slot on code");
    let co = &c.co;
    let strs = |names: &[String]| new_tuple(names.iter().map(|n| crate::builtins::str::intern(n)).collect());
    let int = |i: u32| new_int(i64::from(i));
    Ok(match as_str(name).unwrap_or("") {
        "co_name" => new_str(&co.co_name),
        "co_qualname" => new_str(&co.co_qualname),
        "co_filename" => new_str(&co.co_filename),
        "co_firstlineno" => int(co.co_firstlineno),
        "co_argcount" => int(co.co_argcount),
        "co_posonlyargcount" => int(co.co_posonlyargcount),
        "co_kwonlyargcount" => int(co.co_kwonlyargcount),
        "co_nlocals" => new_int(co.co_varnames.len() as i64),
        "co_flags" => int(co.co_flags),
        "co_stacksize" => int(co.co_stacksize),
        "co_varnames" => strs(&co.co_varnames),
        "co_cellvars" => strs(&co.co_cellvars),
        "co_freevars" => strs(&co.co_freevars),
        "co_names" => new_tuple(c.names.clone()),
        "co_consts" => new_tuple(c.consts.clone()),
        "co_code" => crate::builtins::code::co_code(co),
        "co_exceptiontable" => crate::builtins::code::co_exceptiontable(co),
        "co_linetable" => crate::builtins::code::co_linetable(c),
        "co_lnotab" => crate::builtins::code::co_lnotab(c),
        _ => return crate::builtins::classes::generic_getattr(vm, v, name),
    })
}

unsafe fn dealloc_code(p: ObjPtr) {
    // SAFETY: code objects are allocated by `new_code` as Obj<CodeData>.
    unsafe { dealloc_boxed::<CodeData>(p) }
}

fn trace_code(p: ObjPtr, visit: Visit) {
    // SAFETY: code objects are Obj<CodeData>.
    let c = unsafe { p.data::<CodeData>() };
    c.consts.iter().chain(&c.names).for_each(visit);
}

pub fn as_code(v: &Value) -> Option<&CodeData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `code` are Obj<CodeData>.
    std::ptr::eq(p.ty(), &CODE_TYPE).then(|| unsafe { p.data::<CodeData>() })
}

/// Load a compiled code object (and the code objects among its constants).
pub fn new_code(co: CodeObject) -> Value {
    let consts = co.co_consts.iter().map(constant_value).collect();
    let names = co.co_names.iter().map(|n| crate::builtins::str::intern(n)).collect();
    new_code_with(co, consts, names)
}

/// A code object whose constants and names (as values) are given.
pub fn new_code_with(co: CodeObject, consts: Vec<Value>, names: Vec<Value>) -> Value {
    Value::from_owned(alloc(&CODE_TYPE, code_data(co, consts, names)))
}

fn code_data(co: CodeObject, consts: Vec<Value>, names: Vec<Value>) -> CodeData {
    let nonparam_cells = co.co_cellvars.iter().filter(|c| !co.co_varnames.contains(c)).count();
    let nlocalsplus = co.co_varnames.len() + nonparam_cells + co.co_freevars.len();
    let caches = (0..co.co_code.len()).map(|_| std::cell::Cell::new(crate::eval::InlineCache::EMPTY)).collect();
    let decoded = decode(&co.co_code);
    CodeData { co, consts, names, nlocalsplus, caches, decoded, linetable: None, broken: None }
}

/// A code object made by `code.replace()` or the `code` constructor: its
/// location table kept as given, and checked before it may run.
pub fn new_code_replaced(co: CodeObject, consts: Vec<Value>, names: Vec<Value>, linetable: Vec<u8>) -> Value {
    let mut c = code_data(co, consts, names);
    c.broken = crate::builtins::code_check::check(&c.co, &c.consts, &c.decoded, c.nlocalsplus).map(Into::into);
    c.linetable = Some(linetable.into());
    Value::from_owned(alloc(&CODE_TYPE, c))
}

/// SystemError if `code` (a code object) was made unrunnable by
/// `code.replace()`.
pub fn check_runnable(vm: &mut Vm, code: &Value) -> PyResult<()> {
    match as_code(code).and_then(|c| c.broken.as_deref()) {
        Some(why) => Err(vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, format!("code object cannot run: {why}"))),
        None => Ok(()),
    }
}

/// A compiler constant as a value.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => none(),
        Constant::Bool(b) => bool_value(*b),
        Constant::Ellipsis => ellipsis(),
        Constant::Int(krait_syntax::ast::Int::Small(i)) => new_int(*i),
        Constant::Int(krait_syntax::ast::Int::Big(b)) => new_big(dashu_int::IBig::from((**b).clone())),
        Constant::Float(f) => Value::float(*f),
        // Identifier-like constants are interned, as CPython does.
        Constant::Str(s) => match s.as_str() {
            Some(text) if text.len() <= 64 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                crate::builtins::str::intern(text)
            }
            _ => crate::builtins::str::new_str_from_pystring(s),
        },
        Constant::Tuple(items) => new_tuple(items.iter().map(constant_value).collect()),
        Constant::Code(co) => new_code((**co).clone()),
        Constant::FrozenSet(items) => crate::builtins::set::frozenset_constant(items.iter().map(constant_value).collect()),
        Constant::Bytes(b) => crate::builtins::bytes::new_bytes(b.clone()),
        Constant::Complex { real, imag } => crate::builtins::complex::new_complex(*real, *imag),
    }
}

pub struct FunctionData {
    /// `__code__`, which may be assigned (`types.coroutine` does).
    pub code: std::cell::RefCell<Value>,
    pub globals: Value,
    pub builtins: Value,
    pub qualname: std::cell::RefCell<Value>,
    /// `__name__`, `__doc__` and `__module__` once assigned (NULL: the
    /// code's name, its docstring, the globals' `__name__`).
    pub name: std::cell::RefCell<Value>,
    pub doc: std::cell::RefCell<Value>,
    pub module: std::cell::RefCell<Value>,
    /// The defaults tuple, or NULL.
    pub defaults: std::cell::RefCell<Value>,
    /// The keyword-only defaults dict (`__kwdefaults__`), or NULL.
    pub kwdefaults: std::cell::RefCell<Value>,
    /// `__annotations__`, made on first use (NULL until then).
    pub annotations: std::cell::RefCell<Value>,
    /// `__dict__`, made on first use (NULL until then).
    pub dict: std::cell::RefCell<Value>,
    /// The closure: a tuple of cells (one per `co_freevars`), or NULL.
    pub closure: Value,
    /// Weak references to the function exist (see `weakref`).
    pub weakly_referenced: std::cell::Cell<bool>,
}

impl FunctionData {
    /// `__name__`: as assigned, else made from `co_name` once and kept, so
    /// `f.__name__ is f.__name__` and each generator does not make its own.
    pub fn name_value(&self, co_name: &str) -> Value {
        let n = self.name.borrow().clone();
        if !n.is_null() {
            return n;
        }
        let n = new_str(co_name);
        *self.name.borrow_mut() = n.clone();
        n
    }
}

/// The data attributes `function` answers for on the class
/// (`FunctionType.__code__`); instances read them in `function_getattr`.
static FUNCTION_GETSETS: [crate::types::GetSetDef; 12] = {
    use crate::types::GetSetDef;
    macro_rules! attr {
        ($name:literal, $member:expr) => {
            GetSetDef {
                name: $name,
                get: |vm, v| function_getattr(vm, v, &crate::builtins::str::intern($name)),
                set: if $member {
                    None
                } else {
                    Some(|vm, v, value| {
                        let set = FUNCTION_TYPE.setattr.get().expect("function has a setattr slot");
                        set(vm, v, &crate::builtins::str::intern($name), value)
                    })
                },
                member: $member,
            }
        };
    }
    [
        attr!("__code__", false),
        attr!("__defaults__", false),
        attr!("__kwdefaults__", false),
        attr!("__annotations__", false),
        attr!("__dict__", false),
        attr!("__name__", false),
        attr!("__qualname__", false),
        attr!("__globals__", true),
        attr!("__builtins__", true),
        attr!("__closure__", true),
        attr!("__module__", true),
        // A writable member in CPython (`func_memberlist`), so that
        // `object.__getattribute__(f, '__doc__')` finds the docstring.
        GetSetDef {
            name: "__doc__",
            get: |vm, v| function_getattr(vm, v, &crate::builtins::str::intern("__doc__")),
            set: Some(|vm, v, value| {
                let set = FUNCTION_TYPE.setattr.get().expect("function has a setattr slot");
                set(vm, v, &crate::builtins::str::intern("__doc__"), value)
            }),
            member: true,
        },
    ]
};

pub static FUNCTION_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let f = as_function(v).expect("function slot on a function");
        let name = as_str(&f.qualname.borrow()).unwrap_or("?").to_string();
        Ok(new_str(&format!("<function {} at {:#x}>", name, v.bits() & ((1 << 48) - 1))))
    }),
    descr_get: Slot::new(crate::builtins::descriptors::function_descr_get),
    // The evaluation loop calls functions itself; this slot is what
    // `f.__call__` and `type(f).__call__` reach (`eval::call` takes
    // functions before looking at the slot).
    call: Slot::new(crate::eval::call),
    getattr: Slot::new(function_getattr),
    getsets: &FUNCTION_GETSETS,
    setattr: Slot::new(function_setattr),
    new: Some(function_new),
    ..TypeObject::builtin("function", Some(&OBJECT_TYPE), dealloc_function, trace_function)
};

/// `function(code, globals, name=None, argdefs=None, closure=None)`, with
/// the checks and messages of CPython's `func_new_impl`.
fn function_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let [code, globals, name, argdefs, closure] = crate::builtins::itertools::bind(vm, "function", args, kwnames, names, 5, 2)?;
    let (code, globals) = (code.expect("required"), globals.expect("required"));
    let Some(co) = as_code(&code) else {
        let msg = format!("function() argument 'code' must be code, not {}", vm.type_of(&code).name());
        return Err(vm.type_error(msg));
    };
    check_runnable(vm, &code)?;
    if crate::builtins::dict::as_dict(&globals).is_none() {
        let msg = format!("function() argument 'globals' must be dict, not {}", vm.type_of(&globals).name());
        return Err(vm.type_error(msg));
    }
    let name = name.filter(|v| !is_none(v));
    let argdefs = argdefs.filter(|v| !is_none(v));
    let closure = closure.filter(|v| !is_none(v));
    if name.as_ref().is_some_and(|n| as_str(n).is_none()) {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if argdefs.as_ref().is_some_and(|d| crate::builtins::tuple::as_tuple(d).is_none()) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = co.co.co_freevars.len();
    let cells = match &closure {
        Some(c) => match crate::builtins::tuple::as_tuple(c) {
            Some(t) => t.items.clone(),
            None => return Err(vm.type_error("arg 5 (closure) must be None or tuple")),
        },
        None if nfree > 0 => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        None => Vec::new(),
    };
    if cells.len() != nfree {
        let msg = format!("{} requires closure of length {nfree}, not {}", co.co.co_name, cells.len());
        return Err(vm.value_error(msg));
    }
    if let Some(bad) = cells.iter().find(|c| as_cell(c).is_none()) {
        let msg = format!("arg 5 (closure) expected cell, found {}", vm.type_of(bad).name());
        return Err(vm.type_error(msg));
    }
    let builtins = crate::builtins::exec::builtins_of(vm, &globals)?;
    let func = new_function(
        code,
        globals,
        builtins,
        argdefs.unwrap_or(Value::NULL),
        Value::NULL,
        closure.unwrap_or(Value::NULL),
    );
    if let Some(n) = name {
        let f = as_function(&func).expect("just made");
        *f.name.borrow_mut() = n;
    }
    Ok(func)
}

/// `f.name = value` / `del f.name`: the function's own attributes with
/// CPython's checks, others in its `__dict__`.
fn function_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let f = as_function(v).expect("function slot on a function");
    let text = as_str(name).unwrap_or("");
    let replace = |cell: &std::cell::RefCell<Value>, x: Value| drop(std::mem::replace(&mut *cell.borrow_mut(), x));
    let must = |vm: &mut Vm, ok: bool, what: &str| -> PyResult<()> {
        if ok {
            Ok(())
        } else {
            Err(vm.type_error(format!("{text} must be set to {what}")))
        }
    };
    match text {
        "__name__" | "__qualname__" => {
            let x = value.filter(|x| as_str(x).is_some());
            must(vm, x.is_some(), "a string object")?;
            let cell = if text == "__name__" { &f.name } else { &f.qualname };
            replace(cell, x.expect("checked"));
            return Ok(());
        }
        "__doc__" => {
            replace(&f.doc, value.unwrap_or_else(none));
            return Ok(());
        }
        "__module__" => {
            replace(&f.module, value.unwrap_or_else(none));
            return Ok(());
        }
        "__annotations__" => {
            let x = value.unwrap_or_else(none);
            must(vm, is_none(&x) || crate::builtins::dict::as_dict(&x).is_some(), "a dict object")?;
            replace(&f.annotations, if is_none(&x) { Value::NULL } else { x });
            return Ok(());
        }
        "__dict__" => {
            let Some(x) = value else { return Err(vm.type_error("cannot delete __dict__")) };
            if crate::builtins::dict::as_dict(&x).is_none() {
                let msg = format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_of(&x).name());
                return Err(vm.type_error(msg));
            }
            replace(&f.dict, x);
            return Ok(());
        }
        "__code__" | "__defaults__" | "__kwdefaults__" => {
            let ok = match (text, &value) {
                ("__code__", Some(x)) => as_code(x).is_some(),
                ("__defaults__", Some(x)) => is_none(x) || crate::builtins::tuple::as_tuple(x).is_some(),
                ("__kwdefaults__", Some(x)) => is_none(x) || crate::builtins::dict::as_dict(x).is_some(),
                ("__code__", None) => false,
                _ => true,
            };
            let what = match text {
                "__code__" => "a code object",
                "__defaults__" => "a tuple object",
                _ => "a dict object",
            };
            must(vm, ok, what)?;
            // None (or deleting) leaves no defaults.
            let x = value.filter(|x| !is_none(x)).unwrap_or(Value::NULL);
            match text {
                "__defaults__" => replace(&f.defaults, x),
                "__kwdefaults__" => replace(&f.kwdefaults, x),
                _ => {
                    check_runnable(vm, &x)?;
                    // func_set_code: the closure must fit the new code.
                    let nfree = |c: &Value| as_code(c).map_or(0, |c| c.co.co_freevars.len());
                    let (old_free, new_free) = (nfree(&f.code.borrow()), nfree(&x));
                    if old_free != new_free {
                        let name = as_code(&f.code.borrow()).map_or_else(String::new, |c| c.co.co_name.to_string());
                        let msg = format!("{name}() requires a code object with {old_free} free vars, not {new_free}");
                        return Err(vm.value_error(msg));
                    }
                    replace(&f.code, x);
                }
            }
            return Ok(());
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(vm.error(&crate::builtins::exceptions::ATTRIBUTE_ERROR, "readonly attribute"));
        }
        _ => {}
    }
    {
        if f.dict.borrow().is_null() {
            *f.dict.borrow_mut() = crate::builtins::dict::new_dict();
        }
        let d = f.dict.borrow().clone();
        crate::builtins::classes::set_in_dict(vm, v, crate::builtins::dict::as_dict(&d).expect("a dict"), name, value)
    }
}

/// A function's attributes (`__name__`, `__qualname__`, `__doc__`, ...).
fn function_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let f = as_function(v).expect("function slot on a function");
    let code_value = f.code.borrow().clone();
    let code = as_code(&code_value).expect("a function's code");
    let or_none = |x: &Value| if x.is_null() { none() } else { x.clone() };
    match as_str(name).unwrap_or("") {
        "__name__" => Ok(f.name_value(&code.co.co_name)),
        "__qualname__" => Ok(f.qualname.borrow().clone()),
        "__code__" => Ok(code_value.clone()),
        "__globals__" => Ok(f.globals.clone()),
        "__builtins__" => Ok(f.builtins.clone()),
        "__defaults__" => Ok(or_none(&f.defaults.borrow())),
        "__kwdefaults__" => Ok(or_none(&f.kwdefaults.borrow())),
        "__annotations__" => {
            if f.annotations.borrow().is_null() {
                *f.annotations.borrow_mut() = crate::builtins::dict::new_dict();
            }
            Ok(f.annotations.borrow().clone())
        }
        "__closure__" => Ok(or_none(&f.closure)),
        "__doc__" => {
            let set = f.doc.borrow().clone();
            if !set.is_null() {
                return Ok(set);
            }
            let doc = code.consts.first().cloned().unwrap_or_else(none);
            Ok(if as_str(&doc).is_some() { doc } else { none() })
        }
        "__module__" => {
            let set = f.module.borrow().clone();
            if !set.is_null() {
                return Ok(set);
            }
            let globals = f.globals.clone();
            let m = crate::builtins::dict::as_dict(&globals).and_then(|d| d.get_str(&new_str("__name__")));
            Ok(m.unwrap_or_else(none))
        }
        "__dict__" => {
            if f.dict.borrow().is_null() {
                *f.dict.borrow_mut() = crate::builtins::dict::new_dict();
            }
            Ok(f.dict.borrow().clone())
        }
        _ => {
            let d = f.dict.borrow().clone();
            if let Some(x) = crate::builtins::dict::as_dict(&d).and_then(|d| d.get_str(name)) {
                return Ok(x);
            }
            crate::builtins::classes::generic_getattr(vm, v, name)
        }
    }
}

unsafe fn dealloc_function(p: ObjPtr) {
    // SAFETY: functions are allocated by `new_function` as Obj<FunctionData>.
    if unsafe { p.data::<FunctionData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<FunctionData>(p) }
}

fn trace_function(p: ObjPtr, visit: Visit) {
    // SAFETY: functions are Obj<FunctionData>.
    let f = unsafe { p.data::<FunctionData>() };
    let (annotations, dict, qualname) = (f.annotations.borrow(), f.dict.borrow(), f.qualname.borrow());
    let (name, doc, module) = (f.name.borrow(), f.doc.borrow(), f.module.borrow());
    let (defaults, kwdefaults) = (f.defaults.borrow(), f.kwdefaults.borrow());
    let code = f.code.borrow();
    let fields = [&*code, &f.globals, &f.builtins, &*defaults, &*kwdefaults, &f.closure];
    for v in fields.into_iter().chain([&*annotations, &*dict, &*qualname, &*name, &*doc, &*module]) {
        if !v.is_null() {
            visit(v);
        }
    }
}

pub fn new_function(code: Value, globals: Value, builtins: Value, defaults: Value, kwdefaults: Value, closure: Value) -> Value {
    let qualname = as_code(&code).map_or_else(|| new_str("?"), |c| new_str(&c.co.co_qualname));
    Value::from_owned(alloc(&FUNCTION_TYPE, FunctionData {
        code: std::cell::RefCell::new(code),
        globals,
        builtins,
        qualname: std::cell::RefCell::new(qualname),
        name: std::cell::RefCell::new(Value::NULL),
        doc: std::cell::RefCell::new(Value::NULL),
        module: std::cell::RefCell::new(Value::NULL),
        defaults: std::cell::RefCell::new(defaults),
        kwdefaults: std::cell::RefCell::new(kwdefaults),
        closure,
        annotations: std::cell::RefCell::new(Value::NULL),
        dict: std::cell::RefCell::new(Value::NULL),
        weakly_referenced: std::cell::Cell::new(false),
    }))
}

/// A cell: a variable shared between a function and the functions nested
/// in it. Its content is NULL while the variable is unbound.
pub struct CellData {
    pub content: std::cell::RefCell<Value>,
}

pub static CELL_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let c = as_cell(v).expect("cell slot on a cell");
        let text = if c.content.borrow().is_null() {
            format!("<cell at {:#x}: empty>", v.bits() & ((1 << 48) - 1))
        } else {
            format!("<cell at {:#x}>", v.bits() & ((1 << 48) - 1))
        };
        Ok(new_str(&text))
    }),
    getattr: Slot::new(|vm, v, name| {
        if as_str(name) != Some("cell_contents") {
            return crate::builtins::classes::generic_getattr(vm, v, name);
        }
        let content = as_cell(v).expect("cell slot on a cell").content.borrow().clone();
        if content.is_null() {
            return Err(vm.error(&crate::builtins::exceptions::VALUE_ERROR, "Cell is empty"));
        }
        Ok(content)
    }),
    // Cells compare by content, an empty cell before any other (CPython's
    // `cell_richcompare`).
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_cell(a), as_cell(b)) else { return Ok(vm.not_implemented()) };
        let (x, y) = (x.content.borrow().clone(), y.content.borrow().clone());
        if !x.is_null() && !y.is_null() {
            return crate::ops::richcompare(vm, &x, &y, op);
        }
        use crate::types::CompareOp;
        let order = (!x.is_null()).cmp(&!y.is_null());
        let r = match op {
            CompareOp::Lt => order.is_lt(),
            CompareOp::Le => order.is_le(),
            CompareOp::Eq => order.is_eq(),
            CompareOp::Ne => order.is_ne(),
            CompareOp::Gt => order.is_gt(),
            CompareOp::Ge => order.is_ge(),
        };
        Ok(vm.bool(r))
    }),
    setattr: Slot::new(|vm, v, name, value| {
        if as_str(name) != Some("cell_contents") {
            return crate::builtins::classes::generic_setattr(vm, v, name, value);
        }
        let c = as_cell(v).expect("cell slot on a cell");
        let old = std::mem::replace(&mut *c.content.borrow_mut(), value.unwrap_or(Value::NULL));
        drop(old);
        Ok(())
    }),
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "cell", kwnames)?;
        match args {
            [] => Ok(new_cell(Value::NULL)),
            [x] => Ok(new_cell(x.clone())),
            _ => Err(vm.type_error(format!("cell expected at most 1 argument, got {}", args.len()))),
        }
    }),
    ..TypeObject::builtin("cell", Some(&OBJECT_TYPE), dealloc_cell, trace_cell)
};

unsafe fn dealloc_cell(p: ObjPtr) {
    // SAFETY: cells are allocated by `new_cell` as Obj<CellData>.
    unsafe { dealloc_boxed::<CellData>(p) }
}

fn trace_cell(p: ObjPtr, visit: Visit) {
    // SAFETY: cells are Obj<CellData>.
    let c = unsafe { p.data::<CellData>() };
    let content = c.content.borrow();
    if !content.is_null() {
        visit(&content);
    }
}

pub fn new_cell(content: Value) -> Value {
    Value::from_owned(alloc(&CELL_TYPE, CellData { content: std::cell::RefCell::new(content) }))
}

pub fn as_cell(v: &Value) -> Option<&CellData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `cell` are Obj<CellData>.
    std::ptr::eq(p.ty(), &CELL_TYPE).then(|| unsafe { p.data::<CellData>() })
}

pub fn as_function(v: &Value) -> Option<&FunctionData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `function` are Obj<FunctionData>.
    std::ptr::eq(p.ty(), &FUNCTION_TYPE).then(|| unsafe { p.data::<FunctionData>() })
}

/// A built-in function or method (CPython's one `builtin_function_or_method`
/// type): a name and the Rust function behind it, and either the module it
/// belongs to (`len`) or the object it is bound to (`[].append`).
pub struct BuiltinData {
    pub name: &'static str,
    pub func: CallFn,
    /// The name of the module it belongs to (a str), set when the module's
    /// namespace is made (`stamp_module`); NULL until then.
    module: std::cell::RefCell<Value>,
    /// The object a built-in method is bound to (its `__self__`, passed as
    /// the function's `this`); NULL for a module-level function, which is
    /// passed itself.
    receiver: Value,
}

pub static BUILTIN_FUNCTION_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let b = builtin_of(v);
        if b.receiver.is_null() {
            return Ok(new_str(&format!("<built-in function {}>", b.name)));
        }
        let owner = vm.type_of(&b.receiver).name();
        let address = b.receiver.bits() & ((1 << 48) - 1);
        Ok(new_str(&format!("<built-in method {} of {} object at {:#x}>", b.name, owner, address)))
    }),
    call: Slot::new(|vm, callable, args, kwnames| {
        let b = builtin_of(callable);
        if b.receiver.is_null() {
            return (b.func)(vm, callable, args, kwnames);
        }
        let receiver = b.receiver.clone();
        (b.func)(vm, &receiver, args, kwnames)
    }),
    // Equal when the same function is bound to the same object (identity),
    // hashed likewise (CPython's `meth_richcompare`, `meth_hash`).
    richcompare: Slot::new(|vm, a, b, op| {
        let (x, y) = (builtin_of(a), match as_any_builtin(b) {
            Some(y) => y,
            None => return Ok(vm.not_implemented()),
        });
        let same = x.receiver.is(&y.receiver) && x.func as usize == y.func as usize && x.name == y.name;
        match op {
            crate::types::CompareOp::Eq => Ok(vm.bool(same)),
            crate::types::CompareOp::Ne => Ok(vm.bool(!same)),
            _ => Ok(vm.not_implemented()),
        }
    }),
    hash: Slot::new(|_, v| {
        let b = builtin_of(v);
        let receiver = if b.receiver.is_null() { 0 } else { crate::ops::hash_identity(&b.receiver) as u64 };
        let h = receiver ^ (b.func as usize as u64);
        Ok(if h as i64 == -1 { -2 } else { h as i64 })
    }),
    getsets: &[
        crate::types::GetSetDef { name: "__name__", get: builtin_name, set: None, member: false },
        crate::types::GetSetDef { name: "__qualname__", get: builtin_qualname, set: None, member: false },
        crate::types::GetSetDef { name: "__module__", get: builtin_module_name, set: None, member: false },
        crate::types::GetSetDef { name: "__self__", get: builtin_self, set: None, member: false },
        crate::types::GetSetDef { name: "__doc__", get: |vm, v| Ok(docs::doc_value(builtin_doc(vm, v))), set: None, member: false },
        crate::types::GetSetDef {
            name: "__text_signature__",
            get: |vm, v| Ok(docs::text_signature_value(builtin_doc(vm, v))),
            set: None,
            member: false,
        },
    ],
    methods: &[crate::types::MethodDef { name: "__reduce__", func: builtin_reduce }],
    ..TypeObject::builtin("builtin_function_or_method", Some(&OBJECT_TYPE), dealloc_builtin, trace_builtin)
};

/// `f.__reduce__()` (CPython's `meth_reduce`): a module-level built-in
/// pickles by name (pickle saves it as the global `__module__.__qualname__`),
/// a bound one as `(getattr, (obj, 'method'))`.
fn builtin_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let b = builtin_of(this);
    if b.receiver.is_null() {
        return Ok(new_str(b.name));
    }
    let getattr = crate::builtins::iter_pickle::builtin(vm, "getattr")?;
    let args = vec![b.receiver.clone(), new_str(b.name)];
    Ok(crate::builtins::iter_pickle::reduce_value(getattr, args, None))
}

/// A built-in's `__qualname__`: a module-level function's name; a bound
/// method's prefixed with the receiver's type (or the receiver, a class),
/// as CPython's `meth_get__qualname__`.
fn builtin_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = builtin_of(v);
    if b.receiver.is_null() {
        return Ok(new_str(b.name));
    }
    let owner = crate::types::as_type(&b.receiver).unwrap_or_else(|| vm.type_of_static(&b.receiver)).name();
    Ok(new_str(&format!("{owner}.{}", b.name)))
}

/// A module-level built-in's `__module__`: its module's name, or None
/// (always None for a bound method).
fn builtin_module_name(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = builtin_of(v).module.borrow().clone();
    Ok(if m.is_null() { none() } else { m })
}

/// A built-in's `__self__`: a bound method's receiver; a module-level
/// function's module (as `sys.modules` has it), or None.
fn builtin_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = builtin_of(v);
    if !b.receiver.is_null() {
        return Ok(b.receiver.clone());
    }
    let name = builtin_module_name(vm, v)?;
    if is_none(&name) {
        return Ok(name);
    }
    let modules = vm.sys_modules.clone();
    let found = crate::builtins::dict::as_dict(&modules).map_or(Ok(None), |d| d.get(vm, &name))?;
    Ok(found.unwrap_or_else(none))
}

fn trace_builtin(p: ObjPtr, visit: Visit) {
    // SAFETY: builtins are Obj<BuiltinData>.
    let b = unsafe { p.data::<BuiltinData>() };
    let m = b.module.borrow();
    if !m.is_null() {
        visit(&m);
    }
    if !b.receiver.is_null() {
        visit(&b.receiver);
    }
}

/// Mark the built-in functions of a native module's namespace `dict` as
/// the module `name`'s (their `__module__` and `__self__`).
pub fn stamp_module(dict: &Value, name: &str) {
    let Some(d) = crate::builtins::dict::as_dict(dict) else { return };
    let name = new_str(name);
    for (_, v) in d.items() {
        if let Some(b) = as_builtin(&v) {
            let mut m = b.module.borrow_mut();
            if m.is_null() {
                *m = name.clone();
            }
        }
    }
}

/// A built-in's doc entry: a module-level function's in its module's doc
/// table; a bound method's as a method of the receiver's type, or, for a
/// receiver that is a type (a class method, a static method, `__new__`, a
/// method of the metatype), of the type itself first.
fn builtin_doc(vm: &mut Vm, v: &Value) -> Option<&'static str> {
    let b = builtin_of(v);
    if b.receiver.is_null() {
        let module = b.module.borrow();
        return docs::module_function_doc(as_str(&module)?, b.name);
    }
    let own = crate::types::as_type(&b.receiver).and_then(|t| docs::method_doc(t, b.name));
    own.or_else(|| docs::method_doc(vm.type_of_static(&b.receiver), b.name))
}

/// A built-in function's or method's `__name__`.
fn builtin_name(_: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(builtin_of(v).name))
}

unsafe fn dealloc_builtin(p: ObjPtr) {
    // SAFETY: builtins are allocated by `new_builtin` as Obj<BuiltinData>.
    unsafe { dealloc_boxed::<BuiltinData>(p) }
}

pub fn new_builtin(name: &'static str, func: CallFn) -> Value {
    let data = BuiltinData { name, func, module: std::cell::RefCell::new(Value::NULL), receiver: Value::NULL };
    Value::from_owned(alloc(&BUILTIN_FUNCTION_TYPE, data))
}

/// A built-in function or method, bound or not.
fn as_any_builtin(v: &Value) -> Option<&BuiltinData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `builtin_function_or_method` are Obj<BuiltinData>.
    std::ptr::eq(p.ty(), &BUILTIN_FUNCTION_TYPE).then(|| unsafe { p.data::<BuiltinData>() })
}

/// The data of a value known to be a `builtin_function_or_method`.
fn builtin_of(v: &Value) -> &BuiltinData {
    as_any_builtin(v).expect("a builtin_function_or_method")
}

/// A module-level built-in function (not one bound to an object).
pub fn as_builtin(v: &Value) -> Option<&BuiltinData> {
    as_any_builtin(v).filter(|b| b.receiver.is_null())
}

pub use crate::builtins::module::{as_module, ModuleData, MODULE_TYPE};

/// The namespace of native module `name`, in CPython's order: `__name__`,
/// `__doc__`, `__package__` (''), `__loader__`, `__spec__`, then
/// `functions` as built-in functions (each stamped as the module's by
/// `new_module`).
pub fn native_module_dict(vm: &mut Vm, name: &str, doc: &str, functions: &[(&'static str, CallFn)]) -> PyResult<Value> {
    let d = crate::builtins::dict::new_dict();
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str(name))?;
    dd.set(vm, new_str("__doc__"), new_str(doc))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), crate::builtins::singletons::none())?;
    dd.set(vm, new_str("__spec__"), crate::builtins::singletons::none())?;
    for &(fname, func) in functions {
        dd.set(vm, new_str(fname), new_builtin(fname, func))?;
    }
    Ok(d)
}

pub use crate::builtins::module::new_module;

/// Check a call passes no keyword arguments (for built-ins taking none).
pub fn no_keywords(vm: &mut Vm, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// `_PyArg_NoKeywords` as 3.11's constructors apply it: to the type
/// `base` itself and to a class derived from it that keeps its
/// `__init__`; a class defining its own `__init__` may be called with
/// keywords (for that `__init__`), which `__new__` then ignores (CPython's
/// `type->tp_init == base->tp_init` test).
pub fn no_keywords_for(vm: &mut Vm, base: &'static TypeObject, cls: &'static TypeObject, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        return Ok(());
    }
    if !std::ptr::eq(base, cls) {
        let init = crate::builtins::str::intern("__init__");
        let own = crate::builtins::classes::type_lookup(cls, &init);
        let inherited = crate::builtins::classes::type_lookup(base, &init);
        let same = match (&own, &inherited) {
            (Some(a), Some(b)) => a.is(b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            return Ok(());
        }
    }
    no_keywords(vm, name, kwnames)
}

/// A built-in type's method bound to `receiver` (`[].append`).
pub fn bind_builtin(receiver: Value, name: &'static str, func: CallFn) -> Value {
    debug_assert!(!receiver.is_null());
    let data = BuiltinData { name, func, module: std::cell::RefCell::new(Value::NULL), receiver };
    Value::from_owned(alloc(&BUILTIN_FUNCTION_TYPE, data))
}

/// The receiver and function of a bound built-in method.
pub fn bound_builtin_parts(v: &Value) -> Option<(&Value, CallFn)> {
    as_bound_builtin(v).map(|b| (&b.receiver, b.func))
}

fn as_bound_builtin(v: &Value) -> Option<&BuiltinData> {
    as_any_builtin(v).filter(|b| !b.receiver.is_null())
}
