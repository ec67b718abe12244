//! The methods of `bytes` and `bytearray` (CPython 3.11's
//! `Objects/bytes_methods.c`, `bytesobject.c` and `bytearrayobject.c`, in
//! behaviour).
//!
//! Invariants:
//! - One function serves both types: it reads the receiver and any
//!   bytes-like argument through `Buffer`, and makes its result of the
//!   receiver's base type (`bytes::new_like`), as CPython's methods do
//!   (a subclass's `upper()` is a plain bytes).
//! - Arguments are converted (which may run Python code: `__index__`)
//!   before the receiver's bytes are borrowed, so a bytearray is never
//!   borrowed while Python code could resize it.
//! - Case and class tests are ASCII-only (`Py_ISSPACE`, `Py_ISALPHA`, ...),
//!   as CPython's `bytes_methods.c`; messages name the method as
//!   CPython's argument parsers do (`bytes.zfill()`, `center()`, `find()`).

use crate::builtins::bytes::{
    as_buffer, as_bytearray, as_bytes, base_name, buffer_arg, byte_value, bytes_mut, bytes_resize, find, new_bytearray, new_bytes,
    new_like, rfind, text_arg, with_capacity, Buffer, BYTEARRAY_TYPE, BYTES_TYPE,
};
use crate::builtins::int::{int_of, new_int};
use crate::builtins::list::new_list;
use crate::builtins::singletons::is_none;
use crate::builtins::str::as_str_data;
use crate::builtins::str_methods::{adjust, bind, slice_arg, ssize_arg};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::ops;
use crate::types::{as_type, MethodDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The methods `bytes` and `bytearray` share, then those of one type.
macro_rules! method_table {
    ($($extra:expr,)*) => {
        &[
            MethodDef { name: "decode", func: decode },
            MethodDef { name: "hex", func: hex },
            MethodDef { name: "find", func: |vm, this, a, k| find_method(vm, this, a, k, "find") },
            MethodDef { name: "rfind", func: |vm, this, a, k| find_method(vm, this, a, k, "rfind") },
            MethodDef { name: "index", func: |vm, this, a, k| find_method(vm, this, a, k, "index") },
            MethodDef { name: "rindex", func: |vm, this, a, k| find_method(vm, this, a, k, "rindex") },
            MethodDef { name: "count", func: count },
            MethodDef { name: "startswith", func: |vm, this, a, k| tailmatch(vm, this, a, k, "startswith") },
            MethodDef { name: "endswith", func: |vm, this, a, k| tailmatch(vm, this, a, k, "endswith") },
            MethodDef { name: "join", func: join },
            MethodDef { name: "split", func: |vm, this, a, k| split(vm, this, a, k, false) },
            MethodDef { name: "rsplit", func: |vm, this, a, k| split(vm, this, a, k, true) },
            MethodDef { name: "splitlines", func: splitlines },
            MethodDef { name: "partition", func: |vm, this, a, k| partition(vm, this, a, k, false) },
            MethodDef { name: "rpartition", func: |vm, this, a, k| partition(vm, this, a, k, true) },
            MethodDef { name: "strip", func: |vm, this, a, k| strip(vm, this, a, k, "strip") },
            MethodDef { name: "lstrip", func: |vm, this, a, k| strip(vm, this, a, k, "lstrip") },
            MethodDef { name: "rstrip", func: |vm, this, a, k| strip(vm, this, a, k, "rstrip") },
            MethodDef { name: "replace", func: replace },
            MethodDef { name: "removeprefix", func: |vm, this, a, k| remove_affix(vm, this, a, k, "removeprefix") },
            MethodDef { name: "removesuffix", func: |vm, this, a, k| remove_affix(vm, this, a, k, "removesuffix") },
            MethodDef { name: "center", func: |vm, this, a, k| pad(vm, this, a, k, "center") },
            MethodDef { name: "ljust", func: |vm, this, a, k| pad(vm, this, a, k, "ljust") },
            MethodDef { name: "rjust", func: |vm, this, a, k| pad(vm, this, a, k, "rjust") },
            MethodDef { name: "zfill", func: zfill },
            MethodDef { name: "expandtabs", func: expandtabs },
            MethodDef { name: "translate", func: translate },
            MethodDef { name: "lower", func: |vm, this, a, k| map_case(vm, this, a, k, "lower") },
            MethodDef { name: "upper", func: |vm, this, a, k| map_case(vm, this, a, k, "upper") },
            MethodDef { name: "swapcase", func: |vm, this, a, k| map_case(vm, this, a, k, "swapcase") },
            MethodDef { name: "capitalize", func: |vm, this, a, k| map_case(vm, this, a, k, "capitalize") },
            MethodDef { name: "title", func: |vm, this, a, k| map_case(vm, this, a, k, "title") },
            MethodDef { name: "isalnum", func: |vm, this, a, k| predicate(vm, this, a, k, "isalnum") },
            MethodDef { name: "isalpha", func: |vm, this, a, k| predicate(vm, this, a, k, "isalpha") },
            MethodDef { name: "isascii", func: |vm, this, a, k| predicate(vm, this, a, k, "isascii") },
            MethodDef { name: "isdigit", func: |vm, this, a, k| predicate(vm, this, a, k, "isdigit") },
            MethodDef { name: "islower", func: |vm, this, a, k| predicate(vm, this, a, k, "islower") },
            MethodDef { name: "isupper", func: |vm, this, a, k| predicate(vm, this, a, k, "isupper") },
            MethodDef { name: "isspace", func: |vm, this, a, k| predicate(vm, this, a, k, "isspace") },
            MethodDef { name: "istitle", func: |vm, this, a, k| predicate(vm, this, a, k, "istitle") },
            $($extra,)*
        ]
    };
}

/// `bytes`'s method table.
pub static BYTES_METHODS: &[MethodDef] = method_table!(
    crate::builtins::bytes::DUNDER_BYTES,
    MethodDef { name: "__getnewargs__", func: |vm, this, a, k| {
        no_args(vm, this, "__getnewargs__", a, k)?;
        Ok(new_tuple(vec![new_bytes(receiver(this).to_vec())]))
    } },
);

/// `bytearray`'s method table.
pub static BYTEARRAY_METHODS: &[MethodDef] = method_table!(
    MethodDef { name: "append", func: append },
    MethodDef { name: "extend", func: extend },
    MethodDef { name: "insert", func: insert },
    MethodDef { name: "pop", func: pop },
    MethodDef { name: "remove", func: remove },
    MethodDef { name: "clear", func: |vm, this, a, k| {
        no_args(vm, this, "clear", a, k)?;
        bytes_resize(vm, array(this))?.clear();
        Ok(vm.none())
    } },
    MethodDef { name: "copy", func: |vm, this, a, k| {
        no_args(vm, this, "copy", a, k)?;
        Ok(new_bytearray(receiver(this).to_vec()))
    } },
    MethodDef { name: "reverse", func: |vm, this, a, k| {
        no_args(vm, this, "reverse", a, k)?;
        bytes_mut(vm, array(this))?.reverse();
        Ok(vm.none())
    } },
    MethodDef { name: "__alloc__", func: |vm, this, a, k| {
        no_args(vm, this, "__alloc__", a, k)?;
        Ok(new_int(array(this).allocated() as i64))
    } },
    MethodDef { name: "__reduce__", func: |vm, this, a, k| {
        no_args(vm, this, "__reduce__", a, k)?;
        bytearray_reduce(vm, this, 2)
    } },
    MethodDef { name: "__reduce_ex__", func: |vm, this, a, k| {
        no_keywords(vm, this, "__reduce_ex__", k)?;
        let proto = match a {
            [] => 0,
            [p] => ops::index(vm, p)?.as_ref().and_then(int_of).and_then(|i| match i {
                crate::builtins::int::Int::Small(i) => Some(i),
                crate::builtins::int::Int::Big(_) => None,
            }).ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(p).name())))?,
            _ => return Err(vm.type_error(format!("__reduce_ex__ expected at most 1 argument, got {}", a.len()))),
        };
        bytearray_reduce(vm, this, proto)
    } },
);

/// CPython's `_common_reduce` for bytearray: `(type(self), args, state)`,
/// the contents as a latin-1 str below protocol 3 (what Python 2 could
/// read), as bytes from protocol 3; the state is `__getstate__()`'s.
fn bytearray_reduce(vm: &mut Vm, this: &Value, proto: i64) -> PyResult<Value> {
    let state = crate::builtins::object_methods::object_state(vm, this, false)?;
    let cls = crate::types::type_value(vm.type_of_static(this));
    let data = receiver(this).to_vec();
    let args = if data.is_empty() {
        new_tuple(vec![])
    } else if proto < 3 {
        let latin1: String = data.iter().map(|&b| b as char).collect();
        new_tuple(vec![crate::builtins::str::new_str(&latin1), crate::builtins::str::new_str("latin-1")])
    } else {
        new_tuple(vec![new_bytes(data)])
    };
    Ok(new_tuple(vec![cls, args, state]))
}

/// Class methods of both types (`maketrans` is a static method in
/// CPython; here it ignores the class it receives).
pub static CLASS_METHODS: &[MethodDef] = &[MethodDef { name: "fromhex", func: fromhex }];
pub static STATIC_METHODS: &[MethodDef] = &[MethodDef { name: "maketrans", func: maketrans }];

// ----- receivers and arguments ----------------------------------------------

fn receiver(this: &Value) -> Buffer<'_> {
    as_buffer(this).expect("a bytes method's receiver is bytes-like")
}

fn array(this: &Value) -> &crate::builtins::bytes::ByteArrayData {
    as_bytearray(this).expect("a bytearray method's receiver is a bytearray")
}

fn no_keywords(vm: &mut Vm, this: &Value, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{}.{name}() takes no keyword arguments", base_name(this))))
}

/// A method taking no arguments (`METH_NOARGS`).
fn no_args(vm: &mut Vm, this: &Value, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, this, name, kwnames)?;
    if args.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{}.{name}() takes no arguments ({} given)", base_name(this), args.len())))
}

/// A method taking exactly one positional argument (`METH_O`).
fn one_arg<'a>(vm: &mut Vm, this: &Value, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    no_keywords(vm, this, name, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("{}.{name}() takes exactly one argument ({} given)", base_name(this), args.len()))),
    }
}

/// Positional-only arguments, `min..=max` of them (Argument Clinic).
fn positional(vm: &mut Vm, this: &Value, name: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    no_keywords(vm, this, name, kwnames)?;
    let (n, plural) = (args.len(), |k: usize| if k == 1 { "" } else { "s" });
    if min == max && n != min {
        return Err(vm.type_error(format!("{name} expected {min} argument{}, got {n}", plural(min))));
    }
    if n < min {
        return Err(vm.type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
    }
    Ok(())
}

/// Arguments of the `find` family (`PyArg_ParseTuple`'s messages).
fn varargs(vm: &mut Vm, this: &Value, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, this, name, kwnames)?;
    match args.len() {
        0 => Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
        n if n > 3 => Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)"))),
        _ => Ok(()),
    }
}

/// A bytes-like argument, copied (so no borrow outlives the parsing).
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    Ok(buffer_arg(vm, v)?.to_vec())
}

/// The `sub` of `find` and `count`: bytes-like, or an int in range(256).
fn needle_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_buffer(v) {
        return Ok(b.to_vec());
    }
    if ops::index(vm, v)?.is_none() {
        let msg = format!("argument should be integer or bytes-like object, not '{}'", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    }
    Ok(vec![byte_value(vm, v, false)?])
}

/// CPython's `Py_ISSPACE`: ASCII whitespace, `\v` and `\f` included.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- searching ----------------------------------------------------------------

/// The needle of a search and the range of the receiver to search, `None`
/// when it cannot hold the needle.
type Search = (Vec<u8>, Option<(usize, usize)>);

/// `(sub[, start[, end]])` of `find` and `count`.
fn search_args(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Search> {
    varargs(vm, this, name, args, kwnames)?;
    let needle = needle_arg(vm, &args[0])?;
    let start = slice_arg(vm, args.get(1))?;
    let end = slice_arg(vm, args.get(2))?;
    let (s, e) = adjust(start, end, receiver(this).len());
    let range = (e - s >= needle.len() as i64).then_some((s as usize, e as usize));
    Ok((needle, range))
}

/// `find`, `rfind`, `index`, `rindex`.
fn find_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let (needle, range) = search_args(vm, this, args, kwnames, name)?;
    let found = range.and_then(|(s, e)| {
        let hay = receiver(this);
        let window = &hay[s..e];
        let at = if name.starts_with('r') { rfind(window, &needle) } else { find(window, &needle) };
        at.map(|p| p + s)
    });
    match found {
        Some(i) => Ok(new_int(i as i64)),
        None if name.ends_with("index") => Err(vm.value_error("subsection not found")),
        None => Ok(new_int(-1)),
    }
}

/// `count(sub[, start[, end]])`: non-overlapping occurrences.
fn count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (needle, range) = search_args(vm, this, args, kwnames, "count")?;
    let Some((s, e)) = range else { return Ok(new_int(0)) };
    if needle.is_empty() {
        return Ok(new_int((e - s + 1) as i64));
    }
    let hay = receiver(this);
    let mut window = &hay[s..e];
    let mut n = 0;
    while let Some(p) = find(window, &needle) {
        n += 1;
        window = &window[p + needle.len()..];
    }
    Ok(new_int(n))
}

/// `startswith`/`endswith(prefix[, start[, end]])`, `prefix` bytes-like or
/// a tuple of them.
fn tailmatch(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    varargs(vm, this, name, args, kwnames)?;
    let subs: Vec<Vec<u8>> = if let Some(t) = as_tuple(&args[0]) {
        let items = t.items.clone();
        let mut subs = Vec::with_capacity(items.len());
        for item in &items {
            subs.push(bytes_arg(vm, item)?);
        }
        subs
    } else if let Some(b) = as_buffer(&args[0]) {
        vec![b.to_vec()]
    } else {
        let msg = format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    let start = slice_arg(vm, args.get(1))?;
    let end = slice_arg(vm, args.get(2))?;
    let hay = receiver(this);
    let (s, e) = adjust(start, end, hay.len());
    let matches = |sub: &[u8]| {
        let last = e - sub.len() as i64;
        if last < s {
            return false;
        }
        let at = if name == "startswith" { s } else { last } as usize;
        hay[at..].starts_with(sub)
    };
    let r = subs.iter().any(|sub| matches(sub));
    drop(hay);
    Ok(vm.bool(r))
}

// ----- splitting and joining ------------------------------------------------------

/// `sep.join(iterable_of_bytes)`.
fn join(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let iterable = one_arg(vm, this, "join", args, kwnames)?;
    let items = match (as_tuple(iterable), crate::builtins::list::as_list(iterable)) {
        (Some(t), _) => t.items.clone(),
        (_, Some(l)) => l.items.borrow().clone(),
        _ if vm.type_of(iterable).iter.is_none() && vm.type_of(iterable).getitem.is_none() => {
            return Err(vm.type_error("can only join an iterable"));
        }
        _ => {
            // A bytearray counts as exported while the iterable runs, so
            // that code cannot resize it under the join (gh-112625).
            let exported = crate::builtins::bytes::as_bytearray(this);
            exported.inspect(|a| a.exports.set(a.exports.get() + 1));
            let r = ops::collect(vm, iterable);
            exported.inspect(|a| a.exports.set(a.exports.get() - 1));
            r?
        }
    };
    for (i, item) in items.iter().enumerate() {
        if as_buffer(item).is_none() {
            let msg = format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_of(item).name());
            return Err(vm.type_error(msg));
        }
    }
    let sep = receiver(this);
    let total: usize = items.iter().map(|v| as_buffer(v).map_or(0, |b| b.len())).sum::<usize>()
        + sep.len() * items.len().saturating_sub(1);
    let sep = sep.to_vec();
    let mut out = with_capacity(vm, total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&as_buffer(item).expect("checked bytes-like"));
    }
    Ok(new_like(this, out))
}

/// `split(sep=None, maxsplit=-1)` and `rsplit`.
fn split(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], from_right: bool) -> PyResult<Value> {
    let name = if from_right { "rsplit" } else { "split" };
    let [sep, maxsplit] = bind(vm, name, ["sep", "maxsplit"], args, kwnames)?;
    let sep = match sep.filter(|v| !is_none(v)) {
        Some(v) => Some(bytes_arg(vm, v)?),
        None => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if sep.as_deref() == Some(&[]) {
        return Err(vm.value_error("empty separator"));
    }
    let text = receiver(this);
    let pieces: Vec<Vec<u8>> = match &sep {
        None => split_whitespace(&text, limit, from_right),
        Some(sep) => split_on(&text, sep, limit, from_right),
    }
    .into_iter()
    .map(<[u8]>::to_vec)
    .collect();
    drop(text);
    Ok(new_list(pieces.into_iter().map(|p| new_like(this, p)).collect()))
}

/// Split on runs of ASCII whitespace, at most `limit` times; what is left
/// after the last split keeps its whitespace on the inner side.
fn split_whitespace(text: &[u8], limit: usize, from_right: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    if from_right {
        let mut end = text.len();
        loop {
            while end > 0 && is_space(text[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if out.len() == limit {
                out.push(&text[..end]);
                break;
            }
            let mut start = end;
            while start > 0 && !is_space(text[start - 1]) {
                start -= 1;
            }
            out.push(&text[start..end]);
            end = start;
        }
        out.reverse();
    } else {
        let mut start = 0;
        loop {
            while start < text.len() && is_space(text[start]) {
                start += 1;
            }
            if start == text.len() {
                break;
            }
            if out.len() == limit {
                out.push(&text[start..]);
                break;
            }
            let mut end = start;
            while end < text.len() && !is_space(text[end]) {
                end += 1;
            }
            out.push(&text[start..end]);
            start = end;
        }
    }
    out
}

/// Split on `sep`, at most `limit` times, from the left or the right.
fn split_on<'a>(text: &'a [u8], sep: &[u8], limit: usize, from_right: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    if from_right {
        let mut end = text.len();
        while out.len() < limit {
            let Some(p) = rfind(&text[..end], sep) else { break };
            out.push(&text[p + sep.len()..end]);
            end = p;
        }
        out.push(&text[..end]);
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < limit {
            let Some(p) = find(&text[start..], sep) else { break };
            out.push(&text[start..start + p]);
            start += p + sep.len();
        }
        out.push(&text[start..]);
    }
    out
}

/// `splitlines(keepends=False)`: lines end at `\n`, `\r` or `\r\n`.
fn splitlines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [keepends] = bind(vm, "splitlines", ["keepends"], args, kwnames)?;
    let keepends = match keepends {
        // Argument Clinic's `bool(accept={int})` takes any int.
        Some(v) if int_of(v).is_some() => int_of(v).is_some_and(|i| !i.is_zero()),
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    let text = receiver(this);
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < text.len() {
        let eol = match text[i] {
            b'\n' => 1,
            b'\r' if text.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        lines.push(text[start..if keepends { i + eol } else { i }].to_vec());
        i += eol;
        start = i;
    }
    if start < text.len() {
        lines.push(text[start..].to_vec());
    }
    drop(text);
    Ok(new_list(lines.into_iter().map(|l| new_like(this, l)).collect()))
}

/// `partition(sep)` and `rpartition(sep)`.
fn partition(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], from_right: bool) -> PyResult<Value> {
    let name = if from_right { "rpartition" } else { "partition" };
    let sep = one_arg(vm, this, name, args, kwnames)?;
    let sep = bytes_arg(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = receiver(this).to_vec();
    let found = if from_right { rfind(&text, &sep) } else { find(&text, &sep) };
    let parts = match found {
        Some(p) => vec![text[..p].to_vec(), sep.clone(), text[p + sep.len()..].to_vec()],
        None if from_right => vec![Vec::new(), Vec::new(), text],
        None => vec![text, Vec::new(), Vec::new()],
    };
    Ok(new_tuple(parts.into_iter().map(|p| new_like(this, p)).collect()))
}

// ----- stripping, replacing, padding ---------------------------------------------

/// `strip`, `lstrip`, `rstrip(bytes=None)`.
fn strip(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    positional(vm, this, name, args, kwnames, 0, 1)?;
    let chars = match args.first().filter(|v| !is_none(v)) {
        Some(v) => Some(bytes_arg(vm, v)?),
        None => None,
    };
    let strip = |b: u8| match &chars {
        Some(set) => set.contains(&b),
        None => is_space(b),
    };
    let text = receiver(this);
    let mut start = 0;
    let mut end = text.len();
    if name != "rstrip" {
        while start < end && strip(text[start]) {
            start += 1;
        }
    }
    if name != "lstrip" {
        while end > start && strip(text[end - 1]) {
            end -= 1;
        }
    }
    let out = text[start..end].to_vec();
    drop(text);
    Ok(same_or_new(vm, this, out))
}

/// The result of a method that may leave the text as it is: an exact
/// bytes receiver is returned itself when unchanged, as in CPython.
fn same_or_new(vm: &mut Vm, this: &Value, out: Vec<u8>) -> Value {
    if std::ptr::eq(vm.type_of(this), &BYTES_TYPE) && as_bytes(this) == Some(&out[..]) {
        return this.clone();
    }
    new_like(this, out)
}

/// `replace(old, new, count=-1)`.
fn replace(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, this, "replace", args, kwnames, 2, 3)?;
    let old = bytes_arg(vm, &args[0])?;
    let new = bytes_arg(vm, &args[1])?;
    let count = match args.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let text = receiver(this).to_vec();
    // Where `old` occurs, so the result's size is known before it is built.
    let at: Vec<usize> = if old.is_empty() {
        (0..=text.len()).take(limit).collect()
    } else {
        let mut at = Vec::new();
        let mut from = 0;
        while at.len() < limit {
            let Some(p) = find(&text[from..], &old) else { break };
            at.push(from + p);
            from += p + old.len();
        }
        at
    };
    let size = (new.len() as u128 * at.len() as u128 + text.len() as u128).saturating_sub(old.len() as u128 * at.len() as u128);
    let mut out = match usize::try_from(size) {
        Ok(n) => with_capacity(vm, n)?,
        Err(_) => return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    };
    let mut copied = 0;
    for p in at {
        out.extend_from_slice(&text[copied..p]);
        out.extend_from_slice(&new);
        copied = p + old.len();
    }
    out.extend_from_slice(&text[copied..]);
    Ok(same_or_new(vm, this, out))
}

/// `removeprefix(prefix)` and `removesuffix(suffix)`.
fn remove_affix(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let affix = one_arg(vm, this, name, args, kwnames)?;
    let affix = bytes_arg(vm, affix)?;
    let text = receiver(this).to_vec();
    let rest = if name == "removeprefix" { text.strip_prefix(&affix[..]) } else { text.strip_suffix(&affix[..]) };
    let out = rest.unwrap_or(&text).to_vec();
    Ok(same_or_new(vm, this, out))
}

/// The fill byte of `center`/`ljust`/`rjust`: a bytes or bytearray of
/// length 1.
fn fill_arg(vm: &mut Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match as_buffer(v) {
        Some(b) if b.len() == 1 => Ok(b[0]),
        _ => {
            let msg = format!("{name}() argument 2 must be a byte string of length 1, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `text` with `left` and `right` copies of `fill` around it.
fn padded(vm: &mut Vm, text: &[u8], fill: u8, left: usize, right: usize) -> PyResult<Vec<u8>> {
    let total = left.checked_add(right).and_then(|n| n.checked_add(text.len()));
    let Some(total) = total else { return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")) };
    let mut out = with_capacity(vm, total)?;
    out.resize(left, fill);
    out.extend_from_slice(text);
    out.resize(total, fill);
    Ok(out)
}

/// `center`, `ljust`, `rjust(width, fillchar=b' ')`.
fn pad(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    positional(vm, this, name, args, kwnames, 1, 2)?;
    let width = ssize_arg(vm, &args[0])?;
    let fill = fill_arg(vm, name, args.get(1))?;
    let text = receiver(this).to_vec();
    let len = text.len() as i64;
    if width <= len {
        return Ok(same_or_new(vm, this, text));
    }
    let margin = width - len;
    let (left, right) = match name {
        "ljust" => (0, margin),
        "rjust" => (margin, 0),
        // CPython's `pad` for center: odd margins lean left when the
        // width is odd.
        _ => {
            let left = margin / 2 + (margin & width & 1);
            (left, margin - left)
        }
    };
    let out = padded(vm, &text, fill, left as usize, right as usize)?;
    Ok(new_like(this, out))
}

/// `zfill(width)`: zeros on the left, after a leading sign.
fn zfill(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let width = one_arg(vm, this, "zfill", args, kwnames)?;
    let width = ssize_arg(vm, width)?;
    let text = receiver(this).to_vec();
    if width <= text.len() as i64 {
        return Ok(same_or_new(vm, this, text));
    }
    let fill = (width - text.len() as i64) as usize;
    let mut out = padded(vm, &text, b'0', fill, 0)?;
    if let Some(&sign @ (b'+' | b'-')) = text.first() {
        out[0] = sign;
        out[fill] = b'0';
    }
    Ok(new_like(this, out))
}

/// `expandtabs(tabsize=8)`: tabs to spaces up to the next multiple of
/// `tabsize` columns; `\n` and `\r` reset the column.
fn expandtabs(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [tabsize] = bind(vm, "expandtabs", ["tabsize"], args, kwnames)?;
    let tabsize = match tabsize {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let text = receiver(this).to_vec();
    let mut out = Vec::with_capacity(text.len());
    let mut column: i64 = 0;
    for &b in &text {
        if b == b'\t' {
            if tabsize > 0 {
                let n = (tabsize - column % tabsize) as usize;
                if out.try_reserve(n).is_err() {
                    return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
                }
                out.resize(out.len() + n, b' ');
                column += n as i64;
            }
        } else {
            out.push(b);
            column = if b == b'\n' || b == b'\r' { 0 } else { column + 1 };
        }
    }
    Ok(same_or_new(vm, this, out))
}

/// `translate(table, /, delete=b'')`: `table` None or 256 bytes.
fn translate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("translate() takes at most 2 arguments ({} given)", args.len())));
    }
    let mut delete = args.get(1).filter(|_| npos == 2);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::builtins::str::as_str(k) {
            Some("delete") if delete.is_none() => delete = Some(v),
            Some("delete") => {
                return Err(vm.type_error("argument for translate() given by name ('delete') and position (2)"));
            }
            other => {
                let msg = format!("'{}' is an invalid keyword argument for translate()", other.unwrap_or("?"));
                return Err(vm.type_error(msg));
            }
        }
    }
    let table = match &args[0] {
        t if is_none(t) => None,
        t => {
            let t = bytes_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let text = receiver(this).to_vec();
    let out: Vec<u8> = text
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(same_or_new(vm, this, out))
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping `frm` to `to`.
fn maketrans(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "maketrans", kwnames)?;
    let [frm, to] = args else {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", args.len())));
    };
    let (frm, to) = (bytes_arg(vm, frm)?, bytes_arg(vm, to)?);
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.iter().zip(&to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

// ----- case -------------------------------------------------------------------------

/// `lower`, `upper`, `swapcase`, `capitalize`, `title` (ASCII letters only).
fn map_case(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    no_args(vm, this, name, args, kwnames)?;
    let mut out = receiver(this).to_vec();
    match name {
        "lower" => out.make_ascii_lowercase(),
        "upper" => out.make_ascii_uppercase(),
        "swapcase" => out.iter_mut().for_each(|b| {
            *b = if b.is_ascii_lowercase() { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }
        }),
        "capitalize" => {
            out.make_ascii_lowercase();
            if let Some(first) = out.first_mut() {
                first.make_ascii_uppercase();
            }
        }
        _ => {
            // title: a letter after a cased byte is lowercased, others uppercased.
            let mut previous_cased = false;
            for b in out.iter_mut() {
                if b.is_ascii_alphabetic() {
                    *b = if previous_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                    previous_cased = true;
                } else {
                    previous_cased = false;
                }
            }
        }
    }
    Ok(new_like(this, out))
}

/// The `is*` tests (`Py_ISALNUM` and friends; an empty receiver is false
/// except for `isascii`).
fn predicate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    no_args(vm, this, name, args, kwnames)?;
    let text = receiver(this);
    let r = match name {
        "isascii" => text.is_ascii(),
        _ if text.is_empty() => false,
        "isalnum" => text.iter().all(u8::is_ascii_alphanumeric),
        "isalpha" => text.iter().all(u8::is_ascii_alphabetic),
        "isdigit" => text.iter().all(u8::is_ascii_digit),
        "isspace" => text.iter().all(|&b| is_space(b)),
        "islower" => text.iter().any(u8::is_ascii_lowercase) && !text.iter().any(u8::is_ascii_uppercase),
        "isupper" => text.iter().any(u8::is_ascii_uppercase) && !text.iter().any(u8::is_ascii_lowercase),
        _ => {
            // istitle: uppercase only after uncased, lowercase only after cased.
            let (mut cased, mut previous_cased) = (false, false);
            let mut ok = true;
            for &b in text.iter() {
                if b.is_ascii_uppercase() {
                    ok &= !previous_cased;
                    previous_cased = true;
                    cased = true;
                } else if b.is_ascii_lowercase() {
                    ok &= previous_cased;
                    previous_cased = true;
                    cased = true;
                } else {
                    previous_cased = false;
                }
            }
            ok && cased
        }
    };
    drop(text);
    Ok(vm.bool(r))
}

// ----- hex and text ---------------------------------------------------------------

/// `hex(sep=<none>, bytes_per_sep=1)` (CPython's `_Py_strhex_impl`).
pub(crate) fn hex(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [sep, per] = bind(vm, "hex", ["sep", "bytes_per_sep"], args, kwnames)?;
    let sep = match sep {
        None => None,
        Some(s) => {
            let (len, first) = if let Some(d) = as_str_data(s) {
                (d.len(), d.code_points().next())
            } else if let Some(b) = as_bytes(s) {
                (b.len(), b.first().map(|&b| b as u32))
            } else {
                let Some(len) = vm.type_of(s).len.get() else {
                    let msg = format!("object of type '{}' has no len()", vm.type_of(s).name());
                    return Err(vm.type_error(msg));
                };
                (len(vm, s)?, None)
            };
            if len != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            match first {
                Some(c) if c < 0x80 => Some(c as u8),
                Some(_) => return Err(vm.value_error("sep must be ASCII.")),
                None => return Err(vm.type_error("sep must be str or bytes.")),
            }
        }
    };
    let per = match per {
        Some(v) => {
            let n = ssize_arg(vm, v)?;
            i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))? as i64
        }
        None => 1,
    };
    let data = receiver(this).to_vec();
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            // Groups are counted from the right for a positive count.
            let from_edge = if per > 0 { data.len() - i } else { i };
            if from_edge.checked_rem(group) == Some(0) {
                out.push(sep as char);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(crate::builtins::str::new_str(&out))
}

/// `bytes.fromhex(string)` and `bytearray.fromhex(string)`: pairs of hex
/// digits, ASCII whitespace allowed between pairs (CPython's
/// `_PyBytes_FromHex`); a subclass is called with the result.
fn fromhex(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = as_type(cls).expect("a class method's receiver is a class");
    let base = if ty.is_subtype(&BYTEARRAY_TYPE) { "bytearray" } else { "bytes" };
    crate::builtins::function::no_keywords(vm, &format!("{base}.fromhex"), kwnames)?;
    let [string] = args else {
        return Err(vm.type_error(format!("{base}.fromhex() takes exactly one argument ({} given)", args.len())));
    };
    let Some(text) = as_str_data(string) else {
        let msg = format!("fromhex() argument must be str, not {}", vm.type_of(string).name());
        return Err(vm.type_error(msg));
    };
    let invalid = |vm: &mut Vm, at: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}"));
    if let Some(at) = text.code_points().position(|c| c >= 0x80) {
        return Err(invalid(vm, at));
    }
    let s = text.bytes();
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut i = 0;
    while i < s.len() {
        if is_space(s[i]) {
            i += 1;
            continue;
        }
        let digit = |at: usize| s.get(at).and_then(|&c| (c as char).to_digit(16));
        let Some(top) = digit(i) else { return Err(invalid(vm, i)) };
        let Some(bottom) = digit(i + 1) else { return Err(invalid(vm, i + 1)) };
        out.push((top * 16 + bottom) as u8);
        i += 2;
    }
    let result = if base == "bytearray" { new_bytearray(out) } else { new_bytes(out) };
    if std::ptr::eq(ty, &BYTES_TYPE) || std::ptr::eq(ty, &BYTEARRAY_TYPE) {
        return Ok(result);
    }
    crate::eval::call(vm, cls, &[result], &[])
}

/// `decode(encoding='utf-8', errors='strict')`.
fn decode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [encoding, errors] = bind(vm, "decode", ["encoding", "errors"], args, kwnames)?;
    let encoding = text_arg(vm, "decode", "encoding", encoding)?;
    let errors = text_arg(vm, "decode", "errors", errors)?;
    let data = receiver(this).to_vec();
    crate::builtins::codecs::decode_bytes(vm, data, encoding.as_deref(), errors.as_deref())
}

// ----- bytearray mutation -------------------------------------------------------

/// `append(item)`.
fn append(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let item = one_arg(vm, this, "append", args, kwnames)?;
    let b = byte_value(vm, item, false)?;
    bytes_resize(vm, array(this))?.push(b);
    Ok(vm.none())
}

/// `extend(iterable_of_ints)`: a bytes-like object or an iterable of ints.
fn extend(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let iterable = one_arg(vm, this, "extend", args, kwnames)?;
    let extra = match as_buffer(iterable).map(|b| b.to_vec()) {
        Some(b) => b,
        None => {
            let it = match ops::iter(vm, iterable) {
                Ok(it) => it,
                Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
                    let msg = format!("can't extend bytearray with {}", vm.type_of(iterable).name());
                    return Err(vm.type_error(msg));
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            while let Some(item) = ops::next(vm, &it)? {
                out.push(byte_value(vm, &item, false)?);
            }
            out
        }
    };
    bytes_resize(vm, array(this))?.extend_from_slice(&extra);
    Ok(vm.none())
}

/// `insert(index, item)`: the index is clamped, as `list.insert`'s.
fn insert(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, this, "insert", args, kwnames, 2, 2)?;
    let i = ssize_arg(vm, &args[0])?;
    let b = byte_value(vm, &args[1], false)?;
    let mut bytes = bytes_resize(vm, array(this))?;
    let len = bytes.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    bytes.insert(i as usize, b);
    drop(bytes);
    Ok(vm.none())
}

/// `pop(index=-1)`.
fn pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, this, "pop", args, kwnames, 0, 1)?;
    let i = match args.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut bytes = bytes_resize(vm, array(this))?;
    let len = bytes.len() as i64;
    if len == 0 {
        drop(bytes);
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        drop(bytes);
        return Err(vm.index_error("pop index out of range"));
    }
    let b = bytes.remove(i as usize);
    drop(bytes);
    Ok(new_int(b as i64))
}

/// `remove(value)`: the first byte equal to `value`.
fn remove(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let value = one_arg(vm, this, "remove", args, kwnames)?;
    let b = byte_value(vm, value, false)?;
    let mut bytes = bytes_resize(vm, array(this))?;
    match bytes.iter().position(|&x| x == b) {
        Some(i) => {
            bytes.remove(i);
            Ok(vm.none())
        }
        None => {
            drop(bytes);
            Err(vm.value_error("value not found in bytearray"))
        }
    }
}
