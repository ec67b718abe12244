//! Calls: binding a Python function's arguments to its parameters and
//! pushing its frame (`push_frame`, with CPython's messages for every
//! binding error), the exact-arity fast paths, the in-loop `__init__`
//! frame of CALL_ALLOC_AND_ENTER_INIT, and `call` for native code.
//!
//! Invariants:
//! - A pushed frame owns `stack[base..]`: its parameters first, bound as
//!   CPython's `_PyEval_MakeFrameVector` binds them, then its other locals
//!   (NULL while unbound); it keeps the code it started with even if the
//!   function's `__code__` is reassigned later.
//! - A native caller's Python callee runs in a nested `run` and counts
//!   against the recursion limit like any frame.

use super::*;

/// Call any callable from native code (a Python function runs in a nested
/// `run`, counted against the recursion limit; every call first checks the
/// native stack, which such nesting uses up).
pub fn call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if crate::stack_guard::exhausted() {
        return Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    if let Some(f) = as_function(callable) {
        let code_value = f.code.borrow().clone();
        let callee = CodeRef::of(&code_value).get();
        if kwnames.is_empty()
            && callee.co.co_argcount as usize == args.len()
            && callee.co.co_flags & 0x0D == 0x01
            && callee.co.co_kwonlyargcount == 0
        {
            // Exact positional arity (no `*args`, `**kwargs`; CO_OPTIMIZED): the arguments are the first locals.
            if vm.frames.len() >= vm.recursion_limit as usize {
                return Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded"));
            }
            let base = vm.stack.len();
            vm.stack.extend_from_slice(args);
            vm.stack.resize(base + callee.nlocalsplus, Value::NULL);
            vm.frames.push(Frame {
                code: code_value,
                func: callable.clone(),
                globals: f.globals.clone(),
                builtins: f.builtins.clone(),
                locals: Value::NULL,
                base,
                ret: base,
                ip: 0,
                inline_exit: 0,
                frame_obj: Value::NULL,
            });
            let entry = vm.frames.len();
            return run(vm, entry);
        }
        push_frame(vm, callable, args.to_vec(), kwnames)?;
        let entry = vm.frames.len();
        return run(vm, entry);
    }
    match vm.type_of(callable).call.get() {
        Some(f) => f(vm, callable, args, kwnames),
        None => {
            let msg = format!("'{}' object is not callable", vm.type_of(callable).name());
            Err(vm.type_error(msg))
        }
    }
}

/// A function's `__qualname__`, written out when displayed.
struct Qualname(Value);

impl std::fmt::Display for Qualname {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(as_str(&self.0).unwrap_or("?"))
    }
}

/// Bind a call's arguments to a new frame's locals and push it (CPython's
/// `initialize_locals`: positional, keyword, `*args`, `**kwargs`,
/// defaults and keyword-only defaults, with its error messages).
pub(super) fn push_frame(vm: &mut Vm, function: &Value, args: Vec<Value>, kwnames: &[Value]) -> PyResult<()> {
    if vm.frames.len() >= vm.recursion_limit as usize {
        return Err(vm.error(&RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    let f = as_function(function).expect("push_frame runs a function");
    let (code_value, globals, builtins) = (f.code.borrow().clone(), f.globals.clone(), f.builtins.clone());
    let (defaults, kwdefaults) = (f.defaults.borrow().clone(), f.kwdefaults.borrow().clone());
    // Spelled out only for an error message.
    let qualname = Qualname(f.qualname.borrow().clone());
    let code = CodeRef::of(&code_value).get();
    let co = &code.co;
    let argcount = co.co_argcount as usize;
    let posonly = co.co_posonlyargcount as usize;
    let total = argcount + co.co_kwonlyargcount as usize;
    let varargs = co.co_flags & 0x04 != 0;
    let varkw = co.co_flags & 0x08 != 0;
    let npos = args.len() - kwnames.len();
    let base = vm.stack.len();
    vm.stack.resize(base + code.nlocalsplus, Value::NULL);
    let fail = |vm: &mut Vm, msg: String| -> PyResult<()> {
        vm.stack.truncate(base);
        Err(vm.type_error(msg))
    };
    let kwdict = if varkw {
        let d = new_dict();
        vm.stack[base + total + usize::from(varargs)] = d.clone();
        Some(d)
    } else {
        None
    };
    let mut args = args.into_iter();
    for (i, a) in args.by_ref().take(npos.min(argcount)).enumerate() {
        vm.stack[base + i] = a;
    }
    let extra: Vec<Value> = args.by_ref().take(npos.saturating_sub(argcount)).collect();
    let nextra = extra.len();
    if varargs {
        vm.stack[base + total] = new_tuple(extra);
    }
    for (name, value) in kwnames.iter().zip(args) {
        let Some(n) = as_str(name) else {
            return fail(vm, format!("{qualname}() keywords must be strings"));
        };
        match co.co_varnames[posonly..total].iter().position(|p| p == n) {
            Some(j) => {
                let slot = base + posonly + j;
                if !vm.stack[slot].is_null() {
                    return fail(vm, format!("{qualname}() got multiple values for argument '{n}'"));
                }
                vm.stack[slot] = value;
            }
            None => match &kwdict {
                Some(d) => {
                    if let Err(e) = as_dict(d).expect("a dict").set(vm, name.clone(), value) {
                        vm.stack.truncate(base);
                        return Err(e);
                    }
                }
                None => {
                    let posonly_named: Vec<&str> = kwnames
                        .iter()
                        .filter_map(as_str)
                        .filter(|k| co.co_varnames[..posonly].iter().any(|p| p == k))
                        .collect();
                    if !posonly_named.is_empty() {
                        let msg = format!(
                            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                            posonly_named.join(", ")
                        );
                        return fail(vm, msg);
                    }
                    return fail(vm, format!("{qualname}() got an unexpected keyword argument '{n}'"));
                }
            },
        }
    }
    let ndefaults = as_tuple(&defaults).map_or(0, |t| t.items.len());
    if nextra > 0 && !varargs {
        let kwonly_given = (argcount..total).filter(|&i| !vm.stack[base + i].is_null()).count();
        let (sig, plural) = if ndefaults > 0 {
            // Signed: a function can be given more defaults than parameters.
            (format!("from {} to {}", argcount as isize - ndefaults as isize, argcount), true)
        } else {
            (argcount.to_string(), argcount != 1)
        };
        let given = npos;
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        let msg = format!(
            "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
            if plural { "s" } else { "" },
            if given == 1 && kwonly_given == 0 { "was" } else { "were" }
        );
        return fail(vm, msg);
    }
    // Missing positional arguments, then defaults for the rest. Defaults
    // fill the last parameters; extra ones (`f.__defaults__` may be set to
    // a longer tuple) are skipped from the front, as CPython skips them.
    let first_default = argcount.saturating_sub(ndefaults);
    let skipped = ndefaults.saturating_sub(argcount);
    let missing: Vec<String> =
        (npos.min(argcount)..first_default).filter(|&i| vm.stack[base + i].is_null()).map(|i| co.co_varnames[i].clone()).collect();
    if !missing.is_empty() {
        return fail(vm, missing_arguments(&qualname.to_string(), &missing, "positional"));
    }
    if let Some(t) = as_tuple(&defaults) {
        for i in first_default.max(npos)..argcount {
            if vm.stack[base + i].is_null() {
                vm.stack[base + i] = t.items[i - first_default + skipped].clone();
            }
        }
    }
    let mut missing = Vec::new();
    for i in argcount..total {
        if vm.stack[base + i].is_null() {
            let name = &co.co_varnames[i];
            let default = match as_dict(&kwdefaults) {
                Some(d) => d.get_str(&crate::builtins::str::new_str(name)),
                None => None,
            };
            match default {
                Some(v) => vm.stack[base + i] = v,
                None => missing.push(name.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return fail(vm, missing_arguments(&qualname.to_string(), &missing, "keyword-only"));
    }
    // A code that is not a function body's (no CO_OPTIMIZED: a module's
    // run as `FunctionType(code, globals)()`) uses its globals as locals,
    // as CPython's `_PyFunction_Vectorcall` gives it.
    let locals = if co.co_flags & 0x01 == 0 { globals.clone() } else { Value::NULL };
    vm.frames.push(Frame {
        code: code_value,
        func: function.clone(),
        globals,
        builtins,
        locals,
        base,
        ret: base,
        ip: 0,
        inline_exit: 0,
        frame_obj: Value::NULL,
    });
    Ok(())
}

/// `CALL` of a class (`[NULL, class, args...]` from `ret`, no keywords)
/// whose instances object's `__new__` makes and a Python `__init__` of
/// that exact arity fills: make the instance, leave it in the NULL slot
/// and push `__init__`'s frame over `[instance, args...]` (3.13's
/// CALL_ALLOC_AND_ENTER_INIT); its code when it did. Kept out of
/// `dispatch` so that the loop's own code stays as it was.
#[inline(never)]
pub(super) fn push_init_frame(vm: &mut Vm, cache: &std::cell::Cell<InlineCache>, ret: usize) -> Option<CodeRef> {
    let callable_at = ret + 1;
    if !std::ptr::eq(vm.type_of(&vm.stack[callable_at]), &crate::types::TYPE_TYPE) {
        return None;
    }
    let cls = crate::types::as_type(&vm.stack[callable_at])?;
    let init = cache::class_init(cache, cls)?;
    let f = as_function(&init)?;
    let code_value = f.code.borrow().clone();
    let callee = CodeRef::of(&code_value).get();
    let total = vm.stack.len() - callable_at;
    // Not a generator or coroutine `__init__` (its return is not None).
    if callee.co.co_argcount as usize != total
        || callee.co.co_flags & 0x2AC != 0
        || callee.co.co_kwonlyargcount != 0
        || vm.frames.len() >= vm.recursion_limit as usize
    {
        return None;
    }
    let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
    let obj = crate::builtins::classes::alloc_instance(cls);
    vm.stack[ret] = obj.clone();
    vm.stack[callable_at] = obj;
    if callee.nlocalsplus > total {
        vm.stack.resize(callable_at + callee.nlocalsplus, Value::NULL);
    }
    vm.frames.push(Frame {
        code: code_value,
        func: init,
        globals,
        builtins,
        locals: Value::NULL,
        base: callable_at,
        ret: callable_at,
        ip: 0,
        inline_exit: INIT_FRAME,
        frame_obj: Value::NULL,
    });
    Some(CodeRef(callee))
}

/// A native call's arguments, moved off the value stack: up to `INLINE`
/// of them in place, more in a vector.
pub(super) enum Args {
    Inline([Value; Args::INLINE], usize),
    Heap(Vec<Value>),
}

impl Args {
    const INLINE: usize = 6;

    /// Move `stack[from..]` out.
    #[inline]
    pub(super) fn take(stack: &mut Vec<Value>, from: usize) -> Args {
        let n = stack.len() - from;
        if n > Args::INLINE {
            return Args::Heap(stack.split_off(from));
        }
        let mut items = [Value::NULL, Value::NULL, Value::NULL, Value::NULL, Value::NULL, Value::NULL];
        for slot in items[..n].iter_mut().rev() {
            *slot = stack.pop().expect("the call's arguments");
        }
        Args::Inline(items, n)
    }

    #[inline]
    pub(super) fn as_slice(&self) -> &[Value] {
        match self {
            Args::Inline(items, n) => &items[..*n],
            Args::Heap(v) => v,
        }
    }
}

/// CPython's `missing_arguments` message.
fn missing_arguments(qualname: &str, missing: &[String], kind: &str) -> String {
    let list = match missing {
        [one] => format!("'{one}'"),
        [a, b] => format!("'{a}' and '{b}'"),
        _ => {
            let (last, rest) = missing.split_last().expect("several");
            let rest: Vec<String> = rest.iter().map(|m| format!("'{m}'")).collect();
            format!("{}, and '{}'", rest.join(", "), last)
        }
    };
    format!(
        "{}() missing {} required {} argument{}: {}",
        qualname,
        missing.len(),
        kind,
        if missing.len() == 1 { "" } else { "s" },
        list
    )
}

/// How CPython's `_PyObject_FunctionStr` names a callable in call errors:
/// `module.qualname()`, without the module for built-ins.
pub(super) fn function_str(vm: &mut Vm, func: &Value) -> String {
    let qualname = match ops::getattr(vm, func, &crate::builtins::str::new_str("__qualname__")) {
        Ok(q) => as_str(&q).map(str::to_string),
        Err(_) => None,
    };
    let Some(qualname) = qualname.or_else(|| crate::builtins::function::as_builtin(func).map(|b| b.name.to_string())) else {
        return format!("{} object", vm.type_of(func).name());
    };
    let module = match ops::getattr(vm, func, &crate::builtins::str::new_str("__module__")) {
        Ok(m) => as_str(&m).map(str::to_string),
        Err(_) => None,
    };
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

