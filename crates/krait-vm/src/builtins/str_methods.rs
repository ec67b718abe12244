//! The methods of `str` (CPython 3.11's `Objects/unicodeobject.c`, in
//! behaviour): searching, splitting, joining, stripping, padding; the case
//! methods and `is*` predicates are in `str_case`.
//!
//! Invariants:
//! - Text is generalized UTF-8 (see `str`), self-synchronizing like UTF-8:
//!   a byte-wise match of one encoded string inside another starts and ends
//!   on code point boundaries, so searches work on bytes; the indices Python
//!   passes in or gets back count code points and are converted at the edge.
//! - Each method parses its arguments with CPython's rules and messages:
//!   Argument Clinic's for those that take keywords (`split(sep=None,
//!   maxsplit=-1)`), positional-only ones for the rest.

use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::new_list;
use crate::builtins::singletons::is_none;
use crate::builtins::str::{as_str_data, new_str_bytes, StrData};
use crate::builtins::str_case;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::types::MethodDef;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use krait_syntax::unicode::is_space;

/// `s.__sizeof__()`: CPython 3.11's compact layout on x86-64, a 48-byte
/// header for ASCII text, 72 bytes otherwise, then 1, 2 or 4 bytes per
/// code point as the widest needs, and one more for the terminator
/// (what `test_unicode` checks). The widest code point is read off the
/// UTF-8 lead bytes.
fn str_sizeof(s: &crate::builtins::str::StrData) -> usize {
    let lead = s.bytes().iter().copied().max().unwrap_or(0);
    let (header, width) = match lead {
        0..=0x7F => (48, 1),
        0x80..=0xC3 => (72, 1),
        0xC4..=0xEF => (72, 2),
        _ => (72, 4),
    };
    header + width * (s.len() + 1)
}

/// `str`'s method table.
pub static METHODS: &[MethodDef] = &[
    MethodDef { name: "__format__", func: crate::builtins::format::builtin_format_method },
    MethodDef { name: "format", func: crate::builtins::str_format::str_format },
    MethodDef { name: "format_map", func: crate::builtins::str_format::str_format_map },
    MethodDef { name: "join", func: str_join },
    MethodDef { name: "__getnewargs__", func: |vm, this, args, kwnames| {
        no_args(vm, "__getnewargs__", args, kwnames)?;
        let copy = crate::builtins::str::new_str_bytes(receiver(this).bytes.into(), receiver(this).len);
        Ok(new_tuple(vec![copy]))
    } },
    MethodDef { name: "__sizeof__", func: |vm, this, args, kwnames| {
        no_args(vm, "__sizeof__", args, kwnames)?;
        Ok(crate::builtins::int::new_int(str_sizeof(as_str_data(this).expect("a str method's receiver is a str")) as i64))
    } },
    MethodDef { name: "translate", func: crate::builtins::str_translate::translate },
    MethodDef { name: "encode", func: crate::builtins::codecs::str_encode },
    MethodDef { name: "split", func: |vm, this, a, k| str_split(vm, this, a, k, false) },
    MethodDef { name: "rsplit", func: |vm, this, a, k| str_split(vm, this, a, k, true) },
    MethodDef { name: "splitlines", func: str_splitlines },
    MethodDef { name: "strip", func: |vm, this, a, k| str_strip(vm, this, a, k, "strip") },
    MethodDef { name: "lstrip", func: |vm, this, a, k| str_strip(vm, this, a, k, "lstrip") },
    MethodDef { name: "rstrip", func: |vm, this, a, k| str_strip(vm, this, a, k, "rstrip") },
    MethodDef { name: "startswith", func: |vm, this, a, k| str_tailmatch(vm, this, a, k, "startswith") },
    MethodDef { name: "endswith", func: |vm, this, a, k| str_tailmatch(vm, this, a, k, "endswith") },
    MethodDef { name: "replace", func: str_replace },
    MethodDef { name: "find", func: |vm, this, a, k| str_find(vm, this, a, k, "find") },
    MethodDef { name: "rfind", func: |vm, this, a, k| str_find(vm, this, a, k, "rfind") },
    MethodDef { name: "index", func: |vm, this, a, k| str_find(vm, this, a, k, "index") },
    MethodDef { name: "rindex", func: |vm, this, a, k| str_find(vm, this, a, k, "rindex") },
    MethodDef { name: "count", func: str_count },
    MethodDef { name: "center", func: |vm, this, a, k| str_pad(vm, this, a, k, "center") },
    MethodDef { name: "ljust", func: |vm, this, a, k| str_pad(vm, this, a, k, "ljust") },
    MethodDef { name: "rjust", func: |vm, this, a, k| str_pad(vm, this, a, k, "rjust") },
    MethodDef { name: "zfill", func: str_zfill },
    MethodDef { name: "partition", func: |vm, this, a, k| str_partition(vm, this, a, k, false) },
    MethodDef { name: "rpartition", func: |vm, this, a, k| str_partition(vm, this, a, k, true) },
    MethodDef { name: "expandtabs", func: str_expandtabs },
    MethodDef { name: "removeprefix", func: |vm, this, a, k| str_remove_affix(vm, this, a, k, "removeprefix") },
    MethodDef { name: "removesuffix", func: |vm, this, a, k| str_remove_affix(vm, this, a, k, "removesuffix") },
    MethodDef { name: "upper", func: str_case::upper },
    MethodDef { name: "lower", func: str_case::lower },
    MethodDef { name: "casefold", func: str_case::casefold },
    MethodDef { name: "capitalize", func: str_case::capitalize },
    MethodDef { name: "title", func: str_case::title },
    MethodDef { name: "swapcase", func: str_case::swapcase },
    MethodDef { name: "isdigit", func: str_case::isdigit },
    MethodDef { name: "isdecimal", func: str_case::isdecimal },
    MethodDef { name: "isnumeric", func: str_case::isnumeric },
    MethodDef { name: "isalpha", func: str_case::isalpha },
    MethodDef { name: "isalnum", func: str_case::isalnum },
    MethodDef { name: "isspace", func: str_case::isspace },
    MethodDef { name: "isupper", func: str_case::isupper },
    MethodDef { name: "islower", func: str_case::islower },
    MethodDef { name: "istitle", func: str_case::istitle },
    MethodDef { name: "isidentifier", func: str_case::isidentifier },
    MethodDef { name: "isascii", func: str_case::isascii },
    MethodDef { name: "isprintable", func: str_case::isprintable },
];

// ----- text positions -------------------------------------------------------

/// A string's encoded bytes and its length in code points.
#[derive(Clone, Copy)]
pub(crate) struct Text<'a> {
    pub bytes: &'a [u8],
    pub len: usize,
    data: &'a StrData,
}

impl<'a> Text<'a> {
    pub fn of(d: &'a StrData) -> Text<'a> {
        Text { bytes: d.bytes(), len: d.len(), data: d }
    }

    /// The byte offset of code point `i` (`i <= len`).
    fn offset(self, i: usize) -> usize {
        self.data.offset_of(i)
    }

    /// The code point index of byte offset `pos`, a code point boundary.
    fn index(self, pos: usize) -> usize {
        self.data.index_of(pos)
    }

    /// The code points with their byte offsets.
    pub fn chars(self) -> impl DoubleEndedIterator<Item = (usize, u32)> + 'a {
        let bytes = self.bytes;
        let starts = bytes.iter().enumerate().filter(|(_, &b)| b & 0xC0 != 0x80).map(|(i, _)| i);
        starts.map(move |i| (i, krait_syntax::pystr::decode_code_points(&bytes[i..]).next().unwrap_or(0)))
    }
}

/// The first byte offset of `needle` in `hay`.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(0),
        [b] => hay.iter().position(|x| x == b),
        _ => hay.windows(needle.len()).position(|w| w == needle),
    }
}

/// The last byte offset of `needle` in `hay`.
fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [] => Some(hay.len()),
        [b] => hay.iter().rposition(|x| x == b),
        _ => hay.windows(needle.len()).rposition(|w| w == needle),
    }
}

fn receiver(this: &Value) -> Text<'_> {
    Text::of(as_str_data(this).expect("a str method's receiver is a str"))
}

/// Room for a result of `n` bytes, or CPython's MemoryError.
fn reserve(vm: &mut Vm, buf: &mut Vec<u8>, n: u128) -> PyResult<()> {
    match usize::try_from(n) {
        Ok(n) if buf.try_reserve_exact(n).is_ok() => Ok(()),
        _ => Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    }
}

/// The receiver as the result of a method that changed nothing: itself
/// if it is an exact str, else a new exact str equal to it (as CPython's
/// `unicode_result_unchanged`).
fn unchanged(this: &Value) -> Value {
    match this.as_object() {
        Some(p) if std::ptr::eq(p.ty(), &crate::builtins::str::STR_TYPE) => this.clone(),
        _ => str_of_bytes(receiver(this).bytes),
    }
}

/// A new str from bytes of generalized UTF-8, counting its code points.
fn str_of_bytes(bytes: &[u8]) -> Value {
    let len = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    new_str_bytes(bytes.into(), len)
}

/// A new str from code points.
pub(crate) fn str_of_code_points(cps: &[u32]) -> Value {
    let mut s = krait_syntax::pystr::PyString::new();
    cps.iter().for_each(|&c| s.push_code_point(c));
    crate::builtins::str::new_str_from_pystring(&s)
}

// ----- arguments --------------------------------------------------------------

/// Bind arguments to `names`, every one optional and accepted by position or
/// keyword (Argument Clinic's parser and messages).
pub(crate) fn bind<'a, const N: usize>(
    vm: &mut Vm,
    fname: &str,
    names: [&str; N],
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<[Option<&'a Value>; N]> {
    let npos = args.len() - kwnames.len();
    if args.len() > N {
        let s = if N == 1 { "" } else { "s" };
        let kw = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!("{fname}() takes at most {N} {kw}argument{s} ({} given)", args.len())));
    }
    let mut out: [Option<&Value>; N] = [None; N];
    for (slot, v) in out.iter_mut().zip(&args[..npos]) {
        *slot = Some(v);
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let key = crate::builtins::str::as_str(k).unwrap_or("");
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {fname}()")));
        };
        if i < npos {
            let msg = format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1);
            return Err(vm.type_error(msg));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

fn no_keywords(vm: &mut Vm, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("str.{name}() takes no keyword arguments")))
    }
}

/// A method taking no arguments.
pub(crate) fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("str.{name}() takes no arguments ({} given)", args.len())))
    }
}

/// A method taking exactly one positional argument (CPython's `METH_O`).
fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    no_keywords(vm, name, kwnames)?;
    match args {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("str.{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// Positional-only arguments, `min..=max` of them (Argument Clinic's
/// `_PyArg_CheckPositional` messages).
fn positional(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    let (n, plural) = (args.len(), |k: usize| if k == 1 { "" } else { "s" });
    if n < min {
        return Err(vm.type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
    }
    Ok(())
}

/// Arguments of the `find` family (`PyArg_ParseTuple`'s messages).
fn varargs(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    no_keywords(vm, name, kwnames)?;
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if args.len() < min {
        let msg = format!("{name}() takes at least {min} argument{} ({} given)", plural(min), args.len());
        return Err(vm.type_error(msg));
    }
    if args.len() > max {
        let msg = format!("{name}() takes at most {max} argument{} ({} given)", plural(max), args.len());
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A `Py_ssize_t` argument.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) => Ok(n),
        Some(Int::Big(b)) => i64::try_from(b).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => unreachable!("ops::index returns ints"),
    }
}

/// A slice bound (`start`/`end` of `find`): `None` allowed, huge ints
/// clamped (CPython's `_PyEval_SliceIndex`).
pub(crate) fn slice_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !is_none(v)) else { return Ok(None) };
    let Some(i) = crate::ops::index(vm, v)? else {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    };
    Ok(match int_of(&i) {
        Some(Int::Small(n)) => Some(n),
        Some(Int::Big(b)) => Some(if b.sign() == dashu_int::Sign::Negative { i64::MIN } else { i64::MAX }),
        None => None,
    })
}

/// `start`/`end` resolved against `len` as CPython's `ADJUST_INDICES`
/// (negative counts from the end; the result may have start > end).
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// A `str` argument, or TypeError "must be str, not X".
fn str_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Text<'a>> {
    match as_str_data(v) {
        Some(d) => Ok(Text::of(d)),
        None => {
            let msg = format!("must be str, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

// ----- searching ----------------------------------------------------------------

/// The parsed `(sub[, start[, end]])` of `find`/`count`: the text, the
/// needle, and the code point range to search (`None` if it cannot hold
/// the needle).
type SearchArgs<'a> = (Text<'a>, Text<'a>, Option<(usize, usize)>);

fn search_args<'a>(vm: &mut Vm, this: &'a Value, args: &'a [Value], kwnames: &[Value], name: &str) -> PyResult<SearchArgs<'a>> {
    varargs(vm, name, args, kwnames, 1, 3)?;
    let hay = receiver(this);
    let needle = str_arg(vm, &args[0])?;
    let start = slice_arg(vm, args.get(1))?;
    let end = slice_arg(vm, args.get(2))?;
    let (s, e) = adjust(start, end, hay.len);
    let range = (e - s >= needle.len as i64).then_some((s as usize, e as usize));
    Ok((hay, needle, range))
}

/// `find`, `rfind`, `index`, `rindex`.
fn str_find(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let (hay, needle, range) = search_args(vm, this, args, kwnames, name)?;
    let found = range.and_then(|(s, e)| {
        let (bs, be) = (hay.offset(s), hay.offset(e));
        let window = &hay.bytes[bs..be];
        let at = if name.starts_with('r') { rfind_bytes(window, needle.bytes) } else { find_bytes(window, needle.bytes) };
        at.map(|p| hay.index(bs + p))
    });
    match found {
        Some(i) => Ok(new_int(i as i64)),
        None if name.ends_with("index") => Err(vm.value_error("substring not found")),
        None => Ok(new_int(-1)),
    }
}

/// `count(sub[, start[, end]])`: non-overlapping occurrences.
fn str_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (hay, needle, range) = search_args(vm, this, args, kwnames, "count")?;
    let Some((s, e)) = range else { return Ok(new_int(0)) };
    if needle.len == 0 {
        return Ok(new_int((e - s + 1) as i64));
    }
    let mut window = &hay.bytes[hay.offset(s)..hay.offset(e)];
    let mut n = 0;
    while let Some(p) = find_bytes(window, needle.bytes) {
        n += 1;
        window = &window[p + needle.bytes.len()..];
    }
    Ok(new_int(n))
}

/// `startswith`/`endswith(prefix[, start[, end]])`, `prefix` a str or a
/// tuple of them.
fn str_tailmatch(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    varargs(vm, name, args, kwnames, 1, 3)?;
    let hay = receiver(this);
    let start = slice_arg(vm, args.get(1))?;
    let end = slice_arg(vm, args.get(2))?;
    let (s, e) = adjust(start, end, hay.len);
    let matches = |sub: Text| -> bool {
        let e = e - sub.len as i64;
        if e < s {
            return false;
        }
        let at = if name == "startswith" { s as usize } else { e as usize };
        let from = hay.offset(at);
        hay.bytes[from..].starts_with(sub.bytes)
    };
    if let Some(t) = as_tuple(&args[0]) {
        for item in t.items.iter() {
            let Some(sub) = as_str_data(item) else {
                let msg = format!("tuple for {name} must only contain str, not {}", vm.type_of(item).name());
                return Err(vm.type_error(msg));
            };
            if matches(Text::of(sub)) {
                return Ok(vm.bool(true));
            }
        }
        return Ok(vm.bool(false));
    }
    match as_str_data(&args[0]) {
        Some(sub) => Ok(vm.bool(matches(Text::of(sub)))),
        None => {
            let msg = format!("{name} first arg must be str or a tuple of str, not {}", vm.type_of(&args[0]).name());
            Err(vm.type_error(msg))
        }
    }
}

// ----- splitting and joining ------------------------------------------------------

/// `sep.join(iterable)`.
fn str_join(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let iterable = one_arg(vm, "join", args, kwnames)?;
    let items = match (as_tuple(iterable), crate::builtins::list::as_list(iterable)) {
        (Some(t), _) => t.items.clone(),
        (_, Some(l)) => l.items.borrow().clone(),
        _ if vm.type_of(iterable).iter.is_none() && vm.type_of(iterable).getitem.is_none() => {
            return Err(vm.type_error("can only join an iterable"));
        }
        _ => crate::ops::collect(vm, iterable)?,
    };
    // One exact str joins to itself (CPython's `_PyUnicode_JoinArray`).
    if let [item] = &items[..] {
        if item.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &crate::builtins::str::STR_TYPE)) {
            return Ok(item.clone());
        }
    }
    let sep = receiver(this);
    let total = items.iter().map(|v| as_str_data(v).map_or(0, |d| d.bytes().len()) as u128).sum::<u128>()
        + sep.bytes.len() as u128 * items.len().saturating_sub(1) as u128;
    let mut bytes = Vec::new();
    reserve(vm, &mut bytes, total)?;
    let mut len = 0;
    for (i, item) in items.iter().enumerate() {
        let Some(d) = as_str_data(item) else {
            let msg = format!("sequence item {i}: expected str instance, {} found", vm.type_of(item).name());
            return Err(vm.type_error(msg));
        };
        if i > 0 {
            bytes.extend_from_slice(sep.bytes);
            len += sep.len;
        }
        bytes.extend_from_slice(d.bytes());
        len += d.len();
    }
    Ok(new_str_bytes(bytes.into(), len))
}

/// `split(sep=None, maxsplit=-1)` and `rsplit`.
fn str_split(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], from_right: bool) -> PyResult<Value> {
    let name = if from_right { "rsplit" } else { "split" };
    let [sep, maxsplit] = bind(vm, name, ["sep", "maxsplit"], args, kwnames)?;
    let sep = match sep.filter(|v| !is_none(v)) {
        None => None,
        Some(v) => match as_str_data(v) {
            Some(d) => Some(Text::of(d)),
            None => {
                let msg = format!("must be str or None, not {}", vm.type_of(v).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let maxsplit = match maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let text = receiver(this);
    let pieces = match sep {
        None if from_right => rsplit_whitespace(text, limit),
        None => split_whitespace(text, limit),
        Some(sep) if sep.bytes.is_empty() => return Err(vm.value_error("empty separator")),
        Some(sep) => split_on(text.bytes, sep.bytes, limit, from_right),
    };
    Ok(new_list(pieces.into_iter().map(str_of_bytes).collect()))
}

/// Split on runs of whitespace, at most `limit` times; the rest after the
/// last split keeps its trailing whitespace.
fn split_whitespace(text: Text<'_>, limit: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(start, _)) = chars.peek() else { break };
        if out.len() == limit {
            out.push(&text.bytes[start..]);
            break;
        }
        let mut end = text.bytes.len();
        for (pos, c) in chars.by_ref() {
            if is_space(c) {
                end = pos;
                break;
            }
        }
        out.push(&text.bytes[start..end]);
    }
    out
}

/// `split_whitespace` from the right.
fn rsplit_whitespace(text: Text<'_>, limit: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut chars = text.chars().rev().peekable();
    loop {
        while chars.next_if(|&(_, c)| is_space(c)).is_some() {}
        let Some(&(last, c)) = chars.peek() else { break };
        let end = last + char_len(c);
        if out.len() == limit {
            out.push(&text.bytes[..end]);
            break;
        }
        let mut start = 0;
        for (pos, c) in chars.by_ref() {
            if is_space(c) {
                start = pos + char_len(c);
                break;
            }
        }
        out.push(&text.bytes[start..end]);
    }
    out.reverse();
    out
}

/// The encoded length of a code point.
fn char_len(cp: u32) -> usize {
    match cp {
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0x800..=0xFFFF => 3,
        _ => 4,
    }
}

/// Split on `sep`, at most `limit` times, from the left or the right.
fn split_on<'a>(bytes: &'a [u8], sep: &[u8], limit: usize, from_right: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    if from_right {
        let mut end = bytes.len();
        while out.len() < limit {
            let Some(p) = rfind_bytes(&bytes[..end], sep) else { break };
            out.push(&bytes[p + sep.len()..end]);
            end = p;
        }
        out.push(&bytes[..end]);
        out.reverse();
    } else {
        let mut start = 0;
        while out.len() < limit {
            let Some(p) = find_bytes(&bytes[start..], sep) else { break };
            out.push(&bytes[start..start + p]);
            start += p + sep.len();
        }
        out.push(&bytes[start..]);
    }
    out
}

/// Is `cp` a line boundary for `splitlines` (`\n`, `\r`, `\v`, `\f`,
/// `\x1c`-`\x1e`, `\x85`, U+2028, U+2029)?
fn is_linebreak(cp: u32) -> bool {
    matches!(cp, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// `splitlines(keepends=False)`.
fn str_splitlines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [keepends] = bind(vm, "splitlines", ["keepends"], args, kwnames)?;
    let keepends = match keepends {
        Some(v) => ssize_arg(vm, v).or_else(|e| {
            // Argument Clinic's `bool(accept={int})` takes any int.
            if int_of(v).is_some() {
                Ok(1)
            } else {
                Err(e)
            }
        })? != 0,
        None => false,
    };
    let text = receiver(this);
    let mut lines = Vec::new();
    let mut chars = text.chars().peekable();
    let mut start = 0;
    while let Some((pos, c)) = chars.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = pos + char_len(c);
        if c == 0x0D && chars.peek().is_some_and(|&(_, n)| n == 0x0A) {
            chars.next();
            end += 1;
        }
        lines.push(&text.bytes[start..if keepends { end } else { pos }]);
        start = end;
    }
    if start < text.bytes.len() {
        lines.push(&text.bytes[start..]);
    }
    Ok(new_list(lines.into_iter().map(str_of_bytes).collect()))
}

/// `partition(sep)` and `rpartition(sep)`.
fn str_partition(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], from_right: bool) -> PyResult<Value> {
    let name = if from_right { "rpartition" } else { "partition" };
    let sep = one_arg(vm, name, args, kwnames)?;
    let sep = str_arg(vm, sep)?;
    if sep.bytes.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = receiver(this);
    let empty = || str_of_bytes(b"");
    let found = if from_right { rfind_bytes(text.bytes, sep.bytes) } else { find_bytes(text.bytes, sep.bytes) };
    let parts = match found {
        Some(p) => vec![
            str_of_bytes(&text.bytes[..p]),
            str_of_bytes(sep.bytes),
            str_of_bytes(&text.bytes[p + sep.bytes.len()..]),
        ],
        None if from_right => vec![empty(), empty(), this.clone()],
        None => vec![this.clone(), empty(), empty()],
    };
    Ok(new_tuple(parts))
}

// ----- stripping, replacing, padding ---------------------------------------------

/// `strip`, `lstrip`, `rstrip(chars=None)`.
fn str_strip(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    positional(vm, name, args, kwnames, 0, 1)?;
    let chars: Option<Vec<u32>> = match args.first().filter(|v| !is_none(v)) {
        None => None,
        Some(v) => match as_str_data(v) {
            Some(d) => Some(d.code_points().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip = |c: u32| match &chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let text = receiver(this);
    let mut start = 0;
    let mut end = text.bytes.len();
    if name != "rstrip" {
        start = text.chars().find(|&(_, c)| !strip(c)).map_or(end, |(p, _)| p);
    }
    if name != "lstrip" {
        end = text.chars().rev().take_while(|&(p, _)| p >= start).find(|&(_, c)| !strip(c)).map_or(start, |(p, c)| p + char_len(c));
    }
    if start == 0 && end == text.bytes.len() {
        return Ok(unchanged(this));
    }
    Ok(str_of_bytes(&text.bytes[start..end]))
}

/// `replace(old, new, count=-1)`.
fn str_replace(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "replace", args, kwnames, 2, 3)?;
    let mut texts = Vec::with_capacity(2);
    for (i, v) in args[..2].iter().enumerate() {
        match as_str_data(v) {
            Some(d) => texts.push(Text::of(d)),
            None => {
                let msg = format!("replace() argument {} must be str, not {}", i + 1, vm.type_of(v).name());
                return Err(vm.type_error(msg));
            }
        }
    }
    let (old, new) = (texts[0], texts[1]);
    let count = match args.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let text = receiver(this);
    // Where `old` occurs (byte offsets), so the result's size is known
    // before it is built: one too large is a MemoryError, as in CPython.
    let at: Vec<usize> = if old.bytes.is_empty() {
        text.chars().map(|(p, _)| p).chain([text.bytes.len()]).take(limit).collect()
    } else {
        let mut at = Vec::new();
        let mut from = 0;
        while at.len() < limit {
            let Some(p) = find_bytes(&text.bytes[from..], old.bytes) else { break };
            at.push(from + p);
            from += p + old.bytes.len();
        }
        at
    };
    if at.is_empty() {
        return Ok(unchanged(this));
    }
    let size = (new.bytes.len() as u128 * at.len() as u128 + text.bytes.len() as u128)
        .saturating_sub(old.bytes.len() as u128 * at.len() as u128);
    let mut out = Vec::new();
    reserve(vm, &mut out, size)?;
    let mut copied = 0;
    for p in at {
        out.extend_from_slice(&text.bytes[copied..p]);
        out.extend_from_slice(new.bytes);
        copied = p + old.bytes.len();
    }
    out.extend_from_slice(&text.bytes[copied..]);
    Ok(str_of_bytes(&out))
}

/// `center`, `ljust`, `rjust(width, fillchar=' ')`.
fn str_pad(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    positional(vm, name, args, kwnames, 1, 2)?;
    let width = ssize_arg(vm, &args[0])?;
    let fill = match args.get(1) {
        None => ' ' as u32,
        Some(v) => match as_str_data(v) {
            Some(d) if d.len() == 1 => d.code_points().next().unwrap_or(' ' as u32),
            Some(_) => return Err(vm.type_error("The fill character must be exactly one character long")),
            None => {
                let msg = format!("The fill character must be a unicode character, not {}", vm.type_of(v).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let text = receiver(this);
    let len = text.len as i64;
    if width <= len {
        return Ok(unchanged(this));
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
    padded(vm, text, fill, left as usize, right as usize)
}

/// `text` with `left` and `right` copies of `fill` around it.
fn padded(vm: &mut Vm, text: Text, fill: u32, left: usize, right: usize) -> PyResult<Value> {
    let mut one = krait_syntax::pystr::PyString::new();
    one.push_code_point(fill);
    let unit = one.as_bytes();
    let total = (left + right).checked_mul(unit.len()).and_then(|n| n.checked_add(text.bytes.len()));
    let mut out = Vec::new();
    match total {
        Some(t) if out.try_reserve_exact(t).is_ok() => {}
        _ => return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    }
    (0..left).for_each(|_| out.extend_from_slice(unit));
    out.extend_from_slice(text.bytes);
    (0..right).for_each(|_| out.extend_from_slice(unit));
    Ok(new_str_bytes(out.into(), text.len + left + right))
}

/// `zfill(width)`: zeros on the left, after a leading sign.
fn str_zfill(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let width = one_arg(vm, "zfill", args, kwnames)?;
    let width = ssize_arg(vm, width)?;
    let text = receiver(this);
    if width <= text.len as i64 {
        return Ok(unchanged(this));
    }
    let fill = (width - text.len as i64) as usize;
    let padded = padded(vm, text, '0' as u32, fill, 0)?;
    let d = as_str_data(&padded).expect("a str");
    let mut bytes = d.bytes().to_vec();
    if let Some(&sign @ (b'+' | b'-')) = text.bytes.first() {
        bytes[0] = sign;
        bytes[fill] = b'0';
    }
    Ok(new_str_bytes(bytes.into(), d.len()))
}

/// `expandtabs(tabsize=8)`: tabs to spaces up to the next multiple of
/// `tabsize` columns; newlines and carriage returns reset the column.
fn str_expandtabs(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [tabsize] = bind(vm, "expandtabs", ["tabsize"], args, kwnames)?;
    let tabsize = match tabsize {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let text = receiver(this);
    if !text.bytes.contains(&b'\t') {
        return Ok(unchanged(this));
    }
    let mut out = Vec::with_capacity(text.bytes.len());
    let mut column: i64 = 0;
    for (pos, c) in text.chars() {
        if c == '\t' as u32 {
            if tabsize > 0 {
                let n = tabsize - column % tabsize;
                if out.try_reserve(n as usize).is_err() {
                    return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
                }
                out.resize(out.len() + n as usize, b' ');
                column += n;
            }
        } else {
            out.extend_from_slice(&text.bytes[pos..pos + char_len(c)]);
            column = if c == '\n' as u32 || c == '\r' as u32 { 0 } else { column + 1 };
        }
    }
    Ok(str_of_bytes(&out))
}

/// `removeprefix(prefix)` and `removesuffix(suffix)`.
fn str_remove_affix(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let affix = one_arg(vm, name, args, kwnames)?;
    let Some(affix) = as_str_data(affix) else {
        let msg = format!("{name}() argument must be str, not {}", vm.type_of(affix).name());
        return Err(vm.type_error(msg));
    };
    let text = receiver(this);
    let a = affix.bytes();
    let rest = if name == "removeprefix" { text.bytes.strip_prefix(a) } else { text.bytes.strip_suffix(a) };
    match rest {
        Some(rest) if !a.is_empty() => Ok(str_of_bytes(rest)),
        _ => Ok(unchanged(this)),
    }
}
