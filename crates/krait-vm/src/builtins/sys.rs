//! The built-in `sys` module: what Krait has of it so far (`argv`, `exit`,
//! the recursion limit, the exception being handled, `version_info`,
//! `implementation`, `flags` and the other facts about the interpreter).
//! The rest arrives with the command-line and built-in types issues.

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::RECURSION_ERROR;
use crate::builtins::function::new_module;
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::is_none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::as_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// `sys._xoptions`: `-X key=value` maps key to value, `-X key` to True
/// (a later option replaces an earlier one).
fn xoptions(vm: &mut Vm, options: &[String]) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    for x in options {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k, new_str(v)),
            None => (x.as_str(), vm.bool(true)),
        };
        dd.set(vm, new_str(k), v)?;
    }
    Ok(d)
}

/// Command-line arguments as a list of str (UTF-8 with surrogateescape,
/// the file system encoding).
pub fn os_strings(vm: &mut Vm, args: &[std::ffi::OsString]) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let mut items = Vec::with_capacity(args.len());
    for a in args {
        items.push(crate::builtins::posix::path::fs_decode(vm, a.as_bytes())?);
    }
    Ok(new_list(items))
}

/// A new `sys` module.
pub fn new_sys_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let argv = os_strings(vm, &vm.argv.clone())?;
    dd.set(vm, new_str("argv"), argv)?;
    dd.set(vm, new_str("modules"), vm.sys_modules.clone())?;
    crate::builtins::io::init_std_streams(vm, dd)?;
    dd.set(vm, new_str("path"), vm.sys_path.clone())?;
    // The import protocol's objects: importlib fills `meta_path` and
    // `path_hooks` when it is installed (see `import_protocol`).
    dd.set(vm, new_str("meta_path"), new_list(Vec::new()))?;
    dd.set(vm, new_str("path_hooks"), new_list(Vec::new()))?;
    dd.set(vm, new_str("path_importer_cache"), new_dict())?;
    // Krait writes no bytecode cache yet: importlib's loaders must not
    // write one either (it would need `marshal` of code objects).
    dd.set(vm, new_str("dont_write_bytecode"), vm.bool(true))?;
    let prefix = crate::config::get().pycache_prefix.as_deref().map_or_else(crate::builtins::singletons::none, new_str);
    dd.set(vm, new_str("pycache_prefix"), prefix)?;
    let names = crate::import::BUILTIN_MODULE_NAMES.iter().map(|n| new_str(n)).collect();
    dd.set(vm, new_str("builtin_module_names"), crate::builtins::tuple::new_tuple(names))?;
    let config = crate::config::get();
    dd.set(vm, new_str("warnoptions"), new_list(config.warnoptions.iter().map(|w| new_str(w)).collect()))?;
    let x = xoptions(vm, &config.xoptions)?;
    dd.set(vm, new_str("_xoptions"), x)?;
    let functions: [(&'static str, crate::types::CallFn); 21] = [
        ("get_coroutine_origin_tracking_depth", crate::generator_origin::get_depth),
        ("set_coroutine_origin_tracking_depth", crate::generator_origin::set_depth),
        ("settrace", crate::trace::settrace),
        ("gettrace", crate::trace::gettrace),
        ("setprofile", crate::trace::setprofile),
        ("getprofile", crate::trace::getprofile),
        ("get_asyncgen_hooks", crate::generator_async::get_asyncgen_hooks),
        ("set_asyncgen_hooks", crate::generator_async::set_asyncgen_hooks),
        ("getsizeof", crate::builtins::sizeof::getsizeof),
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("_getframe", getframe),
        ("exception", exception),
        ("intern", intern),
        ("getdefaultencoding", |vm, _, a, k| no_args_str(vm, "getdefaultencoding", a, k, "utf-8")),
        ("getfilesystemencoding", |vm, _, a, k| no_args_str(vm, "getfilesystemencoding", a, k, "utf-8")),
        ("getfilesystemencodeerrors", |vm, _, a, k| no_args_str(vm, "getfilesystemencodeerrors", a, k, "surrogateescape")),
        ("get_int_max_str_digits", |vm, _, a, k| {
            crate::builtins::function::no_keywords(vm, "get_int_max_str_digits", k)?;
            if !a.is_empty() {
                return Err(vm.type_error("sys.get_int_max_str_digits() takes no arguments"));
            }
            Ok(new_int(crate::builtins::int::str_digits_limit() as i64))
        }),
        ("set_int_max_str_digits", set_int_max_str_digits),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), crate::builtins::function::new_builtin(name, f))?;
    }
    let hook = crate::builtins::function::new_builtin("excepthook", crate::run::excepthook);
    dd.set(vm, new_str("excepthook"), hook.clone())?;
    dd.set(vm, new_str("__excepthook__"), hook)?;
    let hook = crate::builtins::function::new_builtin("breakpointhook", breakpointhook);
    dd.set(vm, new_str("breakpointhook"), hook.clone())?;
    dd.set(vm, new_str("__breakpointhook__"), hook)?;
    let hook = crate::builtins::function::new_builtin("unraisablehook", unraisablehook);
    dd.set(vm, new_str("unraisablehook"), hook.clone())?;
    dd.set(vm, new_str("__unraisablehook__"), hook)?;
    dd.set(vm, new_str("audit"), crate::builtins::function::new_builtin("audit", audit))?;
    dd.set(vm, new_str("addaudithook"), crate::builtins::function::new_builtin("addaudithook", addaudithook))?;
    set_identity(vm, dd)?;
    crate::builtins::sys_runtime::add_runtime_attrs(vm, dd)?;
    Ok(new_module("sys", d))
}

thread_local! {
    /// The hooks `sys.addaudithook` added, called in order by `sys.audit`.
    static AUDIT_HOOKS: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `sys.audit(event, *args)`: call each audit hook with the event and
/// the arguments as a tuple (Krait raises no events of its own yet).
fn audit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "sys.audit", kwnames)?;
    let Some((event, rest)) = args.split_first() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    let hooks = AUDIT_HOOKS.with(|h| h.borrow().clone());
    // As CPython, the event is only checked when some hook would see it.
    if hooks.is_empty() {
        return Ok(vm.none());
    }
    if crate::builtins::str::as_str_data(event).is_none() {
        let msg = format!("expected str for argument 'event', not {}", vm.type_of(event).name());
        return Err(vm.type_error(msg));
    }
    let rest = crate::builtins::tuple::new_tuple(rest.to_vec());
    for hook in hooks {
        crate::eval::call(vm, &hook, &[event.clone(), rest.clone()], &[])?;
    }
    Ok(vm.none())
}

/// `sys.addaudithook(hook)`.
fn addaudithook(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [hook] = crate::builtins::itertools::bind(vm, "addaudithook", args, kwnames, ["hook"], 1, 1)?;
    AUDIT_HOOKS.with(|h| h.borrow_mut().push(hook.expect("required")));
    Ok(vm.none())
}

/// The language version Krait implements: CPython 3.11's, at the micro
/// release whose `Lib/` and behaviour the tests compare with.
const VERSION: (i64, i64, i64) = (3, 11, 7);

/// Krait's own version (`sys.implementation.version`).
const KRAIT_VERSION: (i64, i64, i64, &str) = (0, 1, 0, "alpha");

/// `sys.version`: the language version, then Krait's, in the shape
/// CPython's `platform._sys_version` parses ("X.Y.Z (build) [compiler]");
/// without the compiler part `platform.python_implementation()` raised.
pub fn version_string() -> String {
    let (major, minor, micro) = VERSION;
    let (kmaj, kmin, kmic, klevel) = KRAIT_VERSION;
    format!("{major}.{minor}.{micro} (Krait {kmaj}.{kmin}.{kmic} {klevel}) [rustc]")
}

/// The language version alone (`python -V`'s `3.11.7`).
pub fn language_version() -> String {
    let (major, minor, micro) = VERSION;
    format!("{major}.{minor}.{micro}")
}

/// A version as `sys.hexversion` packs it.
fn hexversion(major: i64, minor: i64, micro: i64, level: &str, serial: i64) -> i64 {
    let level = match level {
        "alpha" => 0xA,
        "beta" => 0xB,
        "candidate" => 0xC,
        _ => 0xF,
    };
    (major << 24) | (minor << 16) | (micro << 8) | (level << 4) | serial
}

/// `sys.version_info`, `sys.implementation` and the other facts about the
/// interpreter and the machine.
fn set_identity(vm: &mut Vm, dd: &crate::builtins::dict::DictData) -> PyResult<()> {
    use crate::builtins::namespace::{new_namespace, new_struct_seq};
    let (major, minor, micro) = VERSION;
    let version_fields = |maj: i64, min: i64, mic: i64, level: &str| -> Vec<(&'static str, Value)> {
        vec![
            ("major", new_int(maj)),
            ("minor", new_int(min)),
            ("micro", new_int(mic)),
            ("releaselevel", new_str(level)),
            ("serial", new_int(0)),
        ]
    };
    let version_info = new_struct_seq(vm, "sys", "version_info", &version_fields(major, minor, micro, "final"))?;
    crate::builtins::namespace::forbid_instances(vm, vm.type_of_static(&version_info))?;
    dd.set(vm, new_str("version_info"), version_info)?;
    dd.set(vm, new_str("hexversion"), new_int(hexversion(major, minor, micro, "final", 0)))?;
    dd.set(vm, new_str("version"), new_str(&version_string()))?;
    let (kmaj, kmin, kmic, klevel) = KRAIT_VERSION;
    let krait_version = new_struct_seq(vm, "sys", "version_info", &version_fields(kmaj, kmin, kmic, klevel))?;
    let implementation = new_namespace(
        vm,
        &[
            ("name", new_str("krait")),
            ("cache_tag", new_str("krait-311")),
            ("version", krait_version),
            ("hexversion", new_int(hexversion(kmaj, kmin, kmic, klevel, 0))),
            ("_multiarch", new_str(&format!("{}-linux-gnu", std::env::consts::ARCH))),
        ],
    )?;
    dd.set(vm, new_str("implementation"), implementation)?;
    let c = crate::config::get();
    let flags = new_struct_seq(
        vm,
        "sys",
        "flags",
        &[
            ("debug", new_int(c.parser_debug)),
            ("inspect", new_int(c.inspect)),
            ("interactive", new_int(c.interactive)),
            ("optimize", new_int(c.optimization_level)),
            ("dont_write_bytecode", new_int(i64::from(!c.write_bytecode))),
            ("no_user_site", new_int(i64::from(!c.user_site_directory))),
            ("no_site", new_int(i64::from(!c.site_import))),
            ("ignore_environment", new_int(i64::from(!c.use_environment))),
            ("verbose", new_int(c.verbose)),
            ("bytes_warning", new_int(c.bytes_warning)),
            ("quiet", new_int(i64::from(c.quiet))),
            ("hash_randomization", new_int(i64::from(c.hash_randomization()))),
            ("isolated", new_int(i64::from(c.isolated))),
            ("dev_mode", vm.bool(c.dev_mode)),
            ("utf8_mode", new_int(c.utf8_mode)),
            ("warn_default_encoding", new_int(i64::from(c.warn_default_encoding))),
            ("safe_path", vm.bool(c.safe_path)),
            ("int_max_str_digits", new_int(c.int_max_str_digits)),
        ],
    )?;
    crate::builtins::namespace::forbid_instances(vm, vm.type_of_static(&flags))?;
    dd.set(vm, new_str("flags"), flags)?;
    let float_info = new_struct_seq(
        vm,
        "sys",
        "float_info",
        &[
            ("max", Value::float(f64::MAX)),
            ("max_exp", new_int(f64::MAX_EXP as i64)),
            ("max_10_exp", new_int(f64::MAX_10_EXP as i64)),
            ("min", Value::float(f64::MIN_POSITIVE)),
            ("min_exp", new_int(f64::MIN_EXP as i64)),
            ("min_10_exp", new_int(f64::MIN_10_EXP as i64)),
            ("dig", new_int(f64::DIGITS as i64)),
            ("mant_dig", new_int(f64::MANTISSA_DIGITS as i64)),
            ("epsilon", Value::float(f64::EPSILON)),
            ("radix", new_int(f64::RADIX as i64)),
            ("rounds", new_int(1)),
        ],
    )?;
    dd.set(vm, new_str("float_info"), float_info)?;
    let int_info = new_struct_seq(
        vm,
        "sys",
        "int_info",
        &[
            ("bits_per_digit", new_int(30)),
            ("sizeof_digit", new_int(4)),
            ("default_max_str_digits", new_int(crate::builtins::int::MAX_STR_DIGITS as i64)),
            ("str_digits_check_threshold", new_int(640)),
        ],
    )?;
    dd.set(vm, new_str("int_info"), int_info)?;
    let hash_info = new_struct_seq(
        vm,
        "sys",
        "hash_info",
        &[
            ("width", new_int(64)),
            ("modulus", new_int((1 << 61) - 1)),
            ("inf", new_int(314159)),
            ("nan", new_int(0)),
            ("imag", new_int(1000003)),
            ("algorithm", new_str("siphash13")),
            ("hash_bits", new_int(64)),
            ("seed_bits", new_int(128)),
            ("cutoff", new_int(0)),
        ],
    )?;
    dd.set(vm, new_str("hash_info"), hash_info)?;
    dd.set(vm, new_str("maxsize"), new_int(isize::MAX as i64))?;
    dd.set(vm, new_str("byteorder"), new_str(if cfg!(target_endian = "little") { "little" } else { "big" }))?;
    dd.set(vm, new_str("platform"), new_str(std::env::consts::OS))?;
    dd.set(vm, new_str("float_repr_style"), new_str("short"))?;
    dd.set(vm, new_str("api_version"), new_int(1013))?;
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    dd.set(vm, new_str("executable"), new_str(&exe))?;
    // The prefix of the CPython whose Lib Krait runs (`PREFIX/lib/python3.11`),
    // as that CPython's sys reports it; site and argparse read it.
    let prefix = crate::import::stdlib_dir()
        .and_then(|lib| lib.parent().and_then(|p| p.parent()).map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_default();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        dd.set(vm, new_str(name), new_str(&prefix))?;
    }
    dd.set(vm, new_str("platlibdir"), new_str("lib"))?;
    // The ABI flags of the CPython whose Lib Krait runs (sysconfig names its
    // `_sysconfigdata_` module with them): none since 3.8.
    dd.set(vm, new_str("abiflags"), new_str(""))?;
    Ok(())
}

fn no_args_str(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], answer: &str) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(new_str(answer))
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "exception", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.exception() takes no arguments ({} given)", args.len())));
    }
    let top = vm.topmost_exc();
    Ok(if top.is_null() { crate::builtins::singletons::none() } else { top })
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being
/// handled, or three Nones.
/// `sys._getframe(depth=0)`: the frame object of the caller `depth` calls
/// up.
fn getframe(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_getframe", kwnames)?;
    let depth = match args {
        [] => 0,
        [d] => crate::builtins::str_methods::ssize_arg(vm, d)?,
        _ => return Err(vm.type_error(format!("_getframe expected at most 1 argument, got {}", args.len()))),
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        // A negative depth is the top frame in CPython.
        if depth < 0 && n > 0 {
            return Ok(crate::builtins::frame::frame_object(vm, (n - 1) as usize));
        }
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(crate::builtins::frame::frame_object(vm, (n - 1 - depth) as usize))
}

fn exc_info(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "exc_info", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.exc_info() takes no arguments ({} given)", args.len())));
    }
    let none = crate::builtins::singletons::none;
    let top = vm.topmost_exc();
    if top.is_null() || is_none(&top) {
        return Ok(crate::builtins::tuple::new_tuple(vec![none(), none(), none()]));
    }
    let e = top;
    let ty = crate::types::type_value(vm.type_of_static(&e));
    let tb = crate::ops::getattr(vm, &e, &new_str("__traceback__"))?;
    Ok(crate::builtins::tuple::new_tuple(vec![ty, e, tb]))
}

/// `sys.intern(string)`.
fn intern(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "intern", kwnames)?;
    let [s] = args else {
        return Err(vm.type_error(format!("intern() takes exactly one argument ({} given)", args.len())));
    };
    if !std::ptr::eq(vm.type_of(s), &crate::builtins::str::STR_TYPE) {
        let msg = format!("intern() argument must be str, not {}", vm.type_of(s).name());
        return Err(vm.type_error(msg));
    }
    Ok(crate::builtins::str::intern_value(s))
}

/// `sys.breakpointhook(*args, **kws)` (CPython's `sys_breakpointhook`):
/// the callable `$PYTHONBREAKPOINT` names (default `pdb.set_trace`) called
/// with the arguments; nothing when it is "0"; a RuntimeWarning when it
/// cannot be imported.
fn breakpointhook(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let env = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if env == "0" {
        return Ok(crate::builtins::singletons::none());
    }
    let hookname = if env.is_empty() { "pdb.set_trace".to_string() } else { env };
    let (module, attr) = match hookname.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hookname.clone()),
    };
    let found = crate::import::import_module(vm, &module).and_then(|m| crate::ops::getattr(vm, &m, &new_str(&attr)));
    match found {
        Ok(hook) => crate::eval::call(vm, &hook, args, kwnames),
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::IMPORT_ERROR)
            || vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) =>
        {
            let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"");
            let warnings = crate::import::import_module(vm, "warnings")?;
            let warn = crate::ops::getattr(vm, &warnings, &new_str("warn"))?;
            let category = crate::types::type_value(&crate::builtins::exceptions::RUNTIME_WARNING);
            crate::eval::call(vm, &warn, &[new_str(&msg), category], &[])?;
            Ok(crate::builtins::singletons::none())
        }
        Err(e) => Err(e),
    }
}

/// `sys.set_int_max_str_digits(maxdigits)`.
fn set_int_max_str_digits(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let n = match (args, kwnames) {
        ([n], []) => n,
        ([n], [k]) if crate::builtins::str::as_str(k) == Some("maxdigits") => n,
        ([_], [k]) => {
            let msg = format!("set_int_max_str_digits() got an unexpected keyword argument '{}'", crate::builtins::str::as_str(k).unwrap_or("?"));
            return Err(vm.type_error(msg));
        }
        ([], []) => return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")),
        _ => {
            let msg = format!("set_int_max_str_digits() takes at most 1 argument ({} given)", args.len());
            return Err(vm.type_error(msg));
        }
    };
    let Some(n) = crate::ops::index(vm, n)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(n).name());
        return Err(vm.type_error(msg));
    };
    let limit = match crate::builtins::int::int_of(&n) {
        Some(crate::builtins::int::Int::Small(i)) if i == 0 || i >= crate::builtins::int::STR_DIGITS_CHECK_THRESHOLD as i64 => i as usize,
        Some(crate::builtins::int::Int::Small(_)) => {
            return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
        }
        _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    crate::builtins::int::set_str_digits_limit(limit);
    Ok(crate::builtins::singletons::none())
}

/// `sys.unraisablehook(unraisable)`: print an `UnraisableHookArgs` as
/// CPython's default hook does.
fn unraisablehook(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "unraisablehook", kwnames)?;
    let [u] = args else {
        let msg = format!("sys.unraisablehook() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    let exc = crate::ops::getattr(vm, u, &new_str("exc_value"))?;
    let msg = crate::ops::getattr(vm, u, &new_str("err_msg"))?;
    let obj = crate::ops::getattr(vm, u, &new_str("object"))?;
    let msg = crate::builtins::str::as_str(&msg).map(str::to_string);
    crate::run::print_unraisable(vm, &exc, msg.as_deref(), &obj);
    Ok(crate::builtins::singletons::none())
}

/// `sys.exit([status])`: raise SystemExit(status).
fn exit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "exit", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    use crate::builtins::exceptions::{exception_with_args, SYSTEM_EXIT};
    // PyErr_SetObject's rule: None means no arguments, a tuple its items.
    let args = match args {
        [x] if is_none(x) => Vec::new(),
        [x] if as_tuple(x).is_some() => as_tuple(x).map(|t| t.items.clone()).unwrap_or_default(),
        _ => args.to_vec(),
    };
    Err(PyErr { exception: exception_with_args(&SYSTEM_EXIT, args) })
}

/// `sys.getrecursionlimit()`.
fn getrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "getrecursionlimit", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.getrecursionlimit() takes no arguments ({} given)", args.len())));
    }
    Ok(new_int(i64::from(vm.recursion_limit)))
}

/// `sys.setrecursionlimit(limit)`: refused below 1, or at or below the
/// current depth (Python frames plus this call, as CPython counts).
fn setrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "setrecursionlimit", kwnames)?;
    let [limit] = args else {
        return Err(vm.type_error(format!("sys.setrecursionlimit() takes exactly one argument ({} given)", args.len())));
    };
    use crate::builtins::int::{int_of, Int};
    let limit = match int_of(limit) {
        Some(Int::Small(i)) => i32::try_from(i).ok(),
        Some(Int::Big(b)) => i32::try_from(b).ok(),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(limit).name());
            return Err(vm.type_error(msg));
        }
    };
    let Some(limit) = limit else {
        return Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"));
    };
    if limit < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() + 1;
    if depth >= limit as usize {
        let msg = format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low");
        return Err(vm.error(&RECURSION_ERROR, msg));
    }
    vm.recursion_limit = limit as u32;
    Ok(crate::builtins::singletons::none())
}

/// `sys.<name>` (`stdout`, `stderr`) as it is now.
pub fn stream(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let sys = vm.sys_module()?;
    match crate::ops::getattr(vm, &sys, &new_str(name)) {
        Ok(v) => Ok(v),
        Err(_) => Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("lost sys.{name}"))),
    }
}
