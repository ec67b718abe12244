//! The `_contextvars` module (CPython's `Python/context.c`): `Context`,
//! `ContextVar`, `Token` and `copy_context`, under CPython's own
//! `contextvars.py`, `decimal` and `asyncio`.
//!
//! Invariants:
//! - Each thread has one current context (`CURRENT`, made empty on first
//!   need). `Context.run` enters a context: it becomes current until the
//!   call returns or raises, then the previous one is current again; a
//!   context is entered at most once at a time.
//! - A context's variables are a dict keyed by the `ContextVar` objects
//!   (identity hash and equality, as CPython's). CPython keeps them in an
//!   immutable HAMT; here only `ContextVar.set`/`reset` change a context,
//!   and only the current one, while `copy()` and `copy_context()` copy
//!   the dict, so no two contexts ever share one: the same observable
//!   semantics. PROVISIONAL: `keys()`/`values()`/`items()` return lists,
//!   not CPython's HAMT view types, and iteration follows insertion order
//!   (CPython's follows the HAMT's hash order).
//! - A `Token` remembers its context, its variable and the value before
//!   the `set` (`Token.MISSING` if none); `reset` checks them in CPython's
//!   order and may be used once.
//! - None of the three types can be derived from, as in CPython.

use std::cell::{Cell, RefCell};

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module, no_keywords};
use crate::builtins::itertools::{payload, Payload};
use crate::builtins::list::new_list;
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, ObjPtr, StaticObj};
use crate::types::{trace_nothing, type_value, CompareOp, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    /// The thread's current context; NULL until first needed.
    static CURRENT: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

// ----- Context --------------------------------------------------------------------

pub struct ContextData {
    /// The variables: a dict of ContextVar -> value, owned by this context
    /// alone (see the module's invariants).
    vars: RefCell<Value>,
    /// Is it being run (`Context.run`)?
    entered: Cell<bool>,
}

impl Payload for ContextData {
    fn ty() -> &'static TypeObject {
        &CONTEXT_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.vars.borrow());
    }
}

pub static CONTEXT_TYPE: TypeObject = TypeObject {
    new: Some(|vm, _, args, _| {
        if !args.is_empty() {
            return Err(vm.type_error("Context() does not accept any arguments"));
        }
        Ok(new_context(new_dict()))
    }),
    richcompare: Slot::new(context_richcompare),
    len: Slot::new(|_, v| Ok(vars_of(v).len())),
    iter: Slot::new(|vm, v| {
        let keys = new_list(vars_of(v).items().into_iter().map(|(k, _)| k).collect());
        crate::ops::iter(vm, &keys)
    }),
    getitem: Slot::new(|vm, v, key| {
        check_var(vm, key)?;
        let vars = context(v).vars.borrow().clone();
        match as_dict(&vars).expect("a dict").get(vm, key)? {
            Some(x) => Ok(x),
            None => Err(crate::builtins::exceptions::key_error(key.clone())),
        }
    }),
    contains: Slot::new(|vm, v, key| {
        check_var(vm, key)?;
        let vars = context(v).vars.borrow().clone();
        Ok(as_dict(&vars).expect("a dict").get(vm, key)?.is_some())
    }),
    methods: &[
        MethodDef { name: "run", func: context_run },
        MethodDef { name: "copy", func: |vm, this, a, k| {
            no_args(vm, "Context.copy", a, k)?;
            copy_of(vm, this)
        } },
        MethodDef { name: "get", func: context_get },
        MethodDef { name: "keys", func: |vm, this, a, k| {
            no_args(vm, "Context.keys", a, k)?;
            Ok(new_list(vars_of(this).items().into_iter().map(|(k, _)| k).collect()))
        } },
        MethodDef { name: "values", func: |vm, this, a, k| {
            no_args(vm, "Context.values", a, k)?;
            Ok(new_list(vars_of(this).items().into_iter().map(|(_, v)| v).collect()))
        } },
        MethodDef { name: "items", func: |vm, this, a, k| {
            no_args(vm, "Context.items", a, k)?;
            Ok(new_list(vars_of(this).items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect()))
        } },
    ],
    ..TypeObject::builtin(
        "_contextvars.Context",
        Some(&OBJECT_TYPE),
        crate::builtins::itertools::dealloc_payload::<ContextData>,
        crate::builtins::itertools::trace_payload::<ContextData>,
    )
};

fn context(v: &Value) -> &ContextData {
    payload::<ContextData>(v)
}

/// A context's variables (a snapshot of the dict's entries).
fn vars_of(v: &Value) -> VarsView {
    VarsView(context(v).vars.borrow().clone())
}

/// The dict of a context, held.
struct VarsView(Value);

impl VarsView {
    fn len(&self) -> usize {
        as_dict(&self.0).expect("a dict").len()
    }

    fn items(&self) -> Vec<(Value, Value)> {
        as_dict(&self.0).expect("a dict").items()
    }
}

fn new_context(vars: Value) -> Value {
    Value::from_owned(alloc(&CONTEXT_TYPE, ContextData { vars: RefCell::new(vars), entered: Cell::new(false) }))
}

/// A new context holding a copy of `ctx`'s variables.
fn copy_of(vm: &mut Vm, ctx: &Value) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    for (k, v) in vars_of(ctx).items() {
        dd.set(vm, k, v)?;
    }
    Ok(new_context(d))
}

/// The current context, made empty on first need.
fn current() -> Value {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_null() {
            *c = new_context(new_dict());
        }
        c.clone()
    })
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// A key of a context must be a ContextVar.
fn check_var(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if vm.type_of(key).is_subtype(&CONTEXT_VAR_TYPE) {
        return Ok(());
    }
    let r = crate::ops::repr_string(vm, key)?;
    Err(vm.type_error(format!("a ContextVar key was expected, got {r}")))
}

fn context_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let both = vm.type_of(b).is_subtype(&CONTEXT_TYPE);
    if !both || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (x, y) = (context(a).vars.borrow().clone(), context(b).vars.borrow().clone());
    crate::ops::richcompare(vm, &x, &y, op)
}

/// `Context.run(callable, *args, **kwargs)`: call it with the context
/// entered.
fn context_run(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() == kwnames.len() {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    let ctx = context(this);
    if ctx.entered.get() {
        let r = crate::ops::repr_string(vm, this)?;
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("cannot enter context: {r} is already entered")));
    }
    let previous = current();
    ctx.entered.set(true);
    CURRENT.with(|c| *c.borrow_mut() = this.clone());
    let result = crate::eval::call(vm, &args[0], &args[1..], kwnames);
    CURRENT.with(|c| *c.borrow_mut() = previous);
    context(this).entered.set(false);
    result
}

/// `Context.get(key, default=None, /)`.
fn context_get(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "Context.get", kwnames)?;
    if args.is_empty() || args.len() > 2 {
        let (how, n) = if args.is_empty() { ("at least", 1) } else { ("at most", 2) };
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("get expected {how} {n} argument{s}, got {}", args.len())));
    }
    check_var(vm, &args[0])?;
    let vars = context(this).vars.borrow().clone();
    match as_dict(&vars).expect("a dict").get(vm, &args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none)),
    }
}

// ----- ContextVar -----------------------------------------------------------------

pub struct ContextVarData {
    name: Value,
    /// NULL when the variable has no default.
    default: Value,
}

impl Payload for ContextVarData {
    fn ty() -> &'static TypeObject {
        &CONTEXT_VAR_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.name);
        if !self.default.is_null() {
            visit(&self.default);
        }
    }
}

pub static CONTEXT_VAR_TYPE: TypeObject = TypeObject {
    new: Some(context_var_new),
    repr: Slot::new(context_var_repr),
    methods: &[
        MethodDef { name: "get", func: context_var_get },
        MethodDef { name: "set", func: context_var_set },
        MethodDef { name: "reset", func: context_var_reset },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[GetSetDef { name: "name", get: |_, v| Ok(var(v).name.clone()), set: None, member: true }],
    ..TypeObject::builtin(
        "_contextvars.ContextVar",
        Some(&OBJECT_TYPE),
        crate::builtins::itertools::dealloc_payload::<ContextVarData>,
        crate::builtins::itertools::trace_payload::<ContextVarData>,
    )
};

fn var(v: &Value) -> &ContextVarData {
    payload::<ContextVarData>(v)
}

/// `ContextVar(name, *, default=<none>)`.
fn context_var_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if args.len() > 2 {
        return Err(vm.type_error(format!("ContextVar() takes at most 2 arguments ({} given)", args.len())));
    }
    if npos > 1 {
        return Err(vm.type_error(format!("ContextVar() takes at most 1 positional argument ({npos} given)")));
    }
    let mut name = args.first().filter(|_| npos == 1).cloned();
    let mut default = Value::NULL;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match as_str(k) {
            Some("default") => default = v.clone(),
            Some("name") if name.is_none() => name = Some(v.clone()),
            Some("name") => {
                return Err(vm.type_error("argument for ContextVar() given by name ('name') and position (1)"));
            }
            Some(k) => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for ContextVar()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let Some(name) = name else {
        return Err(vm.type_error("ContextVar() takes exactly 1 positional argument (0 given)"));
    };
    if as_str_data(&name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    Ok(Value::from_owned(alloc(&CONTEXT_VAR_TYPE, ContextVarData { name, default })))
}

/// `<ContextVar name='x' default=5 at 0x...>`.
fn context_var_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = var(v);
    let name = crate::ops::repr_string(vm, &d.name)?;
    let default = if d.default.is_null() { String::new() } else { format!(" default={}", crate::ops::repr_string(vm, &d.default)?) };
    Ok(new_str(&format!("<ContextVar name={name}{default} at {:#x}>", address(v))))
}

fn address(v: &Value) -> u64 {
    v.bits() & ((1 << 48) - 1)
}

/// `ContextVar.get([default])`.
fn context_var_get(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "ContextVar.get", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("get expected at most 1 argument, got {}", args.len())));
    }
    let ctx = current();
    let vars = context(&ctx).vars.borrow().clone();
    if let Some(v) = as_dict(&vars).expect("a dict").get(vm, this)? {
        return Ok(v);
    }
    if let Some(d) = args.first() {
        return Ok(d.clone());
    }
    let d = &var(this).default;
    if !d.is_null() {
        return Ok(d.clone());
    }
    let exc = crate::builtins::exceptions::exception_with_args(&crate::builtins::exceptions::LOOKUP_ERROR, vec![this.clone()]);
    Err(crate::vm::PyErr { exception: exc })
}

/// `ContextVar.set(value)`: a Token to undo it with.
fn context_var_set(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "ContextVar.set", kwnames)?;
    let [value] = args else {
        return Err(vm.type_error(format!("ContextVar.set() takes exactly one argument ({} given)", args.len())));
    };
    let ctx = current();
    let vars = context(&ctx).vars.borrow().clone();
    let dd = as_dict(&vars).expect("a dict");
    let old = dd.get(vm, this)?.unwrap_or_else(missing);
    dd.set(vm, this.clone(), value.clone())?;
    let token = TokenData { ctx, var: this.clone(), old_value: old, used: Cell::new(false) };
    Ok(Value::from_owned(alloc(&TOKEN_TYPE, token)))
}

/// `ContextVar.reset(token)`: the value before the token's `set`.
fn context_var_reset(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "ContextVar.reset", kwnames)?;
    let [t] = args else {
        return Err(vm.type_error(format!("ContextVar.reset() takes exactly one argument ({} given)", args.len())));
    };
    if !vm.type_of(t).is_subtype(&TOKEN_TYPE) {
        let r = crate::ops::repr_string(vm, t)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {r}")));
    }
    let tok = token(t);
    if tok.used.get() {
        let r = crate::ops::repr_string(vm, t)?;
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("{r} has already been used once")));
    }
    if !tok.var.is(this) {
        let r = crate::ops::repr_string(vm, t)?;
        return Err(vm.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current();
    if !tok.ctx.is(&ctx) {
        let r = crate::ops::repr_string(vm, t)?;
        return Err(vm.value_error(format!("{r} was created in a different Context")));
    }
    tok.used.set(true);
    let vars = context(&ctx).vars.borrow().clone();
    let dd = as_dict(&vars).expect("a dict");
    if tok.old_value.is(&missing()) {
        dd.remove(vm, this)?;
    } else {
        dd.set(vm, this.clone(), tok.old_value.clone())?;
    }
    Ok(none())
}

// ----- Token ----------------------------------------------------------------------

pub struct TokenData {
    ctx: Value,
    var: Value,
    old_value: Value,
    used: Cell<bool>,
}

impl Payload for TokenData {
    fn ty() -> &'static TypeObject {
        &TOKEN_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.ctx);
        visit(&self.var);
        visit(&self.old_value);
    }
}

pub static TOKEN_TYPE: TypeObject = TypeObject {
    new: Some(|vm, _, _, _| Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "Tokens can only be created by ContextVars"))),
    repr: Slot::new(|vm, v| {
        let t = token(v);
        let used = if t.used.get() { " used" } else { "" };
        let var = crate::ops::repr_string(vm, &t.var)?;
        Ok(new_str(&format!("<Token{used} var={var} at {:#x}>", address(v))))
    }),
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[
        GetSetDef { name: "var", get: |_, v| Ok(token(v).var.clone()), set: None, member: false },
        GetSetDef { name: "old_value", get: |_, v| Ok(token(v).old_value.clone()), set: None, member: false },
    ],
    ..TypeObject::builtin(
        "_contextvars.Token",
        Some(&OBJECT_TYPE),
        crate::builtins::itertools::dealloc_payload::<TokenData>,
        crate::builtins::itertools::trace_payload::<TokenData>,
    )
};

fn token(v: &Value) -> &TokenData {
    payload::<TokenData>(v)
}

/// The type of `Token.MISSING`.
static MISSING_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, _| Ok(new_str("<Token.MISSING>"))),
    ..TypeObject::builtin("Token.MISSING", Some(&OBJECT_TYPE), dealloc_missing, trace_nothing)
};

unsafe fn dealloc_missing(_: ObjPtr) {
    // `Token.MISSING` is a static object, never freed.
}

static MISSING: StaticObj<()> = StaticObj::new(&MISSING_TYPE, ());

/// `Token.MISSING`, the old value of a variable that had none.
fn missing() -> Value {
    Value::from_borrowed(MISSING.ptr())
}

/// Is `ty` one of this module's types (none of which can be derived from)?
pub fn is_final_type(ty: &TypeObject) -> bool {
    [&CONTEXT_TYPE, &CONTEXT_VAR_TYPE, &TOKEN_TYPE, &MISSING_TYPE].iter().any(|t| std::ptr::eq(*t, ty))
}

/// The `_contextvars` module.
pub fn new_contextvars_module(vm: &mut Vm) -> PyResult<Value> {
    // `Token.MISSING` is a class attribute.
    let token_dict = crate::builtins::slot_wrappers::builtin_dict(&TOKEN_TYPE);
    as_dict(&token_dict).expect("a dict").set(vm, new_str("MISSING"), missing())?;

    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_contextvars"))?;
    dd.set(vm, new_str("__doc__"), new_str("Context Variables"))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    dd.set(vm, new_str("Context"), type_value(&CONTEXT_TYPE))?;
    dd.set(vm, new_str("ContextVar"), type_value(&CONTEXT_VAR_TYPE))?;
    dd.set(vm, new_str("Token"), type_value(&TOKEN_TYPE))?;
    dd.set(
        vm,
        new_str("copy_context"),
        new_builtin("copy_context", |vm, _, a, k| {
            no_args(vm, "_contextvars.copy_context", a, k)?;
            let ctx = current();
            copy_of(vm, &ctx)
        }),
    )?;
    Ok(new_module("_contextvars", d))
}
