//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654, CPython's
//! `Objects/exceptions.c`): construction with CPython's checks, `message`,
//! `exceptions`, `derive`, `split`, `subgroup`, and the matching `except*`
//! uses (`CHECK_EG_MATCH`, `PREP_RERAISE_STAR`).
//!
//! Invariants:
//! - `BaseExceptionGroup` is a built-in type over `ExceptionData`, the
//!   group's message and exceptions (a tuple) in `ExceptionData::group`;
//!   `ExceptionGroup` derives from it and from `Exception`, so it is a class
//!   made once per thread (two bases), as CPython's is a type with two.
//! - `BaseExceptionGroup(msg, excs)` is an `ExceptionGroup` when every
//!   exception is an `Exception`; an `ExceptionGroup` may not hold other
//!   `BaseException`s.
//! - The parts `split` makes share the original's traceback, cause and
//!   context objects and get a copy of its notes, which is how
//!   `PREP_RERAISE_STAR` tells re-raised parts from new exceptions.

use std::cell::RefCell;

use crate::builtins::exceptions::{as_exception, ExceptionData, BASE_EXCEPTION, EXCEPTION};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::alloc;
use crate::ops;
use crate::types::{as_type, type_value, MethodDef, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static EXCEPTION_GROUP: RefCell<Option<&'static TypeObject>> = const { RefCell::new(None) };
}

pub const METHODS: &[MethodDef] = &[
    MethodDef { name: "derive", func: derive_method },
    MethodDef { name: "split", func: |vm, this, args, _| split_method(vm, this, args, true) },
    MethodDef { name: "subgroup", func: |vm, this, args, _| split_method(vm, this, args, false) },
];

pub const CLASS_METHODS: &[MethodDef] =
    &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }];

/// `ExceptionGroup`, made on first use.
pub fn exception_group_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    if let Some(t) = EXCEPTION_GROUP.with(|c| *c.borrow()) {
        return Ok(t);
    }
    let ns = crate::builtins::dict::new_dict();
    let d = crate::builtins::dict::as_dict(&ns).expect("a dict");
    d.set(vm, intern("__module__"), new_str("builtins"))?;
    let bases = [type_value(&crate::builtins::exceptions::BASE_EXCEPTION_GROUP), type_value(&EXCEPTION)];
    let cls = crate::builtins::classes::new_class(vm, &crate::types::TYPE_TYPE, "ExceptionGroup", &bases, &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    EXCEPTION_GROUP.with(|c| *c.borrow_mut() = Some(ty));
    Ok(ty)
}

/// The message and exceptions (a tuple) of a group, if `v` is one.
pub fn group_parts(v: &Value) -> Option<(Value, Value)> {
    let data = as_exception(v)?;
    let g = data.group.borrow();
    (!g.1.is_null()).then(|| g.clone())
}

fn exceptions_of(v: &Value) -> Vec<Value> {
    group_parts(v).and_then(|(_, e)| as_tuple(&e).map(|t| t.items.clone())).unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn group_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = &args[..args.len() - kwnames.len()];
    let [message, excs] = args else {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len())));
    };
    if as_str(message).is_none() {
        let msg = format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", vm.type_of(message).name());
        return Err(vm.type_error(msg));
    }
    let is_sequence = as_tuple(excs).is_some()
        || crate::builtins::list::as_list(excs).is_some()
        || (vm.type_of(excs).heap.is_some() && vm.type_of(excs).getitem.is_some() && vm.type_of(excs).len.is_some());
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = ops::collect(vm, excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in items.iter().enumerate() {
        if as_exception(e).is_none() {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        all_exceptions &= vm.type_of(e).is_subtype(&EXCEPTION);
    }
    let eg = exception_group_type(vm)?;
    let mut cls = cls;
    if std::ptr::eq(cls, &crate::builtins::exceptions::BASE_EXCEPTION_GROUP) {
        if all_exceptions {
            cls = eg;
        }
    } else if std::ptr::eq(cls, eg) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    } else if cls.is_subtype(&EXCEPTION) && !all_exceptions {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", cls.name())));
    }
    // BaseException.__init__'s check, named after the class made.
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", cls.name())));
    }
    let data = ExceptionData::new(args.to_vec());
    *data.group.borrow_mut() = (message.clone(), new_tuple(items));
    Ok(Value::from_owned(alloc(cls, data)))
}

/// `str(group)`: "message (N sub-exceptions)".
pub fn group_str(v: &Value) -> Option<String> {
    let (message, excs) = group_parts(v)?;
    let n = as_tuple(&excs).map_or(0, |t| t.items.len());
    let s = if n > 1 { "s" } else { "" };
    Some(format!("{} ({n} sub-exception{s})", as_str(&message).unwrap_or("")))
}

/// The attributes only groups have.
pub fn group_getattr(v: &Value, name: &str) -> Option<Value> {
    let (message, excs) = group_parts(v)?;
    match name {
        "message" => Some(message),
        "exceptions" => Some(excs),
        _ => None,
    }
}

/// `eg.derive(excs)`: a group with this one's message.
fn derive_method(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    let [excs] = args else { return Err(vm.type_error("derive() takes exactly one argument")) };
    let (message, _) = group_parts(this).expect("a group");
    group_new(vm, &crate::builtins::exceptions::BASE_EXCEPTION_GROUP, &[message, excs.clone()], &[])
}

/// What `split`/`subgroup`/`except*` match leaves with.
enum Matcher {
    Types(Value),
    Predicate(Value),
}

fn matcher(vm: &mut Vm, condition: &Value) -> PyResult<Matcher> {
    let is_exc_type = |v: &Value| as_type(v).is_some_and(|t| t.is_subtype(&BASE_EXCEPTION));
    if is_exc_type(condition) || as_tuple(condition).is_some_and(|t| t.items.iter().all(is_exc_type)) {
        return Ok(Matcher::Types(condition.clone()));
    }
    if ops::is_callable(vm, condition) && as_type(condition).is_none() {
        return Ok(Matcher::Predicate(condition.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => crate::builtins::functions::is_instance(vm, exc, t),
        Matcher::Predicate(f) => {
            let r = crate::eval::call(vm, f, std::slice::from_ref(exc), &[])?;
            ops::truthy(vm, &r)
        }
    }
}

/// `eg.split(condition)` (with the rest) or `eg.subgroup(condition)`.
fn split_method(vm: &mut Vm, this: &Value, args: &[Value], with_rest: bool) -> PyResult<Value> {
    let [condition] = args else {
        let name = if with_rest { "split" } else { "subgroup" };
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    };
    let m = matcher(vm, condition)?;
    let (matched, rest) = split(vm, this, &m, with_rest)?;
    let or_none = |v: Option<Value>| v.unwrap_or_else(none);
    if with_rest {
        Ok(new_tuple(vec![or_none(matched), or_none(rest)]))
    } else {
        Ok(or_none(matched))
    }
}

/// The parts of `exc` that match and (with `with_rest`) the others
/// (CPython's `exceptiongroup_split_recursive`).
fn split(vm: &mut Vm, exc: &Value, m: &Matcher, with_rest: bool) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, m, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if group_parts(exc).is_none() {
        return Ok((None, with_rest.then(|| exc.clone())));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in exceptions_of(exc) {
        vm.enter_recursion(" in split")?;
        let r = split(vm, &e, m, with_rest);
        vm.leave_recursion();
        let (a, b) = r?;
        matched.extend(a);
        rest.extend(b);
    }
    let matched = if matched.is_empty() { None } else { Some(derive_with_metadata(vm, exc, matched)?) };
    let rest = if rest.is_empty() { None } else { Some(derive_with_metadata(vm, exc, rest)?) };
    Ok((matched, rest))
}

/// `exc.derive(parts)` with `exc`'s traceback, cause, context and a copy
/// of its notes.
fn derive_with_metadata(vm: &mut Vm, exc: &Value, parts: Vec<Value>) -> PyResult<Value> {
    let derive = ops::getattr(vm, exc, &intern("derive"))?;
    let eg = crate::eval::call(vm, &derive, &[crate::builtins::list::new_list(parts)], &[])?;
    if group_parts(&eg).is_none() {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let (src, dst) = (as_exception(exc).expect("a group"), as_exception(&eg).expect("a group"));
    *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
    *dst.cause.borrow_mut() = src.cause.borrow().clone();
    *dst.context.borrow_mut() = src.context.borrow().clone();
    dst.suppress_context.set(src.suppress_context.get());
    // Notes that are a sequence are copied; others are not (CPython's
    // `PySequence_Check` in `exceptiongroup_subset`).
    if let Some(notes) = ops::getattr_opt(vm, exc, &intern("__notes__"))? {
        let ty = vm.type_of(&notes);
        if ty.getitem.is_some() && !ty.is_subtype(&crate::builtins::dict::DICT_TYPE) {
            let copy = crate::builtins::list::new_list(ops::collect(vm, &notes)?);
            crate::builtins::classes::setattr(vm, &eg, &intern("__notes__"), Some(copy))?;
        }
    }
    Ok(eg)
}

/// `CHECK_EG_MATCH`: the parts of `exc` matching `match_type`, or None;
/// and the rest, or None. A plain exception that matches is wrapped in a
/// group (CPython's `exception_group_match`).
pub fn check_eg_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    check_except_star_type(vm, match_type)?;
    if is_none(exc) {
        return Ok((none(), none()));
    }
    let m = Matcher::Types(match_type.clone());
    if matches(vm, &m, exc)? {
        if group_parts(exc).is_some() {
            return Ok((exc.clone(), none()));
        }
        // A naked exception: wrapped in a group of its own (which, as in
        // CPython 3.11, has no traceback).
        let wrapped = group_new(
            vm,
            &crate::builtins::exceptions::BASE_EXCEPTION_GROUP,
            &[new_str(""), new_tuple(vec![exc.clone()])],
            &[],
        )?;
        return Ok((wrapped, none()));
    }
    if group_parts(exc).is_some() {
        let (matched, rest) = split(vm, exc, &m, true)?;
        if let Some(matched) = matched {
            return Ok((matched, rest.unwrap_or_else(none)));
        }
    }
    Ok((none(), none()))
}

/// `except* T`: T must be exception classes, and not groups.
fn check_except_star_type(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let items = match as_tuple(t) {
        Some(tuple) => tuple.items.clone(),
        None => vec![t.clone()],
    };
    for item in &items {
        match as_type(item) {
            Some(ty) if ty.is_subtype(&BASE_EXCEPTION) => {
                if ty.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION_GROUP) {
                    return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
                }
            }
            _ => return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }
    Ok(())
}

/// `PREP_RERAISE_STAR`: what an `except*` statement re-raises, from the
/// original exception and the list of what its clauses raised or left
/// unhandled (CPython's `_PyExc_PrepReraiseStar`); None for nothing.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs: Vec<Value> = crate::builtins::list::as_list(excs).map(|l| l.items.borrow().clone()).unwrap_or_default();
    let excs: Vec<Value> = excs.into_iter().filter(|e| !is_none(e)).collect();
    if excs.is_empty() {
        return Ok(none());
    }
    if group_parts(orig).is_none() {
        // A naked exception was wrapped: one clause ran.
        return Ok(excs[0].clone());
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs {
        if same_metadata(vm, &e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // The re-raised leaves, as a part of the original.
    let mut leaves = Vec::new();
    for e in &reraised {
        collect_leaves(e, &mut leaves);
    }
    let reraised_eg = if leaves.is_empty() {
        None
    } else {
        project(vm, orig, &leaves)?
    };
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or_else(none));
    }
    raised.extend(reraised_eg);
    if raised.len() == 1 {
        return Ok(raised.pop().expect("one exception"));
    }
    group_new(vm, &crate::builtins::exceptions::BASE_EXCEPTION_GROUP, &[new_str(""), crate::builtins::list::new_list(raised)], &[])
}

fn same_metadata(vm: &mut Vm, a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (as_exception(a), as_exception(b)) else { return false };
    let notes = |vm: &mut Vm, v: &Value| ops::getattr(vm, v, &intern("__notes__")).ok();
    let same_notes = match (notes(vm, a), notes(vm, b)) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(&q),
        _ => false,
    };
    same_notes
        && x.traceback.borrow().is(&y.traceback.borrow())
        && x.cause.borrow().is(&y.cause.borrow())
        && x.context.borrow().is(&y.context.borrow())
}

fn collect_leaves(e: &Value, out: &mut Vec<u64>) {
    if group_parts(e).is_some() {
        for x in exceptions_of(e) {
            collect_leaves(&x, out);
        }
    } else {
        out.push(e.bits());
    }
}

/// The part of `orig` whose leaves are `leaves` (by identity).
fn project(vm: &mut Vm, orig: &Value, leaves: &[u64]) -> PyResult<Option<Value>> {
    if group_parts(orig).is_none() {
        return Ok(leaves.contains(&orig.bits()).then(|| orig.clone()));
    }
    let mut kept = Vec::new();
    for e in exceptions_of(orig) {
        kept.extend(project(vm, &e, leaves)?);
    }
    if kept.is_empty() {
        return Ok(None);
    }
    Ok(Some(derive_with_metadata(vm, orig, kept)?))
}
