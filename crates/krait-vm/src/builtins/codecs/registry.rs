//! The codec registry (CPython's `Python/codecs.c`): search functions,
//! the cache of what they found, and encoding or decoding through it.
//!
//! Invariants:
//! - Names are normalized once (`normalize`: lower case, runs of other
//!   characters than ASCII letters, digits and `.` become one `_`, other
//!   non-ASCII letters dropped) before the cache and the search functions
//!   see them.
//! - The `encodings` package is imported (and registers its search
//!   function) before the first look-up or registration, as CPython does
//!   at start-up, so it is always the first search function.
//! - A search function returns None or a 4-tuple (CodecInfo is one); the
//!   first tuple is cached under the normalized name.
//! - An exception raised by a codec function is re-raised as a new one of
//!   the same type, "encoding with 'NAME' codec failed (Type: message)",
//!   caused by the original, when a plain copy can hold all it carries
//!   (CPython's `wrap_codec_error`/`_PyErr_TrySetFromCause`).

use std::cell::RefCell;

use crate::builtins::exceptions::LOOKUP_ERROR;
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::builtins::tuple::as_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

struct Registry {
    /// `encodings` was imported (or is being imported).
    initialized: bool,
    search: Vec<Value>,
    /// Normalized name -> codec tuple.
    cache: Vec<(String, Value)>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> =
        const { RefCell::new(Registry { initialized: false, search: Vec::new(), cache: Vec::new() }) };
}

/// `encodings.normalize_encoding(name.lower())`, as `_Py_normalize_encoding`
/// does it: over the name's UTF-8 bytes, so every non-ASCII character is
/// punctuation (`'l\u0660atin1'` is `l_atin1`, unknown).
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// Import `encodings` once (CPython's `_PyCodecRegistry_Init`).
fn init(vm: &mut Vm) -> PyResult<()> {
    let first = REGISTRY.with(|r| !std::mem::replace(&mut r.borrow_mut().initialized, true));
    if first {
        crate::import::import_module(vm, "encodings")?;
    }
    Ok(())
}

/// `register(search_function)`.
pub fn register(vm: &mut Vm, search: Value) -> PyResult<()> {
    if !crate::ops::is_callable(vm, &search) {
        return Err(vm.type_error("argument must be callable"));
    }
    init(vm)?;
    REGISTRY.with(|r| r.borrow_mut().search.push(search));
    Ok(())
}

/// `unregister(search_function)`: forget it and every cached codec.
pub fn unregister(search: &Value) {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.search.iter().position(|s| s.is(search)) {
            r.search.remove(i);
            r.cache.clear();
        }
    });
}

/// `_forget_codec(encoding)`: drop a cached codec (KeyError if none).
pub fn forget(name: &str) -> PyResult<()> {
    let norm = normalize(name);
    let found = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let i = r.cache.iter().position(|(n, _)| *n == norm);
        i.map(|i| r.cache.remove(i))
    });
    match found {
        Some(_) => Ok(()),
        None => Err(crate::builtins::exceptions::key_error(new_str(&norm))),
    }
}

/// `lookup(encoding)`: the codec tuple for a name.
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let norm = normalize(name);
    if let Some(c) = REGISTRY.with(|r| r.borrow().cache.iter().find(|(n, _)| *n == norm).map(|(_, c)| c.clone())) {
        return Ok(c);
    }
    init(vm)?;
    let search = REGISTRY.with(|r| r.borrow().search.clone());
    let key = new_str(&norm);
    for f in search {
        let result = crate::eval::call(vm, &f, std::slice::from_ref(&key), &[])?;
        if crate::builtins::singletons::is_none(&result) {
            continue;
        }
        if !matches!(as_tuple(&result), Some(t) if t.items.len() == 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        REGISTRY.with(|r| r.borrow_mut().cache.push((norm, result.clone())));
        return Ok(result);
    }
    let missing = if is_cjk_codec(vm, &norm) { " (Krait does not implement the CJK codecs yet)" } else { "" };
    Err(vm.error(&LOOKUP_ERROR, format!("unknown encoding: {name}{missing}")))
}

/// The CJK codecs CPython writes in C (`_codecs_cn`, `_codecs_hk`,
/// `_codecs_iso2022`, `_codecs_jp`, `_codecs_kr`, `_codecs_tw`), which
/// Krait lacks: their names get a clearer "unknown encoding".
const CJK_CODECS: &[&str] = &[
    "big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr",
    "gb18030", "gb2312", "gbk", "hz", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
    "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "johab", "shift_jis", "shift_jis_2004", "shift_jisx0213",
];

/// Is `norm` (a normalized name) one of `CJK_CODECS`, directly or through
/// `encodings.aliases`?
fn is_cjk_codec(vm: &mut Vm, norm: &str) -> bool {
    let name = norm.replace('.', "_");
    if CJK_CODECS.contains(&name.as_str()) {
        return true;
    }
    let alias = (|| -> PyResult<Option<String>> {
        let aliases = crate::import::import_module(vm, "encodings.aliases")?;
        let table = crate::ops::getattr(vm, &aliases, &new_str("aliases"))?;
        let Some(d) = crate::builtins::dict::as_dict(&table) else { return Ok(None) };
        Ok(d.get_str(&new_str(&name)).and_then(|v| as_str(&v).map(str::to_string)))
    })();
    matches!(alias, Ok(Some(a)) if CJK_CODECS.contains(&a.as_str()))
}

/// The codec for `str.encode`/`bytes.decode` (`_PyCodec_LookupTextEncoding`):
/// a CodecInfo whose `_is_text_encoding` is false is refused.
fn lookup_text(vm: &mut Vm, name: &str, command: &str) -> PyResult<Value> {
    let codec = lookup(vm, name)?;
    if !std::ptr::eq(vm.type_of(&codec), &crate::builtins::tuple::TUPLE_TYPE) {
        if let Some(flag) = crate::ops::getattr_opt(vm, &codec, &new_str("_is_text_encoding"))? {
            if !crate::ops::truthy(vm, &flag)? {
                let msg = format!("'{name}' is not a text encoding; use {command} to handle arbitrary codecs");
                return Err(vm.error(&LOOKUP_ERROR, msg));
            }
        }
    }
    Ok(codec)
}

/// Call item `which` (0 encoder, 1 decoder) of `codec` and take the first
/// item of its `(object, length)` result.
fn call_codec(vm: &mut Vm, codec: &Value, which: usize, object: &Value, errors: Option<&str>, encoding: &str) -> PyResult<Value> {
    let f = as_tuple(codec).map(|t| t.items[which].clone()).expect("a 4-tuple");
    let mut args = vec![object.clone()];
    if let Some(e) = errors {
        args.push(new_str(e));
    }
    let result = match crate::eval::call(vm, &f, &args, &[]) {
        Ok(r) => r,
        Err(e) => return Err(wrap_codec_error(vm, e, if which == 0 { "encoding" } else { "decoding" }, encoding)),
    };
    match as_tuple(&result) {
        Some(t) if t.items.len() == 2 => Ok(t.items[0].clone()),
        _ if which == 0 => Err(vm.type_error("encoder must return a tuple (object, integer)")),
        _ => Err(vm.type_error("decoder must return a tuple (object,integer)")),
    }
}

/// The built-in exception types whose objects carry more than `args`,
/// or are made by an `__init__`/`__new__` of their own, in CPython:
/// their errors pass through a codec unwrapped.
fn carries_state(ty: &'static crate::types::TypeObject) -> bool {
    use crate::builtins::exceptions as x;
    [
        &x::BASE_EXCEPTION_GROUP,
        &x::STOP_ITERATION,
        &x::SYSTEM_EXIT,
        &x::IMPORT_ERROR,
        &x::OS_ERROR,
        &x::NAME_ERROR,
        &x::ATTRIBUTE_ERROR,
        &x::SYNTAX_ERROR,
        &x::UNICODE_ENCODE_ERROR,
        &x::UNICODE_DECODE_ERROR,
        &x::UNICODE_TRANSLATE_ERROR,
        &x::MEMORY_ERROR,
    ]
    .iter()
    .any(|t| ty.is_subtype(t))
}

/// `err`, or a new exception of its type saying which codec failed, with
/// `err` as its `__cause__`, when `err` can be re-made from its message
/// alone: a type whose classes add no `__init__`, `__new__` or slots, one
/// str argument at most, and no instance attributes.
fn wrap_codec_error(vm: &mut Vm, err: crate::vm::PyErr, operation: &str, encoding: &str) -> crate::vm::PyErr {
    use crate::builtins::classes;
    let exc = err.exception.clone();
    let ty = vm.type_of_static(&exc);
    let Some(base) = ty.mro().find(|t| t.heap.is_none()) else { return err };
    let Some(data) = crate::builtins::exceptions::as_exception(&exc) else { return err };
    let plain_classes = ty.mro().take_while(|t| t.heap.is_some()).all(|t| classes::heap(t).into_iter().all(|h| h.nslots == 0));
    if carries_state(base) || !plain_classes || classes::overrides(ty, base, "__init__") || classes::overrides(ty, base, "__new__") {
        return err;
    }
    let simple_args = match &data.args.borrow()[..] {
        [] => true,
        [a] => std::ptr::eq(vm.type_of(a), &crate::builtins::str::STR_TYPE),
        _ => false,
    };
    let no_attributes = {
        let d = data.dict.borrow();
        d.is_null() || crate::builtins::dict::as_dict(&d).into_iter().all(|d| d.is_empty())
    };
    if !simple_args || !no_attributes {
        return err;
    }
    let text = match crate::ops::str(vm, &exc) {
        Ok(t) => as_str_data(&t).map(|d| String::from_utf8_lossy(d.bytes()).into_owned()).unwrap_or_default(),
        Err(e) => return e,
    };
    let msg = format!("{operation} with '{encoding}' codec failed ({}: {text})", ty.name());
    let wrapped = classes::alloc_exception(ty, vec![new_str(&msg)]);
    if let Some(w) = crate::builtins::exceptions::as_exception(&wrapped) {
        *w.cause.borrow_mut() = exc;
        w.suppress_context.set(true);
    }
    crate::vm::PyErr { exception: wrapped }
}

/// `codecs.encode(obj, encoding, errors)`.
pub fn encode(vm: &mut Vm, object: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let codec = lookup(vm, encoding)?;
    call_codec(vm, &codec, 0, object, Some(errors), encoding)
}

/// `codecs.decode(obj, encoding, errors)`.
pub fn decode(vm: &mut Vm, object: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    let codec = lookup(vm, encoding)?;
    call_codec(vm, &codec, 1, object, Some(errors), encoding)
}

/// `text.encode(encoding, errors)` through the registry: the result must
/// be bytes (a bytearray is copied).
pub fn encode_text(vm: &mut Vm, text: &Value, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let codec = lookup_text(vm, encoding, "codecs.encode()")?;
    let result = call_codec(vm, &codec, 0, text, errors, encoding)?;
    if let Some(b) = crate::builtins::bytes::as_bytes(&result) {
        return Ok(b.to_vec());
    }
    if crate::builtins::bytes::as_bytearray(&result).is_some() {
        return Ok(crate::builtins::bytes::as_buffer(&result).map(|b| b.to_vec()).unwrap_or_default());
    }
    let msg = format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        vm.type_of(&result).name()
    );
    Err(vm.type_error(msg))
}

/// `data.decode(encoding, errors)` through the registry: the result must
/// be a str.
pub fn decode_text(vm: &mut Vm, data: Vec<u8>, encoding: &str, errors: Option<&str>) -> PyResult<Value> {
    let codec = lookup_text(vm, encoding, "codecs.decode()")?;
    let object = crate::builtins::bytes::new_bytes(data);
    let result = call_codec(vm, &codec, 1, &object, errors, encoding)?;
    if as_str_data(&result).is_some() {
        return Ok(result);
    }
    let msg = format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        vm.type_of(&result).name()
    );
    Err(vm.type_error(msg))
}

/// A `str` argument's text (for names).
pub fn name_of(v: &Value) -> Option<String> {
    as_str(v).map(str::to_string).or_else(|| as_str_data(v).map(|d| String::from_utf8_lossy(d.bytes()).into_owned()))
}
