//! The import system: `import` and `from ... import` for built-in modules
//! and Python source modules and packages found on `sys.path`.
//!
//! Invariants:
//! - `sys.modules` (a dict, `Vm::sys_modules`) is the one registry: a
//!   module is entered there before its code runs (so circular imports see
//!   the partly initialised module) and removed again if its code raises.
//! - `sys.path` (a list, `Vm::sys_path`) is searched in order: for `name`,
//!   `DIR/name/__init__.py` (a package, whose `__path__` is searched for its
//!   submodules) then `DIR/name.py`. It starts with the script's folder and
//!   then the CPython 3.11 standard library found on the machine
//!   (`KRAIT_STDLIB` overrides the search).
//! - `import a.b.c` imports `a`, `a.b`, `a.b.c` in turn and binds each as
//!   an attribute of its parent, as importlib does.
//!
//! - Which finder answers is `import_protocol`'s walk of `sys.meta_path`:
//!   Krait's own finders (built-in modules, the `sys.path` search) are
//!   native; any other finder is called through Python. A module loaded
//!   natively gets its spec and loader once `importlib` is installed.
//!
//! PROVISIONAL: no bytecode cache yet (`sys.dont_write_bytecode` is True).

use std::path::{Path, PathBuf};

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{IMPORT_ERROR, MODULE_NOT_FOUND_ERROR};
use crate::builtins::function::{as_module, new_code, new_module};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The CPython 3.11 standard library folder: `KRAIT_STDLIB`, else the
/// first of the usual install locations that holds `os.py`: the newest
/// pyenv 3.11 first (where the `python3` the tests compare with lives on
/// these machines), then the system's.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KRAIT_STDLIB") {
        return Some(PathBuf::from(dir));
    }
    let mut candidates = Vec::new();
    let pyenv_root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")));
    if let Some(root) = pyenv_root {
        if let Ok(entries) = std::fs::read_dir(root.join("versions")) {
            let mut versions: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("3.11")))
                .collect();
            versions.sort();
            candidates.extend(versions.into_iter().rev().map(|v| v.join("lib/python3.11")));
        }
    }
    candidates.extend(["/usr/lib/python3.11", "/usr/local/lib/python3.11", "/opt/homebrew/lib/python3.11"].map(PathBuf::from));
    candidates.into_iter().find(|d| d.join("os.py").is_file())
}

/// `sys.path` at start-up: `path0` (the script's folder, `''` or the
/// working directory; none in safe-path mode), `PYTHONPATH`'s entries,
/// then the standard library.
pub fn initial_path(path0: Option<&str>) -> Vec<String> {
    let mut path: Vec<String> = path0.map(str::to_string).into_iter().collect();
    path.extend(crate::config::get().pythonpath.iter().cloned());
    if let Some(lib) = stdlib_dir() {
        path.push(lib.to_string_lossy().into_owned());
    }
    path
}

/// `sys.modules`, to call dict methods on (`modules(vm).get_str(..)`,
/// `set_module`).
fn modules(vm: &Vm) -> &crate::builtins::dict::DictData {
    as_dict(&vm.sys_modules).expect("sys.modules is a dict")
}

fn set_module(vm: &mut Vm, name: &str, module: Value) -> PyResult<()> {
    let m = vm.sys_modules.clone();
    as_dict(&m).expect("sys.modules is a dict").set(vm, new_str(name), module)
}

/// `sys.modules[name]`, if there.
pub fn loaded_module(vm: &Vm, name: &str) -> Option<Value> {
    modules(vm).get_str(&new_str(name))
}

/// The entries of `sys.modules`, a snapshot.
pub fn sys_modules_items(vm: &Vm) -> Vec<(Value, Value)> {
    modules(vm).items()
}

fn remove_module(vm: &mut Vm, name: &str) {
    let m = vm.sys_modules.clone();
    let _ = as_dict(&m).expect("sys.modules is a dict").remove(vm, &new_str(name));
}

/// `'name'` as Python's `repr` writes it (importlib's `{!r}`).
fn quoted(name: &str) -> String {
    krait_syntax::repr::str_repr(&krait_syntax::pystr::PyString::from(name))
}

fn module_not_found(vm: &mut Vm, msg: String, name: &str) -> PyErr {
    let e = vm.error(&MODULE_NOT_FOUND_ERROR, msg);
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("name"), Some(new_str(name)));
    e
}

/// `IMPORT_NAME` / `__import__(name, globals, locals, fromlist, level)`.
pub fn import_name(vm: &mut Vm, name: &str, fromlist: &Value, level: i64, globals: &Value) -> PyResult<Value> {
    let absolute = if level > 0 { resolve_relative(vm, name, level, globals)? } else { name.to_string() };
    if absolute.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let module = import_module(vm, &absolute)?;
    let from: Vec<Value> = if is_none(fromlist) { Vec::new() } else { crate::ops::collect(vm, fromlist)? };
    if from.is_empty() {
        if level == 0 {
            let top = absolute.split('.').next().unwrap_or(&absolute).to_string();
            return lookup(vm, &top);
        }
        if name.is_empty() {
            return Ok(module);
        }
        let cut = name.len() - name.split('.').next().unwrap_or(name).len();
        return lookup(vm, &absolute[..absolute.len() - cut]);
    }
    if has_attr(vm, &module, "__path__")? {
        handle_fromlist(vm, &module, &absolute, &from)?;
    }
    Ok(module)
}

fn lookup(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match modules(vm).get_str(&new_str(name)) {
        Some(m) => Ok(m),
        None => Err(module_not_found(vm, format!("No module named {}", quoted(name)), name)),
    }
}

fn has_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    match crate::ops::getattr(vm, obj, &new_str(name)) {
        Ok(_) => Ok(true),
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `from package import a, b`: import the submodules not already
/// attributes (importlib's `_handle_fromlist`).
fn handle_fromlist(vm: &mut Vm, module: &Value, package: &str, from: &[Value]) -> PyResult<()> {
    for x in from {
        let Some(x) = as_str(x).map(str::to_string) else {
            let msg = format!("Item in {package}.__all__ must be str, not {}", vm.type_of(x).name());
            return Err(vm.type_error(msg));
        };
        if x == "*" {
            if let Ok(all) = crate::ops::getattr(vm, module, &new_str("__all__")) {
                let names = crate::ops::collect(vm, &all)?;
                handle_fromlist(vm, module, package, &names)?;
            }
            continue;
        }
        if !has_attr(vm, module, &x)? {
            let sub = format!("{package}.{x}");
            match import_module(vm, &sub) {
                Ok(_) => {}
                Err(e) if vm.type_of(&e.exception).is_subtype(&MODULE_NOT_FOUND_ERROR) => {
                    let missing = crate::ops::getattr(vm, &e.exception, &new_str("name")).ok();
                    if missing.as_ref().and_then(as_str) != Some(sub.as_str()) {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// The absolute name of a relative import (importlib's `_resolve_name`).
fn resolve_relative(vm: &mut Vm, name: &str, level: i64, globals: &Value) -> PyResult<String> {
    let d = as_dict(globals);
    let get = |key: &str| d.and_then(|d| d.get_str(&new_str(key))).filter(|v| !is_none(v));
    // CPython's `resolve_name`: `__package__`, else `__spec__.parent`,
    // else (with an ImportWarning) `__name__` and `__path__`.
    let spec = get("__spec__");
    let package = match get("__package__") {
        Some(p) => {
            if let Some(spec) = &spec {
                let parent = crate::ops::getattr(vm, spec, &new_str("parent"))?;
                let same = crate::ops::richcompare(vm, &p, &parent, crate::types::CompareOp::Eq)?;
                if !crate::ops::truthy(vm, &same)? {
                    let category = &crate::builtins::exceptions::IMPORT_WARNING;
                    crate::builtins::warnings::warn_native(vm, category, "__package__ != __spec__.parent", 1)?;
                }
            }
            as_str(&p).map(str::to_string)
        }
        None if spec.is_some() => {
            let parent = crate::ops::getattr(vm, spec.as_ref().expect("a spec"), &new_str("parent"))?;
            match as_str(&parent) {
                Some(p) => Some(p.to_string()),
                None => return Err(vm.type_error("__spec__.parent must be a string")),
            }
        }
        None => {
            let msg = "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__";
            crate::builtins::warnings::warn_native(vm, &crate::builtins::exceptions::IMPORT_WARNING, msg, 1)?;
            match get("__name__").as_ref().and_then(as_str).map(str::to_string) {
                Some(n) if get("__path__").is_some() => Some(n),
                Some(n) => Some(n.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string())),
                None => None,
            }
        }
    };
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => return Err(vm.error(&IMPORT_ERROR, "attempted relative import with no known parent package")),
    };
    let parts: Vec<&str> = package.split('.').collect();
    if (parts.len() as i64) < level {
        return Err(vm.error(&IMPORT_ERROR, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// Import `name` (absolute, dotted), its parents first.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = modules(vm).get_str(&new_str(name)) {
        if is_none(&m) {
            return Err(module_not_found(vm, format!("import of {name} halted; None in sys.modules"), name));
        }
        return Ok(m);
    }
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    // The folders to search and, for a submodule, the parent's `__path__`
    // (what `find_spec` is given as `path`).
    let (search, path_arg): (Vec<String>, Value) = match parent {
        Some(p) => {
            let parent_module = import_module(vm, p)?;
            if let Some(m) = modules(vm).get_str(&new_str(name)) {
                return Ok(m);
            }
            let path = match crate::ops::getattr(vm, &parent_module, &new_str("__path__")) {
                Ok(path) => path,
                Err(_) => {
                    let msg = format!("No module named {}; {} is not a package", quoted(name), quoted(p));
                    return Err(module_not_found(vm, msg, name));
                }
            };
            let items = crate::ops::collect(vm, &path)?;
            (items.iter().filter_map(|p| as_str(p).map(str::to_string)).collect(), path)
        }
        None => {
            let path = vm.sys_path.clone();
            let items = as_list(&path).map(|l| l.items.borrow().clone()).unwrap_or_default();
            (items.iter().filter_map(|p| as_str(p).map(str::to_string)).collect(), none())
        }
    };
    let module = match find_and_load(vm, name, parent.is_none(), child, &search, &path_arg)? {
        Some(m) => m,
        None => return Err(module_not_found(vm, format!("No module named {}", quoted(name)), name)),
    };
    if let Some(p) = parent {
        if let Some(parent_module) = modules(vm).get_str(&new_str(p)) {
            crate::builtins::classes::setattr(vm, &parent_module, &new_str(child), Some(module.clone()))?;
        }
    }
    crate::import_protocol::after_load(vm, name)?;
    Ok(module)
}

/// Ask each finder in turn (`import_protocol::finders`) for `name` and
/// load it from the first that knows it; None if none does.
fn find_and_load(vm: &mut Vm, name: &str, top_level: bool, child: &str, search: &[String], path_arg: &Value) -> PyResult<Option<Value>> {
    use crate::import_protocol::Finder;
    for finder in crate::import_protocol::finders(vm)? {
        match finder {
            Finder::Builtin => {
                if !top_level {
                    continue;
                }
                if let Some(m) = builtin_module(vm, name)? {
                    set_module(vm, name, m.clone())?;
                    crate::import_protocol::set_builtin_spec(vm, &m, name)?;
                    return Ok(Some(m));
                }
            }
            Finder::NativePath => {
                if let Some((file, package_dir)) = find(search, child) {
                    return load_source(vm, name, &file, package_dir.as_deref()).map(Some);
                }
            }
            Finder::Python(f) => {
                if let Some(spec) = crate::import_protocol::find_spec(vm, &f, name, path_arg)? {
                    return crate::import_protocol::load_spec(vm, &spec).map(Some);
                }
            }
        }
    }
    Ok(None)
}

/// The names of the modules written in Rust (`sys.builtin_module_names`),
/// sorted; `builtin_module` makes each.
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_abc",
    "_ast",
    "_bisect",
    "_blake2",
    "_codecs",
    "_collections",
    "_contextvars",
    "_csv",
    "_functools",
    "_imp",
    "_io",
    "_json",
    "_md5",
    "_operator",
    "_posixsubprocess",
    "_random",
    "_sha1",
    "_sha256",
    "_sha3",
    "_sha512",
    "_signal",
    "_socket",
    "_sre",
    "_string",
    "_struct",
    "_thread",
    "_warnings",
    "_weakref",
    "array",
    "atexit",
    "binascii",
    "builtins",
    "cmath",
    "errno",
    "gc",
    "itertools",
    "marshal",
    "math",
    "posix",
    "select",
    "sys",
    "time",
    "unicodedata",
    "zlib",
];

/// A new module written in Rust, `name`; None if there is none.
pub fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "sys" => Ok(Some(vm.sys_module()?)),
        "builtins" => {
            vm.builtins()?;
            let key = new_str("builtins");
            Ok(modules(vm).get_str(&key))
        }
        "_weakref" => Ok(Some(crate::builtins::weakref::new_weakref_module(vm)?)),
        "_sre" => Ok(Some(crate::builtins::sre::new_sre_module(vm)?)),
        "_codecs" => Ok(Some(crate::builtins::codecs::module::new_codecs_module(vm)?)),
        "_struct" => Ok(Some(crate::builtins::struct_module::new_struct_module(vm)?)),
        "_thread" => Ok(Some(crate::builtins::thread::new_thread_module(vm)?)),
        "itertools" => Ok(Some(crate::builtins::itertools::new_itertools_module(vm)?)),
        "math" => Ok(Some(crate::builtins::math::new_math_module(vm)?)),
        "cmath" => Ok(Some(crate::builtins::math::cmath::new_cmath_module(vm)?)),
        "posix" => Ok(Some(crate::builtins::posix::new_posix_module(vm)?)),
        "errno" => Ok(Some(crate::builtins::errno::new_errno_module(vm)?)),
        "_socket" => Ok(Some(crate::builtins::socket::new_socket_module(vm)?)),
        "select" => Ok(Some(crate::builtins::select::new_select_module(vm)?)),
        "_posixsubprocess" => Ok(Some(crate::builtins::posixsubprocess::new_posixsubprocess_module(vm)?)),
        "_signal" => Ok(Some(crate::builtins::signal::new_signal_module(vm)?)),
        "time" => Ok(Some(crate::builtins::time::new_time_module(vm)?)),
        "_collections" => Ok(Some(crate::builtins::collections::new_collections_module(vm)?)),
        "_string" => Ok(Some(crate::builtins::string_module::new_string_module(vm)?)),
        "atexit" => Ok(Some(crate::builtins::atexit::new_atexit_module(vm)?)),
        "_operator" => Ok(Some(crate::builtins::operator::new_operator_module(vm)?)),
        "_bisect" => Ok(Some(crate::builtins::bisect::new_bisect_module(vm)?)),
        "_functools" => Ok(Some(crate::builtins::functools::new_functools_module(vm)?)),
        "_abc" => Ok(Some(crate::builtins::abc::new_abc_module(vm)?)),
        "_ast" => Ok(Some(crate::builtins::ast::new_ast_module(vm)?)),
        "_io" => Ok(Some(crate::builtins::io::new_io_module(vm)?)),
        "_json" => Ok(Some(crate::builtins::json::new_json_module(vm)?)),
        "_random" => Ok(Some(crate::builtins::random::new_random_module(vm)?)),
        "binascii" => Ok(Some(crate::builtins::binascii::new_binascii_module(vm)?)),
        "unicodedata" => Ok(Some(crate::builtins::unicodedata::new_unicodedata_module(vm)?)),
        "array" => Ok(Some(crate::builtins::array::new_array_module(vm)?)),
        "_csv" => Ok(Some(crate::builtins::csv::new_csv_module(vm)?)),
        "_contextvars" => Ok(Some(crate::builtins::contextvars::new_contextvars_module(vm)?)),
        "zlib" => Ok(Some(crate::builtins::zlib::new_zlib_module(vm)?)),
        "gc" => Ok(Some(crate::builtins::gc::new_gc_module(vm)?)),
        "_imp" => Ok(Some(crate::builtins::imp::new_imp_module(vm)?)),
        "_warnings" => Ok(Some(crate::builtins::warnings::new_warnings_module(vm)?)),
        "marshal" => Ok(Some(crate::builtins::marshal::new_marshal_module(vm)?)),
        _ if crate::builtins::hashes::HASH_MODULE_NAMES.contains(&name) => crate::builtins::hashes::new_hash_module(vm, name),
        _ => Ok(None),
    }
}

/// Where `name` is on `search`: a package's `__init__.py` (with its
/// folder) or a module's `.py` file.
fn find(search: &[String], name: &str) -> Option<(PathBuf, Option<PathBuf>)> {
    for dir in search {
        let dir = if dir.is_empty() { Path::new(".") } else { Path::new(dir) };
        let package = dir.join(name);
        let init = package.join("__init__.py");
        if init.is_file() {
            return Some((init, Some(package)));
        }
        let file = dir.join(format!("{name}.py"));
        if file.is_file() {
            return Some((file, None));
        }
    }
    None
}

/// Compile and run a source module, entered in `sys.modules` first.
fn load_source(vm: &mut Vm, name: &str, file: &Path, package_dir: Option<&Path>) -> PyResult<Value> {
    let filename = file.to_string_lossy().into_owned();
    let bytes = std::fs::read(file).map_err(|e| {
        let msg = format!("[Errno {}] {}: '{}'", e.raw_os_error().unwrap_or(0), e, filename);
        vm.error(&IMPORT_ERROR, msg)
    })?;
    let code = compile_source(vm, &bytes, &filename)?;
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let builtins = vm.builtins()?;
    dd.set(vm, new_str("__name__"), new_str(name))?;
    dd.set(vm, new_str("__doc__"), none())?;
    let package = match package_dir {
        Some(_) => name.to_string(),
        None => name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_string()),
    };
    dd.set(vm, new_str("__package__"), new_str(&package))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    if let Some(dir) = package_dir {
        dd.set(vm, new_str("__path__"), new_list(vec![new_str(&dir.to_string_lossy())]))?;
    }
    dd.set(vm, new_str("__file__"), new_str(&filename))?;
    dd.set(vm, new_str("__cached__"), new_str(&cache_from_source(file)))?;
    dd.set(vm, new_str("__builtins__"), builtins.clone())?;
    crate::import_protocol::set_source_spec(vm, &d, name, &filename)?;
    let module = new_module(name, d.clone());
    set_module(vm, name, module.clone())?;
    if let Err(e) = crate::eval::run_module(vm, code, d, builtins) {
        remove_module(vm, name);
        return Err(e);
    }
    if name == "platform" {
        name_implementation(vm, &module);
    }
    // The module may have replaced itself in sys.modules.
    Ok(modules(vm).get_str(&new_str(name)).unwrap_or(module))
}

/// `platform` parses `sys.version` as CPython's and would name the
/// implementation 'CPython' (only IronPython, Jython and PyPy are told
/// apart): its parse cache is primed with the parse of `sys.version`
/// named 'Krait', what `platform.python_implementation()` then answers.
/// A `platform` without that cache, or a version it cannot parse, is left
/// as it is.
fn name_implementation(vm: &mut Vm, module: &Value) {
    let primed = (|| -> PyResult<Option<()>> {
        let Some(cache) = crate::ops::getattr_opt(vm, module, &new_str("_sys_version_cache"))? else { return Ok(None) };
        let Some(parse) = crate::ops::getattr_opt(vm, module, &new_str("_sys_version"))? else { return Ok(None) };
        let parsed = crate::eval::call(vm, &parse, &[], &[])?;
        let Some(mut items) = crate::builtins::tuple::as_tuple(&parsed).map(|t| t.items.clone()) else { return Ok(None) };
        if items.is_empty() {
            return Ok(None);
        }
        items[0] = new_str("Krait");
        let sys = import_module(vm, "sys")?;
        let version = crate::ops::getattr(vm, &sys, &new_str("version"))?;
        let Some(cache) = as_dict(&cache) else { return Ok(None) };
        cache.set(vm, version, crate::builtins::tuple::new_tuple(items))?;
        Ok(Some(()))
    })();
    drop(primed);
}

/// Where the bytecode cache of source `file` goes (importlib's
/// `cache_from_source` with Krait's cache tag): `DIR/__pycache__/STEM.krait-311.pyc`.
fn cache_from_source(file: &Path) -> String {
    let dir = file.parent().unwrap_or(Path::new(""));
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join("__pycache__").join(format!("{stem}.krait-311.pyc")).to_string_lossy().into_owned()
}

/// Compile a source file's bytes to a code object; a syntax error is a
/// SyntaxError exception.
fn compile_source(vm: &mut Vm, bytes: &[u8], filename: &str) -> PyResult<Value> {
    use krait_compiler::codegen::CompileError;
    let syntax = |_: &mut Vm, e: krait_syntax::SyntaxError, text: &str| crate::builtins::exec::syntax_error(&e, text, filename);
    let decoded = match krait_syntax::source::decode_file(bytes, filename) {
        Ok(d) => d,
        Err(e) => return Err(syntax(vm, e, "")),
    };
    let parsed = krait_syntax::parser::parse_module_with(&decoded.text, decoded.tokenizer_options());
    let tree = match parsed.result {
        Ok(t) => t,
        Err(e) => return Err(syntax(vm, e, &decoded.text)),
    };
    match krait_compiler::codegen::compile_module(&tree, &decoded.text, filename) {
        Ok(code) => Ok(new_code(code)),
        Err(CompileError::Syntax(e)) => Err(syntax(vm, e, &decoded.text)),
        Err(CompileError::Recursion) => {
            Err(vm.error(&crate::builtins::exceptions::RECURSION_ERROR, "maximum recursion depth exceeded during compilation"))
        }
        Err(CompileError::Unsupported(what)) => Err(vm.error(
            &crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR,
            format!("Krait cannot compile yet: {what} (in {filename})"),
        )),
        Err(CompileError::Internal(what)) => Err(vm.error(
            &crate::builtins::exceptions::SYSTEM_ERROR,
            format!("Krait's compiler failed: {what} (in {filename})"),
        )),
    }
}

/// `IMPORT_FROM`: `module.name`, or the submodule `module.name` from
/// `sys.modules`, else ImportError with CPython's message.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    match crate::ops::getattr(vm, module, name) {
        Ok(v) => return Ok(v),
        Err(e) if !vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => return Err(e),
        Err(_) => {}
    }
    let module_name = crate::ops::getattr(vm, module, &new_str("__name__")).ok().and_then(|n| as_str(&n).map(str::to_string));
    let text = as_str(name).unwrap_or("?").to_string();
    if let Some(m) = &module_name {
        if let Some(sub) = modules(vm).get_str(&new_str(&format!("{m}.{text}"))) {
            return Ok(sub);
        }
    }
    let m = module_name.unwrap_or_else(|| "<unknown module name>".to_string());
    let file = as_module(module)
        .and_then(|md| as_dict(&md.dict).and_then(|d| d.get_str(&new_str("__file__"))))
        .and_then(|f| as_str(&f).map(str::to_string));
    let msg = match &file {
        Some(f) => format!("cannot import name '{text}' from '{m}' ({f})"),
        None => format!("cannot import name '{text}' from '{m}' (unknown location)"),
    };
    let e = vm.error(&IMPORT_ERROR, msg);
    // CPython's `import_from`: the error names the module and its file.
    let path = file.map_or_else(crate::builtins::singletons::none, |f| new_str(&f));
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("name"), Some(new_str(&m)));
    let _ = crate::builtins::classes::setattr(vm, &e.exception, &new_str("path"), Some(path));
    Err(e)
}

/// `from module import *` into namespace `locals`: `__all__`, else every
/// name not starting with an underscore.
pub fn import_star(vm: &mut Vm, module: &Value, locals: &Value) -> PyResult<()> {
    let names: Vec<Value> = match crate::ops::getattr(vm, module, &new_str("__all__")) {
        Ok(all) => crate::ops::collect(vm, &all)?,
        Err(_) => {
            let dict = crate::ops::getattr(vm, module, &new_str("__dict__"))?;
            let keys = crate::ops::collect(vm, &dict)?;
            keys.into_iter().filter(|k| as_str(k).is_some_and(|s| !s.starts_with('_'))).collect()
        }
    };
    let Some(target) = as_dict(locals) else {
        return Err(vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, "no locals found during 'import *'"));
    };
    for n in names {
        let v = crate::ops::getattr(vm, module, &n)?;
        target.set(vm, n, v)?;
    }
    Ok(())
}
