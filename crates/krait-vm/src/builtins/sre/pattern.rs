//! `re.Pattern`: compiled code and what `re` knows of its groups
//! (CPython's `PatternObject`), made by `_sre.compile`.
//!
//! Invariants:
//! - `code` passed `validate` for `groups` groups; a Pattern is immutable.
//! - `isbytes` is 0 for a `str` pattern, 1 for a bytes-like one, -1 for
//!   None; a subject of the other kind is CPython's TypeError.
//! - `groupindex` and `indexgroup` are kept only when the pattern has
//!   named groups (as CPython keeps them): `groupindex` is then a dict
//!   name -> number (shown as a read-only mappingproxy), `indexgroup` a
//!   tuple number -> name.

use super::engine::State;
use super::subject::{Chars, Subject};
use super::{c_int_arg, clinic, engine_error, no_args, one_arg, repr_cut, ssize_arg, ssize_or};
use super::{constants::*, match_obj, scanner, substitute, validate};
use crate::builtins::dict::{as_dict, new_dict, new_mappingproxy};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::as_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::builtins::tuple::as_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{CompareOp, GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct PatternData {
    pub code: Box<[u32]>,
    /// The pattern's source (`str`, bytes-like or None).
    pub pattern: Value,
    pub flags: i32,
    /// The number of capturing groups.
    pub groups: usize,
    pub groupindex: Option<Value>,
    pub indexgroup: Option<Value>,
    pub isbytes: i32,
    /// `engine::first_char_tests` of `code`.
    pub first: Box<[usize]>,
    /// Some weak reference refers to the pattern.
    pub weakly_referenced: std::cell::Cell<bool>,
}

pub static PATTERN_TYPE: TypeObject = TypeObject {
    repr: Slot::new(pattern_repr),
    hash: Slot::new(pattern_hash),
    richcompare: Slot::new(pattern_richcompare),
    methods: &[
        MethodDef { name: "match", func: |vm, this, a, k| match_at(vm, this, a, k, "match", false) },
        MethodDef { name: "fullmatch", func: |vm, this, a, k| match_at(vm, this, a, k, "fullmatch", true) },
        MethodDef { name: "search", func: search },
        MethodDef { name: "sub", func: |vm, this, a, k| substitute::sub(vm, this, a, k, "sub", false) },
        MethodDef { name: "subn", func: |vm, this, a, k| substitute::sub(vm, this, a, k, "subn", true) },
        MethodDef { name: "findall", func: substitute::findall },
        MethodDef { name: "split", func: substitute::split },
        MethodDef { name: "finditer", func: finditer },
        MethodDef { name: "scanner", func: scanner_method },
        MethodDef {
            name: "__copy__",
            func: |vm, this, a, k| {
                no_args(vm, "Pattern.__copy__", a, k)?;
                Ok(this.clone())
            },
        },
        MethodDef {
            name: "__deepcopy__",
            func: |vm, this, a, k| {
                one_arg(vm, "Pattern.__deepcopy__", a, k)?;
                Ok(this.clone())
            },
        },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[
        GetSetDef { name: "pattern", get: |_, v| Ok(pattern_of(v).pattern.clone()), set: None, member: true },
        GetSetDef { name: "flags", get: |_, v| Ok(new_int(pattern_of(v).flags as i64)), set: None, member: true },
        GetSetDef { name: "groups", get: |_, v| Ok(new_int(pattern_of(v).groups as i64)), set: None, member: true },
        GetSetDef {
            name: "groupindex",
            get: |_, v| {
                Ok(match &pattern_of(v).groupindex {
                    Some(d) => new_mappingproxy(d.clone()),
                    None => new_dict(),
                })
            },
            set: None,
            member: false,
        },
    ],
    ..TypeObject::builtin("re.Pattern", Some(&OBJECT_TYPE), dealloc_pattern, trace_pattern)
};

unsafe fn dealloc_pattern(p: ObjPtr) {
    // SAFETY: patterns are allocated by `compile` as Obj<PatternData>.
    if unsafe { p.data::<PatternData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<PatternData>(p) }
}

/// Mark `v` as weakly referenced if it is a Pattern (which CPython lets
/// weak references refer to); false for anything else.
pub fn mark_weakly_referenced(v: &Value) -> bool {
    match v.as_object() {
        Some(p) if std::ptr::eq(p.ty(), &PATTERN_TYPE) => {
            pattern_of(v).weakly_referenced.set(true);
            true
        }
        _ => false,
    }
}

fn trace_pattern(p: ObjPtr, visit: Visit) {
    // SAFETY: patterns are Obj<PatternData>.
    let d = unsafe { p.data::<PatternData>() };
    visit(&d.pattern);
    if let Some(g) = &d.groupindex {
        visit(g);
    }
    if let Some(g) = &d.indexgroup {
        visit(g);
    }
}

/// The payload of a Pattern (slots and methods are reached only with one).
pub fn pattern_of(v: &Value) -> &PatternData {
    let p = v.as_object().expect("a re.Pattern");
    assert!(std::ptr::eq(p.ty(), &PATTERN_TYPE), "a re.Pattern");
    // SAFETY: checked just above: objects of PATTERN_TYPE are Obj<PatternData>.
    unsafe { p.data::<PatternData>() }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"];
    let [pattern, flags, code, groups, groupindex, indexgroup] = clinic(vm, "compile", args, kwnames, names, 6)?.map(|a| a.unwrap_or_else(none));
    let flags = c_int_arg(vm, &flags)?;
    let Some(list) = as_list(&code) else { return Err(argument_type(vm, "code", "list", &code)) };
    let groups = ssize_arg(vm, &groups)?;
    if as_dict(&groupindex).is_none() {
        return Err(argument_type(vm, "groupindex", "dict", &groupindex));
    }
    let Some(index_tuple) = as_tuple(&indexgroup) else { return Err(argument_type(vm, "indexgroup", "tuple", &indexgroup)) };
    let items = list.items.borrow().clone();
    let mut words = Vec::with_capacity(items.len());
    for item in &items {
        words.push(code_word(vm, item)?);
    }
    let isbytes = if is_none(&pattern) {
        -1
    } else {
        match Subject::try_new(&pattern) {
            Some(s) => s.is_bytes() as i32,
            None => {
                let msg = format!("expected string or bytes-like object, got '{}'", vm.type_of(&pattern).name());
                return Err(vm.type_error(msg));
            }
        }
    };
    let named = as_dict(&groupindex).is_some_and(|d| !d.is_empty());
    let has_names = !index_tuple.items.is_empty();
    let data = PatternData {
        code: words.into_boxed_slice(),
        pattern,
        flags,
        groups: groups.max(0) as usize,
        groupindex: named.then(|| groupindex.clone()),
        indexgroup: (named && has_names).then(|| indexgroup.clone()),
        isbytes,
        first: Box::new([]),
        weakly_referenced: std::cell::Cell::new(false),
    };
    if groups < 0 || !validate::validate(&data.code, data.groups) {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, "invalid SRE code"));
    }
    let data = PatternData { first: super::engine::first_char_tests(&data.code), ..data };
    Ok(Value::from_owned(alloc(&PATTERN_TYPE, data)))
}

/// Clinic's "compile() argument 'code' must be list, not tuple".
fn argument_type(vm: &mut Vm, name: &str, want: &str, got: &Value) -> crate::vm::PyErr {
    let msg = format!("compile() argument '{name}' must be {want}, not {}", vm.type_of(got).name());
    vm.type_error(msg)
}

/// A code word: `PyLong_AsUnsignedLong`, then the 32-bit check.
fn code_word(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let Some(i) = int_of(v) else { return Err(vm.type_error("an integer is required")) };
    if i.is_negative() {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    let n = match i {
        Int::Small(n) => Some(n as u64),
        Int::Big(b) => u64::try_from(b).ok(),
    };
    let Some(n) = n else { return Err(vm.overflow_error("Python int too large to convert to C unsigned long")) };
    u32::try_from(n).map_err(|_| vm.overflow_error("regular expression code size limit exceeded"))
}

/// The subject and a fresh state for a call on `string` from `pos` to
/// `endpos` (CPython's `state_init`).
pub fn state_init(vm: &mut Vm, p: &PatternData, string: &Value, pos: i64, endpos: i64) -> PyResult<(Subject, State)> {
    let subject = Subject::new(vm, string)?;
    if subject.is_bytes() && p.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !subject.is_bytes() && p.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    let state = State::new(p.groups, subject.len(), pos, endpos);
    Ok((subject, state))
}

/// Match at `state.ptr` (CPython's `sre_match`).
pub fn run_match(vm: &mut Vm, p: &PatternData, subject: &Subject, state: &mut State) -> PyResult<bool> {
    let r = match subject.chars() {
        Chars::Narrow(t) => state.run(&p.code, t, 0, true),
        Chars::Wide(t) => state.run(&p.code, t, 0, true),
    };
    r.map_err(|e| engine_error(vm, e))
}

/// Search from `state.start` (CPython's `sre_search`).
pub fn run_search(vm: &mut Vm, p: &PatternData, subject: &Subject, state: &mut State) -> PyResult<bool> {
    let r = match subject.chars() {
        Chars::Narrow(t) => state.search(&p.code, t, &p.first),
        Chars::Wide(t) => state.search(&p.code, t, &p.first),
    };
    r.map_err(|e| engine_error(vm, e))
}

/// The `string, pos=0, endpos=sys.maxsize` arguments of `fname`.
fn string_pos_endpos(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<(Value, i64, i64)> {
    let [string, pos, endpos] = clinic(vm, fname, args, kwnames, ["string", "pos", "endpos"], 1)?;
    let pos = ssize_or(vm, &pos, 0)?;
    let endpos = ssize_or(vm, &endpos, i64::MAX)?;
    Ok((string.unwrap_or_else(none), pos, endpos))
}

/// `match` and `fullmatch`.
fn match_at(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], fname: &str, full: bool) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, fname, args, kwnames)?;
    let p = pattern_of(this);
    let (subject, mut state) = state_init(vm, p, &string, pos, endpos)?;
    state.ptr = state.start;
    state.match_all = full;
    if run_match(vm, p, &subject, &mut state)? {
        match_obj::new_match(vm, this, &subject.value, &state)
    } else {
        Ok(none())
    }
}

fn search(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "search", args, kwnames)?;
    let p = pattern_of(this);
    let (subject, mut state) = state_init(vm, p, &string, pos, endpos)?;
    if run_search(vm, p, &subject, &mut state)? {
        match_obj::new_match(vm, this, &subject.value, &state)
    } else {
        Ok(none())
    }
}

fn scanner_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "scanner", args, kwnames)?;
    scanner::new_scanner(vm, this, &string, pos, endpos)
}

/// `finditer`: `iter(scanner.search, None)`, as CPython makes it.
fn finditer(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "finditer", args, kwnames)?;
    let s = scanner::new_scanner(vm, this, &string, pos, endpos)?;
    let search = crate::builtins::function::bind_builtin(s, "search", scanner::scanner_search);
    Ok(crate::builtins::iter::new_callable_iterator(search, none()))
}

/// `re.compile('a+', re.IGNORECASE)`: the pattern's repr cut to 200
/// characters, and the flags by name (re.UNICODE left out of a str
/// pattern's, where it is the default).
fn pattern_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    const NAMES: [(&str, i64); 8] = [
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let p = pattern_of(v);
    let mut flags = p.flags as i64;
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as u32));
    }
    let pattern = p.pattern.clone();
    let r = repr_cut(vm, &pattern, 200)?;
    Ok(new_str(&if items.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {})", items.join("|")) }))
}

/// CPython's `pattern_hash`: the pattern's hash mixed with the code's.
fn pattern_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let p = pattern_of(v);
    let pattern = p.pattern.clone();
    let mut h = ops::hash(vm, &pattern)?;
    let p = pattern_of(v);
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= crate::builtins::str::hash_buffer(&bytes);
    h ^= p.flags as i64;
    h ^= p.isbytes as i64;
    h ^= p.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// Patterns are equal when their flags, kind, code and source are.
fn pattern_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.as_object().is_some_and(|o| std::ptr::eq(o.ty(), &PATTERN_TYPE)) {
        return Ok(vm.not_implemented());
    }
    let mut equal = a.is(b);
    if !equal {
        let (x, y) = (pattern_of(a), pattern_of(b));
        equal = x.flags == y.flags && x.isbytes == y.isbytes && x.code == y.code;
        if equal {
            let (s, t) = (x.pattern.clone(), y.pattern.clone());
            if !s.is(&t) {
                let r = ops::richcompare(vm, &s, &t, CompareOp::Eq)?;
                equal = ops::truthy(vm, &r)?;
            }
        }
    }
    Ok(vm.bool(equal == (op == CompareOp::Eq)))
}
