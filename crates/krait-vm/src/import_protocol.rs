//! Krait's native importer seen through CPython's `importlib`: the finders
//! on `sys.meta_path`, the hooks on `sys.path_hooks`, and the specs and
//! loaders of the modules the native importer loads.
//!
//! Invariants:
//! - `importlib` is CPython's own pure-Python package. It is installed the
//!   moment `importlib` finishes loading (`after_load`), as CPython's
//!   `_install` and `_install_external_importers` do at start-up:
//!   `BuiltinImporter`, `FrozenImporter` and `PathFinder` go first on
//!   `sys.meta_path`, `FileFinder`'s hook first on `sys.path_hooks`
//!   (before any entries a program added earlier), and every module
//!   already imported from a file gets its spec and `SourceFileLoader`.
//! - From then on the native importer walks `sys.meta_path` in order, as
//!   `_find_spec` does: Krait answers for `BuiltinImporter` (its built-in
//!   modules) and for `PathFinder` (its native search of `sys.path` or
//!   `__path__`) itself, unless `sys.path_hooks` is no longer the standard
//!   one, when `PathFinder.find_spec` is asked; every other finder is
//!   called (`find_spec(name, path, None)`) and its spec loaded by
//!   `importlib._bootstrap._load`. Before `importlib` is installed the
//!   native finders come first, then any finders a program put on
//!   `sys.meta_path`.
//! - A module the native importer loads gets what importlib gives it once
//!   importlib is installed: `__spec__` (`spec_from_file_location` with a
//!   `SourceFileLoader`, or a `ModuleSpec` with origin 'built-in' and
//!   `BuiltinImporter`), `__loader__`, and for a package the spec's
//!   `submodule_search_locations` as `__path__`. Before, those are None.
//!
//! PROVISIONAL: `sys.path_importer_cache` is filled only by importlib's
//! own `PathFinder`; the native search reads no zip files; a finder with
//! only the legacy `find_module` is skipped.

use std::cell::RefCell;

use crate::builtins::dict::as_dict;
use crate::builtins::function::as_module;
use crate::builtins::list::as_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// importlib's objects the native importer uses, once installed.
struct Importlib {
    bootstrap: Value,
    builtin_importer: Value,
    frozen_importer: Value,
    path_finder: Value,
    file_finder_hook: Value,
    module_spec: Value,
    source_file_loader: Value,
    spec_from_file_location: Value,
}

thread_local! {
    static IMPORTLIB: RefCell<Option<Importlib>> = const { RefCell::new(None) };
}

/// A finder on `sys.meta_path`, as the native importer sees it.
pub enum Finder {
    /// `BuiltinImporter` (or, before importlib, Krait's own lookup).
    Builtin,
    /// `PathFinder` answered natively: the standard path hooks.
    NativePath,
    /// `PathFinder` with non-standard path hooks, or any other finder:
    /// called through Python.
    Python(Value),
}

/// The finders to ask, in order (see the invariants).
pub fn finders(vm: &mut Vm) -> PyResult<Vec<Finder>> {
    let meta_path = vm.sys_attr("meta_path");
    let entries = match &meta_path {
        Some(m) if as_list(m).is_some() => as_list(m).map(|l| l.items.borrow().clone()).unwrap_or_default(),
        Some(m) if !is_none(m) => crate::ops::collect(vm, m)?,
        _ => Vec::new(),
    };
    let standard_hooks = standard_path_hooks(vm);
    Ok(IMPORTLIB.with(|cell| {
        let state = cell.borrow();
        let Some(il) = state.as_ref() else {
            let mut out = vec![Finder::Builtin, Finder::NativePath];
            out.extend(entries.into_iter().map(Finder::Python));
            return out;
        };
        entries
            .into_iter()
            .filter(|f| !f.is(&il.frozen_importer))
            .map(|f| {
                if f.is(&il.builtin_importer) {
                    Finder::Builtin
                } else if f.is(&il.path_finder) && standard_hooks {
                    Finder::NativePath
                } else {
                    Finder::Python(f)
                }
            })
            .collect()
    }))
}

/// Whether `sys.path_hooks` is exactly the hook importlib installed.
fn standard_path_hooks(vm: &mut Vm) -> bool {
    let hooks = vm.sys_attr("path_hooks");
    IMPORTLIB.with(|cell| match (cell.borrow().as_ref(), hooks.as_ref().and_then(as_list)) {
        (Some(il), Some(list)) => {
            let items = list.items.borrow();
            items.len() == 1 && items[0].is(&il.file_finder_hook)
        }
        _ => true,
    })
}

/// `finder.find_spec(name, path, None)`; None when it has no `find_spec`.
pub fn find_spec(vm: &mut Vm, finder: &Value, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let Some(method) = crate::ops::getattr_opt(vm, finder, &new_str("find_spec"))? else {
        return Ok(None);
    };
    let spec = crate::eval::call(vm, &method, &[new_str(name), path.clone(), none()], &[])?;
    Ok((!is_none(&spec)).then_some(spec))
}

/// Load the module a Python finder's spec describes, by importlib's own
/// `_bootstrap._load` (importing importlib first if need be).
pub fn load_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    if !installed() {
        crate::import::import_module(vm, "importlib")?;
    }
    let bootstrap = IMPORTLIB.with(|c| c.borrow().as_ref().map(|il| il.bootstrap.clone()));
    let Some(bootstrap) = bootstrap else {
        return Err(vm.error(&crate::builtins::exceptions::IMPORT_ERROR, "importlib could not be installed"));
    };
    let load = crate::ops::getattr(vm, &bootstrap, &new_str("_load"))?;
    crate::eval::call(vm, &load, std::slice::from_ref(spec), &[])
}

pub fn installed() -> bool {
    IMPORTLIB.with(|c| c.borrow().is_some())
}

/// Called when the native importer has loaded module `name`: installs
/// importlib once `importlib` itself is loaded.
pub fn after_load(vm: &mut Vm, name: &str) -> PyResult<()> {
    if name == "importlib" && !installed() {
        install(vm)?;
    }
    Ok(())
}

/// Put importlib's finders and hooks in place and give the modules
/// already imported their specs (CPython's `_install` and
/// `_install_external_importers`, run at start-up there).
fn install(vm: &mut Vm) -> PyResult<()> {
    let bootstrap = crate::import::import_module(vm, "importlib._bootstrap")?;
    let external = crate::import::import_module(vm, "importlib._bootstrap_external")?;
    let get = |vm: &mut Vm, m: &Value, attr: &str| crate::ops::getattr(vm, m, &new_str(attr));
    let builtin_importer = get(vm, &bootstrap, "BuiltinImporter")?;
    let frozen_importer = get(vm, &bootstrap, "FrozenImporter")?;
    let path_finder = get(vm, &external, "PathFinder")?;
    let file_finder = get(vm, &external, "FileFinder")?;
    let path_hook = get(vm, &file_finder, "path_hook")?;
    let loaders = get(vm, &external, "_get_supported_file_loaders")?;
    let loaders = crate::eval::call(vm, &loaders, &[], &[])?;
    let loaders = crate::ops::collect(vm, &loaders)?;
    let file_finder_hook = crate::eval::call(vm, &path_hook, &loaders, &[])?;
    let module_spec = get(vm, &bootstrap, "ModuleSpec")?;
    let source_file_loader = get(vm, &external, "SourceFileLoader")?;
    let spec_from_file_location = get(vm, &external, "spec_from_file_location")?;
    let set_bootstrap = get(vm, &external, "_set_bootstrap_module")?;
    crate::eval::call(vm, &set_bootstrap, std::slice::from_ref(&bootstrap), &[])?;
    prepend(vm, "meta_path", vec![builtin_importer.clone(), frozen_importer.clone(), path_finder.clone()])?;
    prepend(vm, "path_hooks", vec![file_finder_hook.clone()])?;
    IMPORTLIB.with(|c| {
        *c.borrow_mut() = Some(Importlib {
            bootstrap,
            builtin_importer,
            frozen_importer,
            path_finder,
            file_finder_hook,
            module_spec,
            source_file_loader,
            spec_from_file_location,
        })
    });
    fix_up_modules(vm)
}

/// `sys.NAME[:0] = items` (a list made if `sys.NAME` is missing).
fn prepend(vm: &mut Vm, name: &str, items: Vec<Value>) -> PyResult<()> {
    match vm.sys_attr(name).filter(|l| as_list(l).is_some()) {
        Some(list) => {
            let l = as_list(&list).expect("a list");
            let mut v = l.items.borrow_mut();
            let rest = std::mem::take(&mut *v);
            *v = items.into_iter().chain(rest).collect();
        }
        None => {
            let sys = vm.sys_module()?;
            crate::builtins::classes::setattr(vm, &sys, &new_str(name), Some(crate::builtins::list::new_list(items)))?;
        }
    }
    Ok(())
}

/// Give each module imported from a file before importlib was installed
/// its spec and loader; `__main__` from a script gets its loader (its
/// spec stays None, as CPython's); built-in modules got theirs from
/// `_bootstrap._setup`.
fn fix_up_modules(vm: &mut Vm) -> PyResult<()> {
    let modules = crate::import::sys_modules_items(vm);
    for (name, module) in modules {
        let (Some(name), Some(m)) = (as_str(&name).map(str::to_string), as_module(&module)) else { continue };
        let Some(d) = as_dict(&m.dict) else { continue };
        let key = |k: &str| d.get_str(&new_str(k));
        if key("__spec__").is_some_and(|s| !is_none(&s)) {
            continue;
        }
        let Some(file) = key("__file__").and_then(|f| as_str(&f).map(str::to_string)) else { continue };
        if name == "__main__" {
            if key("__loader__").is_some_and(|l| is_none(&l)) {
                let loader = source_loader(vm, &name, &file)?;
                d.set(vm, new_str("__loader__"), loader)?;
            }
            continue;
        }
        let dict = m.dict.clone();
        set_source_spec(vm, &dict, &name, &file)?;
    }
    Ok(())
}

fn source_loader(vm: &mut Vm, name: &str, file: &str) -> PyResult<Value> {
    let class = IMPORTLIB.with(|c| c.borrow().as_ref().map(|il| il.source_file_loader.clone()));
    let class = class.expect("importlib is installed");
    crate::eval::call(vm, &class, &[new_str(name), new_str(file)], &[])
}

/// Set `__loader__` and `__spec__` (and a package's `__path__`) in the
/// namespace `dict` of source module `name` from `file`, when importlib is
/// installed.
pub fn set_source_spec(vm: &mut Vm, dict: &Value, name: &str, file: &str) -> PyResult<()> {
    let Some(spec_from_file) = IMPORTLIB.with(|c| c.borrow().as_ref().map(|il| il.spec_from_file_location.clone())) else {
        return Ok(());
    };
    let loader = source_loader(vm, name, file)?;
    let spec = crate::eval::call(vm, &spec_from_file, &[new_str(name), new_str(file), loader.clone()], &[new_str("loader")])?;
    let d = as_dict(dict).expect("a module namespace");
    d.set(vm, new_str("__loader__"), loader)?;
    if d.get_str(&new_str("__path__")).is_some() {
        let locations = crate::ops::getattr(vm, &spec, &new_str("submodule_search_locations"))?;
        if !is_none(&locations) {
            d.set(vm, new_str("__path__"), locations)?;
        }
    }
    d.set(vm, new_str("__spec__"), spec)?;
    Ok(())
}

/// Set `__spec__` and `__loader__` of built-in module `module` (`name`),
/// when importlib is installed.
pub fn set_builtin_spec(vm: &mut Vm, module: &Value, name: &str) -> PyResult<()> {
    let Some((module_spec, importer)) =
        IMPORTLIB.with(|c| c.borrow().as_ref().map(|il| (il.module_spec.clone(), il.builtin_importer.clone())))
    else {
        return Ok(());
    };
    let Some(d) = as_module(module).and_then(|m| as_dict(&m.dict)) else { return Ok(()) };
    if d.get_str(&new_str("__spec__")).is_some_and(|s| !is_none(&s)) {
        return Ok(());
    }
    let spec = crate::eval::call(vm, &module_spec, &[new_str(name), importer.clone(), new_str("built-in")], &[new_str("origin")])?;
    d.set(vm, new_str("__loader__"), importer)?;
    d.set(vm, new_str("__spec__"), spec)?;
    Ok(())
}
