//! `list`.
//!
//! Invariants: the items live in a `RefCell<Vec<Value>>`; no borrow of it is
//! held across a call that may run Python code (`__eq__`, `__repr__`, ...),
//! which may mutate the list: such loops re-read the list at each step, as
//! CPython's do.


use std::cell::RefCell;

use crate::builtins::str::new_str;
use crate::builtins::tuple::{compare_by_index, join_reprs};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::builtins::function::no_keywords;
use crate::builtins::int::{int_of, Int};
use crate::builtins::slice::SliceData;
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ListData {
    pub items: RefCell<Vec<Value>>,
}

impl Drop for ListData {
    /// Items are released last first, as CPython's `list_dealloc` does
    /// (the order their `__del__`s run in).
    fn drop(&mut self) {
        release_reversed(std::mem::take(self.items.get_mut()));
    }
}

/// Drop `items` last first.
fn release_reversed(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

pub static LIST_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::SEQUENCE | crate::types::tp_flags::MATCH_SELF),
    repr: Slot::new(list_repr),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_list(a), as_list(b)) else { return Ok(vm.not_implemented()) };
        let r = compare_by_index(
            vm,
            || (x.items.borrow().len(), y.items.borrow().len()),
            |i| x.items.borrow().get(i).cloned(),
            |i| y.items.borrow().get(i).cloned(),
            op,
        )?;
        Ok(vm.bool(r))
    }),
    len: Slot::new(|_, v| Ok(as_list(v).map_or(0, |l| l.items.borrow().len()))),
    iter: Slot::new(|_, v| Ok(crate::builtins::iter::sequence_iter(v))),
    getitem: Slot::new(|vm, v, index| {
        let l = as_list(v).expect("list slot on a list");
        if let Some(sl) = crate::builtins::slice::as_slice(index) {
            let items = l.items.borrow().clone();
            return Ok(new_list(crate::builtins::slice::select(vm, sl, &items)?));
        }
        match crate::builtins::iter::normalize_index(vm, index, l.len(), "list")? {
            Some(i) => Ok(l.get(i).expect("index in range")),
            None => Err(vm.index_error("list index out of range")),
        }
    }),
    new: Some(crate::builtins::functions::sequence_new),
    init: Some(list_init),
    class_methods: &[crate::types::MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    concat: Slot::new(list_concat),
    repeat: Slot::new(list_repeat),
    inplace_concat: Slot::new(list_inplace_concat),
    inplace_repeat: Slot::new(list_inplace_repeat),
    setitem: Slot::new(|vm, v, key, value| {
        let l = as_list(v).expect("list slot on a list");
        match value {
            Some(x) => set_item(vm, l, key, x),
            None => del_item(vm, l, key),
        }
    }),
    contains: Slot::new(|vm, v, item| {
        let l = as_list(v).expect("list slot on a list");
        // Re-read at each step: `==` may change the list.
        let mut i = 0;
        while let Some(x) = l.get(i) {
            if crate::builtins::tuple::item_equals(vm, &x, item)? {
                return Ok(true);
            }
            i += 1;
        }
        Ok(false)
    }),
    methods: &[
        MethodDef { name: "append", func: list_append },
        MethodDef { name: "pop", func: list_pop },
        MethodDef { name: "extend", func: list_extend },
        MethodDef { name: "insert", func: list_insert },
        MethodDef { name: "reverse", func: list_reverse },
        MethodDef { name: "copy", func: list_copy },
        MethodDef { name: "clear", func: list_clear },
        MethodDef { name: "remove", func: list_remove },
        MethodDef { name: "index", func: list_index },
        MethodDef { name: "count", func: list_count },
        MethodDef { name: "sort", func: list_sort },
        MethodDef { name: "__reversed__", func: crate::builtins::iter::list_reversed },
    ],
    ..TypeObject::builtin("list", Some(&OBJECT_TYPE), dealloc_list, trace_list)
};

unsafe fn dealloc_list(p: ObjPtr) {
    // SAFETY: lists are allocated by `new_list` as Obj<ListData>.
    unsafe { dealloc_boxed::<ListData>(p) }
}

fn trace_list(p: ObjPtr, visit: Visit) {
    // SAFETY: list objects are Obj<ListData>.
    for v in unsafe { p.data::<ListData>() }.items.borrow().iter() {
        visit(v);
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    Value::from_owned(alloc(&LIST_TYPE, ListData::new(items)))
}

impl ListData {
    pub fn new(items: Vec<Value>) -> ListData {
        ListData { items: RefCell::new(items) }
    }
}

pub fn as_list(v: &Value) -> Option<&ListData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&LIST_TYPE) {
        // SAFETY: list objects (and subclasses') are Obj<ListData>.
        Some(unsafe { p.data::<ListData>() })
    } else {
        None
    }
}

impl ListData {
    pub fn append(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = as_list(v).expect("list slot on a list");
    if l.is_empty() {
        return Ok(new_str("[]"));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str("[...]"));
    }
    let r = join_reprs(vm, |i| l.get(i), "[", "]");
    vm.repr_leave(v);
    Ok(new_str(&r?))
}

/// `list + list` (CPython's `list_concat`).
fn list_concat(vm: &mut Vm, a: &Value, c: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_list(a), as_list(c)) else {
        let msg = format!("can only concatenate list (not \"{}\") to list", vm.type_of(c).name());
        return Err(vm.type_error(msg));
    };
    let mut items = x.items.borrow().clone();
    items.extend(y.items.borrow().iter().cloned());
    Ok(new_list(items))
}

/// `list * n`.
fn list_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let l = as_list(a).expect("list slot on a list");
    let items = l.items.borrow().clone();
    match repeated(&items, n) {
        Some(out) => Ok(new_list(out)),
        None => Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    }
}

/// `l += iterable` extends `l`.
fn list_inplace_concat(vm: &mut Vm, a: &Value, c: &Value) -> PyResult<Value> {
    let l = as_list(a).expect("list slot on a list");
    let items = crate::ops::collect(vm, c)?;
    l.items.borrow_mut().extend(items);
    Ok(a.clone())
}

/// `l *= n` repeats `l` in place.
fn list_inplace_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let l = as_list(a).expect("list slot on a list");
    let items = l.items.borrow().clone();
    let Some(out) = repeated(&items, n) else {
        return Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, ""));
    };
    let old = std::mem::replace(&mut *l.items.borrow_mut(), out);
    drop(old);
    Ok(a.clone())
}

/// `items` repeated `n` times; `None` when that cannot be allocated.
pub fn repeated(items: &[Value], n: usize) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    if items.is_empty() || n == 0 {
        return Some(out);
    }
    out.try_reserve_exact(items.len().checked_mul(n)?).ok()?;
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Some(out)
}

/// `l[key] = value` (an index or a slice).
pub fn set_item(vm: &mut Vm, l: &ListData, key: &Value, value: Value) -> PyResult<()> {
    if let Some(sl) = crate::builtins::slice::as_slice(key) {
        return assign_slice(vm, l, sl, &value);
    }
    match crate::builtins::iter::normalize_index(vm, key, l.len(), "list")? {
        Some(i) => {
            let old = std::mem::replace(&mut l.items.borrow_mut()[i], value);
            drop(old);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

/// `del l[key]` (an index or a slice).
pub fn del_item(vm: &mut Vm, l: &ListData, key: &Value) -> PyResult<()> {
    // The removed items are dropped after the list is released.
    let removed: Vec<Value> = if let Some(sl) = crate::builtins::slice::as_slice(key) {
        let (start, _, step, count) = sl.indices(vm, l.len())?;
        let mut items = l.items.borrow_mut();
        let mut doomed = vec![false; items.len()];
        for k in 0..count as i64 {
            doomed[(start + k * step) as usize] = true;
        }
        let mut gone = Vec::with_capacity(count);
        let mut kept = Vec::with_capacity(items.len() - count);
        let allocated = items.capacity() != 0;
        for (v, d) in std::mem::take(&mut *items).into_iter().zip(doomed) {
            if d {
                gone.push(v)
            } else {
                kept.push(v)
            }
        }
        *items = kept;
        if allocated && items.capacity() == 0 {
            drop(items);
            note_emptied(l);
        }
        gone
    } else {
        match crate::builtins::iter::normalize_index(vm, key, l.len(), "list")? {
            Some(i) => vec![l.items.borrow_mut().remove(i)],
            None => return Err(vm.index_error("list assignment index out of range")),
        }
    };
    drop(removed);
    Ok(())
}

thread_local! {
    /// The lists being sorted (their payload addresses) and whether one
    /// was emptied meanwhile: emptying frees the vector, so the capacity
    /// `sort` checks cannot show it.
    static SORTING: RefCell<Vec<(usize, bool)>> = const { RefCell::new(Vec::new()) };
}

/// `l` was emptied (its vector freed): a sort in progress must see it.
fn note_emptied(l: &ListData) {
    let addr = l as *const ListData as usize;
    SORTING.with(|s| {
        for e in s.borrow_mut().iter_mut().filter(|e| e.0 == addr) {
            e.1 = true;
        }
    });
}

/// `lst[slice] = iterable`.
pub fn assign_slice(vm: &mut Vm, l: &ListData, s: &SliceData, value: &Value) -> PyResult<()> {
    // CPython's `PySequence_Fast(v, "can only assign an iterable")`.
    let it = match crate::ops::iter(vm, value) {
        Ok(it) => it,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
            return Err(vm.type_error("can only assign an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut new_items = Vec::new();
    while let Some(x) = crate::ops::next(vm, &it)? {
        new_items.push(x);
    }
    let len = l.len();
    let (start, stop, step, count) = s.indices(vm, len)?;
    let mut items = l.items.borrow_mut();
    if step == 1 {
        let stop = stop.max(start) as usize;
        let removed: Vec<Value> = items.splice(start as usize..stop, new_items).collect();
        drop(items);
        drop(removed);
        return Ok(());
    }
    if new_items.len() != count {
        drop(items);
        let msg = format!("attempt to assign sequence of size {} to extended slice of size {count}", new_items.len());
        return Err(vm.value_error(msg));
    }
    let mut old = Vec::with_capacity(count);
    for (k, v) in new_items.into_iter().enumerate() {
        let i = (start + k as i64 * step) as usize;
        old.push(std::mem::replace(&mut items[i], v));
    }
    drop(items);
    drop(old);
    Ok(())
}

fn receiver(v: &Value) -> &ListData {
    as_list(v).expect("a list method's receiver is a list")
}

fn list_append(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.append", kwnames)?;
    let [x] = args else {
        return Err(vm.type_error(format!("list.append() takes exactly one argument ({} given)", args.len())));
    };
    receiver(this).append(x.clone());
    Ok(vm.none())
}

fn list_pop(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.pop", kwnames)?;
    // The argument is checked and converted first, as Argument Clinic does.
    let index = match args {
        [] => -1,
        [index] => {
            let Some(i) = crate::ops::index(vm, index)? else {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(index).name());
                return Err(vm.type_error(msg));
            };
            crate::builtins::iter_pickle::ssize_state(vm, &i)?
        }
        _ => return Err(vm.type_error(format!("pop expected at most 1 argument, got {}", args.len()))),
    };
    let l = receiver(this);
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let len = l.len() as i64;
    let i = if index < 0 { index + len } else { index };
    if !(0..len).contains(&i) {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.items.borrow_mut().remove(i as usize);
    Ok(v)
}

/// `list.__init__(self, [iterable])`: the list becomes the iterable's items.
fn list_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // Keywords are a class's own `__new__`'s business.
    let cls = vm.type_of_static(this);
    if !kwnames.is_empty() && cls.heap.is_some() && crate::builtins::classes::overrides(cls, &LIST_TYPE, "__new__") {
        return list_init(vm, this, &args[..args.len() - kwnames.len()], &[]);
    }
    no_keywords(vm, "list", kwnames)?;
    let items = match args {
        [] => Vec::new(),
        [iterable] => crate::ops::collect(vm, iterable)?,
        _ => return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.len()))),
    };
    let old = std::mem::replace(&mut *receiver(this).items.borrow_mut(), items);
    drop(old);
    Ok(vm.none())
}

fn list_extend(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.extend", kwnames)?;
    let [iterable] = args else {
        return Err(vm.type_error(format!("list.extend() takes exactly one argument ({} given)", args.len())));
    };
    let items = crate::ops::collect(vm, iterable)?;
    receiver(this).items.borrow_mut().extend(items);
    Ok(vm.none())
}

fn list_insert(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.insert", kwnames)?;
    let [index, x] = args else {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len())));
    };
    let l = receiver(this);
    let len = l.len() as i64;
    let i = match int_of(index) {
        Some(Int::Small(i)) => i,
        Some(Int::Big(_)) => len,
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(index).name());
            return Err(vm.type_error(msg));
        }
    };
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.items.borrow_mut().insert(i as usize, x.clone());
    Ok(vm.none())
}

fn list_reverse(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.reverse", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("list.reverse() takes no arguments ({} given)", args.len())));
    }
    receiver(this).items.borrow_mut().reverse();
    Ok(vm.none())
}

fn list_copy(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.copy", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("list.copy() takes no arguments ({} given)", args.len())));
    }
    Ok(new_list(receiver(this).items.borrow().clone()))
}

fn list_clear(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.clear", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("list.clear() takes no arguments ({} given)", args.len())));
    }
    let l = receiver(this);
    let old = std::mem::take(&mut *l.items.borrow_mut());
    if old.capacity() != 0 {
        note_emptied(l);
    }
    release_reversed(old);
    Ok(vm.none())
}

/// The index of the first item equal to `x` from `start`, comparing as
/// `==` does (identity first); the list may change while `==` runs.
fn find(vm: &mut Vm, l: &ListData, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(l.len()) {
        let Some(item) = l.get(i) else { break };
        if item.is(x) {
            return Ok(Some(i));
        }
        let r = crate::ops::richcompare(vm, &item, x, crate::types::CompareOp::Eq)?;
        if crate::ops::truthy(vm, &r)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.remove", kwnames)?;
    let [x] = args else {
        return Err(vm.type_error(format!("list.remove() takes exactly one argument ({} given)", args.len())));
    };
    let l = receiver(this);
    match find(vm, l, x, 0, usize::MAX)? {
        Some(i) => {
            let old = l.items.borrow_mut().remove(i);
            drop(old);
            Ok(vm.none())
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// A `start`/`stop` argument of `index`: negative counts from the end.
/// A `start`/`stop` argument of `index`, clamped to `0..=len` with
/// negative values counting from the end (CPython's
/// `_PyEval_SliceIndexNotNone`, then the clamping of `list.index`).
pub(crate) fn clamp_index(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let Some(v) = crate::ops::index(vm, v)? else {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    };
    let i = match int_of(&v) {
        Some(Int::Small(i)) => i,
        Some(Int::Big(b)) => if *b < dashu_int::IBig::ZERO { i64::MIN } else { i64::MAX },
        None => 0,
    };
    let len = len as i64;
    Ok(if i < 0 { (i.saturating_add(len)).max(0) } else { i.min(len) } as usize)
}

fn list_index(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.index", kwnames)?;
    let Some(x) = args.first() else {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    };
    if args.len() > 3 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", args.len())));
    }
    let l = receiver(this);
    let start = clamp_index(vm, args.get(1), l.len(), 0)?;
    let stop = clamp_index(vm, args.get(2), l.len(), l.len())?;
    match find(vm, l, x, start, stop)? {
        Some(i) => Ok(crate::builtins::int::new_int(i as i64)),
        None => {
            let r = crate::ops::repr_string(vm, x)?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "list.count", kwnames)?;
    let [x] = args else {
        return Err(vm.type_error(format!("list.count() takes exactly one argument ({} given)", args.len())));
    };
    let l = receiver(this);
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if item.is(x) || {
            let r = crate::ops::richcompare(vm, &item, x, crate::types::CompareOp::Eq)?;
            crate::ops::truthy(vm, &r)?
        } {
            n += 1;
        }
        i += 1;
    }
    Ok(crate::builtins::int::new_int(n))
}

/// `list.sort(*, key=None, reverse=False)`: stable; while sorting the list
/// looks empty, and a change to it is an error (as in CPython).
fn list_sort(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    sort(vm, this, args, kwnames)?;
    Ok(vm.none())
}

/// `l.sort(*, key=None, reverse=False)` (CPython's `list_sort_impl`):
/// the keys are computed first (an error leaves the list as it was);
/// while sorting the list looks empty; a reverse sort reverses, sorts
/// stably and reverses back; a comparison that raises leaves the list
/// partly sorted; a change made to the list meanwhile is discarded and
/// is an error.
pub fn sort(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if args.len() > 2 {
        let kw = if kwnames.len() == args.len() { "keyword " } else { "" };
        return Err(vm.type_error(format!("sort() takes at most 2 {kw}arguments ({} given)", args.len())));
    }
    if args.len() > kwnames.len() {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (mut key, mut reverse) = (None, false);
    for (k, v) in kwnames.iter().zip(args) {
        match crate::builtins::str::as_str(k).unwrap_or("") {
            "key" if !crate::builtins::singletons::is_none(v) => key = Some(v.clone()),
            "key" => {}
            "reverse" => reverse = crate::builtins::functions::c_int_arg(vm, v)? != 0,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for sort()"))),
        }
    }
    let l = receiver(this);
    let items = std::mem::take(&mut *l.items.borrow_mut());
    let addr = l as *const ListData as usize;
    SORTING.with(|s| s.borrow_mut().push((addr, false)));
    let r = sort_taken(vm, l, items, key, reverse);
    let emptied = SORTING.with(|s| s.borrow_mut().pop().is_some_and(|e| e.1));
    if r? || emptied {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

/// The body of `sort`, with the items taken out of the list: whether the
/// list was seen changed meanwhile (only when the sort itself succeeded).
fn sort_taken(vm: &mut Vm, l: &ListData, items: Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<bool> {
    let keys = match &key {
        None => Ok(items.clone()),
        Some(f) => items.iter().map(|x| crate::eval::call(vm, f, std::slice::from_ref(x), &[])).collect(),
    };
    let keys = match keys {
        Ok(keys) => keys,
        Err(e) => {
            let meanwhile = std::mem::replace(&mut *l.items.borrow_mut(), items);
            drop(meanwhile);
            return Err(e);
        }
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let sorted = crate::builtins::listsort::timsort(vm, &keys, &mut order);
    if reverse {
        order.reverse();
    }
    // The keys go first: their `__del__` (run now, as CPython's
    // `Py_DECREF` would) may still change the list.
    drop(keys);
    if crate::finalize::pending() {
        crate::finalize::run_pending(vm);
    }
    let new_items: Vec<Value> = order.iter().map(|&i| items[i].clone()).collect();
    let meanwhile = std::mem::replace(&mut *l.items.borrow_mut(), new_items);
    // While sorting the list holds an unallocated vector (CPython's
    // `allocated == -1`): anything stored meanwhile allocated one, even
    // if it was removed again.
    let changed = meanwhile.capacity() != 0;
    drop(meanwhile);
    drop(items);
    sorted?;
    Ok(changed)
}
