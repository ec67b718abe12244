//! `re.Match`: the result of a successful match (CPython's `MatchObject`).
//!
//! Invariants:
//! - `marks` holds 2 * (groups + 1) positions: the whole match first, then
//!   each group's start and end, -1 for a group that did not take part;
//!   a set span is never backwards (CPython raises SystemError rather than
//!   make such a match).
//! - `string` is the object matched (a bytearray stays live: groups are
//!   sliced from its current bytes, clamped, as in CPython).
//! - A group is named by an int (anything with `__index__`) or, through
//!   the pattern's `groupindex`, by a name; anything else is IndexError
//!   "no such group".

use std::cell::RefCell;

use super::engine::State;
use super::pattern::{pattern_of, PatternData};
use super::subject::slice_of;
use super::{clinic, no_args, one_arg, repr_cut};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub struct MatchData {
    /// The Pattern that made the match.
    pattern: Value,
    string: Value,
    marks: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    /// `regs`, made on first use.
    regs: RefCell<Option<Value>>,
}

impl MatchData {
    /// The number of groups, the whole match included.
    fn groups(&self) -> usize {
        self.marks.len() / 2
    }
}

pub static MATCH_TYPE: TypeObject = TypeObject {
    repr: Slot::new(match_repr),
    getitem: Slot::new(|vm, v, key| {
        let i = group_index(vm, v, key)?;
        group_slice(vm, v, i, none())
    }),
    methods: &[
        MethodDef { name: "group", func: group },
        MethodDef { name: "start", func: |vm, this, a, k| bound(vm, this, a, k, "start", |s, _| new_int(s as i64)) },
        MethodDef { name: "end", func: |vm, this, a, k| bound(vm, this, a, k, "end", |_, e| new_int(e as i64)) },
        MethodDef { name: "span", func: |vm, this, a, k| bound(vm, this, a, k, "span", pair) },
        MethodDef { name: "groups", func: groups },
        MethodDef { name: "groupdict", func: groupdict },
        MethodDef { name: "expand", func: expand },
        MethodDef {
            name: "__copy__",
            func: |vm, this, a, k| {
                no_args(vm, "Match.__copy__", a, k)?;
                Ok(this.clone())
            },
        },
        MethodDef {
            name: "__deepcopy__",
            func: |vm, this, a, k| {
                one_arg(vm, "Match.__deepcopy__", a, k)?;
                Ok(this.clone())
            },
        },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[
        GetSetDef { name: "string", get: |_, v| Ok(match_of(v).string.clone()), set: None, member: true },
        GetSetDef { name: "re", get: |_, v| Ok(match_of(v).pattern.clone()), set: None, member: true },
        GetSetDef { name: "pos", get: |_, v| Ok(new_int(match_of(v).pos as i64)), set: None, member: true },
        GetSetDef { name: "endpos", get: |_, v| Ok(new_int(match_of(v).endpos as i64)), set: None, member: true },
        GetSetDef { name: "lastindex", get: lastindex, set: None, member: false },
        GetSetDef { name: "lastgroup", get: lastgroup, set: None, member: false },
        GetSetDef { name: "regs", get: regs, set: None, member: false },
    ],
    ..TypeObject::builtin("re.Match", Some(&OBJECT_TYPE), dealloc_match, trace_match)
};

unsafe fn dealloc_match(p: ObjPtr) {
    // SAFETY: matches are allocated by `new_match` as Obj<MatchData>.
    unsafe { dealloc_boxed::<MatchData>(p) }
}

fn trace_match(p: ObjPtr, visit: Visit) {
    // SAFETY: matches are Obj<MatchData>.
    let m = unsafe { p.data::<MatchData>() };
    visit(&m.pattern);
    visit(&m.string);
    if let Some(r) = &*m.regs.borrow() {
        visit(r);
    }
}

fn match_of(v: &Value) -> &MatchData {
    let p = v.as_object().expect("a re.Match");
    assert!(std::ptr::eq(p.ty(), &MATCH_TYPE), "a re.Match");
    // SAFETY: checked just above: objects of MATCH_TYPE are Obj<MatchData>.
    unsafe { p.data::<MatchData>() }
}

/// The match `state` found for `pattern` in `string` (CPython's
/// `pattern_new_match` with a positive status).
pub fn new_match(vm: &mut Vm, pattern: &Value, string: &Value, state: &State) -> PyResult<Value> {
    let p: &PatternData = pattern_of(pattern);
    let mut marks = Vec::new();
    if marks.try_reserve_exact(2 * (p.groups + 1)).is_err() {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    }
    marks.push(state.start as isize);
    marks.push(state.ptr as isize);
    for g in 1..=p.groups {
        match state.group_span(g) {
            Some((a, b)) if a > b => return Err(wrong_span(vm)),
            Some((a, b)) => marks.extend([a as isize, b as isize]),
            None => marks.extend([-1, -1]),
        }
    }
    let data = MatchData {
        pattern: pattern.clone(),
        string: string.clone(),
        marks,
        pos: state.pos,
        endpos: state.endpos,
        lastindex: state.lastindex,
        regs: RefCell::new(None),
    };
    Ok(Value::from_owned(alloc(&MATCH_TYPE, data)))
}

/// CPython's SystemError for a group whose end is before its start.
pub fn wrong_span(vm: &mut Vm) -> PyErr {
    let msg = "The span of capturing group is wrong, please report a bug for the re module.";
    vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, msg)
}

fn no_such_group(vm: &mut Vm) -> PyErr {
    vm.index_error("no such group")
}

/// The group `index` names (CPython's `match_getindex`).
fn group_index(vm: &mut Vm, this: &Value, index: &Value) -> PyResult<usize> {
    let groups = match_of(this).groups();
    let i = match crate::ops::index(vm, index)? {
        // `PyNumber_AsSsize_t(index, NULL)`: out of range saturates.
        Some(i) => match int_of(&i) {
            Some(Int::Small(n)) => n,
            Some(Int::Big(b)) => {
                if b.sign() == dashu_int::Sign::Negative {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            None => -1,
        },
        None => {
            let gi = pattern_of(&match_of(this).pattern).groupindex.clone();
            match gi {
                Some(d) => match as_dict(&d).expect("groupindex is a dict").get(vm, index)? {
                    Some(n) => match int_of(&n) {
                        Some(Int::Small(n)) => n,
                        Some(Int::Big(_)) => i64::MAX,
                        None => -1,
                    },
                    None => -1,
                },
                None => -1,
            }
        }
    };
    if i < 0 || i as u64 >= groups as u64 {
        return Err(no_such_group(vm));
    }
    Ok(i as usize)
}

/// Group `i`'s text, or `default` if it did not take part.
fn group_slice(vm: &mut Vm, this: &Value, i: usize, default: Value) -> PyResult<Value> {
    let m = match_of(this);
    let (a, b) = (m.marks[2 * i], m.marks[2 * i + 1]);
    if a < 0 {
        return Ok(default);
    }
    let string = m.string.clone();
    slice_of(vm, &string, a as usize, b as usize)
}

/// `m.group(*groups)`: one group's text, or a tuple of several.
fn group(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "Match.group", kwnames)?;
    match args {
        [] => group_slice(vm, this, 0, none()),
        [g] => {
            let i = group_index(vm, this, g)?;
            group_slice(vm, this, i, none())
        }
        _ => {
            let mut items = Vec::with_capacity(args.len());
            for g in args {
                let i = group_index(vm, this, g)?;
                items.push(group_slice(vm, this, i, none())?);
            }
            Ok(new_tuple(items))
        }
    }
}

/// `start`, `end` and `span` of a group (default 0), -1 for a group that
/// did not take part.
fn bound(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str, f: fn(isize, isize) -> Value) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, &format!("Match.{name}"), kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", args.len())));
    }
    let i = match args.first() {
        Some(g) => group_index(vm, this, g)?,
        None => 0,
    };
    let m = match_of(this);
    Ok(f(m.marks[2 * i], m.marks[2 * i + 1]))
}

fn pair(a: isize, b: isize) -> Value {
    new_tuple(vec![new_int(a as i64), new_int(b as i64)])
}

/// `m.groups(default=None)`: groups 1.. as a tuple.
fn groups(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [default] = clinic(vm, "groups", args, kwnames, ["default"], 0)?;
    let default = default.unwrap_or_else(none);
    let n = match_of(this).groups();
    let mut items = Vec::with_capacity(n.saturating_sub(1));
    for i in 1..n {
        items.push(group_slice(vm, this, i, default.clone())?);
    }
    Ok(new_tuple(items))
}

/// `m.groupdict(default=None)`: the named groups by name.
fn groupdict(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [default] = clinic(vm, "groupdict", args, kwnames, ["default"], 0)?;
    let default = default.unwrap_or_else(none);
    let result = new_dict();
    let Some(gi) = pattern_of(&match_of(this).pattern).groupindex.clone() else { return Ok(result) };
    let entries = as_dict(&gi).expect("groupindex is a dict").items();
    for (key, _) in entries {
        let i = group_index(vm, this, &key)?;
        let value = group_slice(vm, this, i, default.clone())?;
        as_dict(&result).expect("a dict").set(vm, key, value)?;
    }
    Ok(result)
}

/// `m.expand(template)`: `re._expand(pattern, match, template)`, as 3.11.
fn expand(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [template] = clinic(vm, "expand", args, kwnames, ["template"], 1)?;
    let template = template.unwrap_or_else(none);
    let re = crate::import::import_module(vm, "re")?;
    let f = crate::ops::getattr(vm, &re, &new_str("_expand"))?;
    let pattern = match_of(this).pattern.clone();
    crate::eval::call(vm, &f, &[pattern, this.clone(), template], &[])
}

fn lastindex(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(v);
    Ok(if m.lastindex >= 0 { new_int(m.lastindex as i64) } else { none() })
}

fn lastgroup(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(v);
    let p = pattern_of(&m.pattern);
    if let Some(names) = p.indexgroup.as_ref().and_then(as_tuple) {
        if m.lastindex >= 0 && (m.lastindex as usize) < names.items.len() {
            return Ok(names.items[m.lastindex as usize].clone());
        }
    }
    Ok(none())
}

fn regs(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(v);
    if let Some(r) = &*m.regs.borrow() {
        return Ok(r.clone());
    }
    let items = m.marks.chunks(2).map(|s| pair(s[0], s[1])).collect();
    let r = new_tuple(items);
    *m.regs.borrow_mut() = Some(r.clone());
    Ok(r)
}

/// `<re.Match object; span=(0, 3), match='abc'>`, the match's repr cut to
/// 50 characters.
fn match_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let g0 = group_slice(vm, v, 0, none())?;
    let r = repr_cut(vm, &g0, 50)?;
    let m = match_of(v);
    Ok(new_str(&format!("<{} object; span=({}, {}), match={r}>", vm.type_of(v).name(), m.marks[0], m.marks[1])))
}
