//! `tuple`.
//!
//! Invariants: the items never change after creation; the empty tuple is a
//! single static object (`() is ()`); `hash` is CPython 3.8+'s xxHash-based
//! tuple hash, so tuples of equal ints/floats hash as CPython's do.


use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr, StaticObj};
use crate::ops;
use crate::builtins::function::no_keywords;
use crate::types::{CompareOp, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct TupleData {
    pub items: Vec<Value>,
}

impl Drop for TupleData {
    /// Items are released last first, as CPython's `tupledealloc` does
    /// (the order their `__del__`s run in).
    fn drop(&mut self) {
        while let Some(v) = self.items.pop() {
            drop(v);
        }
    }
}

/// `tuple + tuple`.
fn tuple_concat(vm: &mut Vm, a: &Value, c: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_tuple(a), as_tuple(c)) else {
        let msg = format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_of(c).name());
        return Err(vm.type_error(msg));
    };
    let mut items = x.items.clone();
    items.extend(y.items.iter().cloned());
    Ok(new_tuple(items))
}

/// `tuple * n`.
fn tuple_repeat(vm: &mut Vm, a: &Value, n: usize) -> PyResult<Value> {
    let t = as_tuple(a).expect("tuple slot on a tuple");
    if n == 1 && std::ptr::eq(vm.type_of(a), &TUPLE_TYPE) {
        return Ok(a.clone());
    }
    match crate::builtins::list::repeated(&t.items, n) {
        Some(items) => Ok(new_tuple(items)),
        None => Err(vm.error(&crate::builtins::exceptions::MEMORY_ERROR, "")),
    }
}

/// Is container item `x` the `item` looked for: identical, or `x ==
/// item` (CPython's `PyObject_RichCompareBool`, as `in` uses it)?
pub fn item_equals(vm: &mut Vm, x: &Value, item: &Value) -> PyResult<bool> {
    if x.is(item) {
        return Ok(true);
    }
    let r = crate::ops::richcompare(vm, x, item, crate::types::CompareOp::Eq)?;
    crate::ops::truthy(vm, &r)
}

pub static TUPLE_TYPE: TypeObject = TypeObject {
    flags: std::cell::Cell::new(crate::types::tp_flags::SEQUENCE | crate::types::tp_flags::MATCH_SELF),
    concat: Slot::new(tuple_concat),
    repeat: Slot::new(tuple_repeat),
    class_methods: &[crate::types::MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    repr: Slot::new(tuple_repr),
    hash: Slot::new(tuple_hash),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) else { return Ok(vm.not_implemented()) };
        let r = compare_sequences(vm, &x.items, &y.items, op)?;
        Ok(vm.bool(r))
    }),
    len: Slot::new(|_, v| Ok(as_tuple(v).map_or(0, |t| t.items.len()))),
    iter: Slot::new(|_, v| Ok(crate::builtins::iter::sequence_iter(v))),
    getitem: Slot::new(|vm, v, index| {
        let t = as_tuple(v).expect("tuple slot on a tuple");
        if let Some(sl) = crate::builtins::slice::as_slice(index) {
            return Ok(new_tuple(crate::builtins::slice::select(vm, sl, &t.items)?));
        }
        match crate::builtins::iter::normalize_index(vm, index, t.items.len(), "tuple")? {
            Some(i) => Ok(t.items[i].clone()),
            None => Err(vm.index_error("tuple index out of range")),
        }
    }),
    contains: Slot::new(|vm, v, item| {
        let t = as_tuple(v).expect("tuple slot on a tuple");
        for x in &t.items {
            if item_equals(vm, x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }),
    new: Some(crate::builtins::functions::sequence_new),
    methods: &[
        MethodDef { name: "index", func: tuple_index },
        MethodDef { name: "count", func: tuple_count },
        MethodDef { name: "__getnewargs__", func: |vm, this, args, kwnames| {
            no_keywords(vm, "tuple.__getnewargs__", kwnames)?;
            if !args.is_empty() {
                let msg = format!("tuple.__getnewargs__() takes no arguments ({} given)", args.len());
                return Err(vm.type_error(msg));
            }
            let items = as_tuple(this).expect("a tuple").items.clone();
            Ok(new_tuple(vec![new_tuple(items)]))
        } },
    ],
    ..TypeObject::builtin("tuple", Some(&OBJECT_TYPE), dealloc_tuple, trace_tuple)
};

/// Is `item` `x`, or equal to it (CPython's `PyObject_RichCompareBool`)?
fn same_or_equal(vm: &mut Vm, item: &Value, x: &Value) -> PyResult<bool> {
    if item.is(x) {
        return Ok(true);
    }
    let r = ops::richcompare(vm, item, x, CompareOp::Eq)?;
    ops::truthy(vm, &r)
}

/// `t.index(x, start=0, stop=sys.maxsize)`.
fn tuple_index(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "tuple.index", kwnames)?;
    let Some(x) = args.first() else {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    };
    if args.len() > 3 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {}", args.len())));
    }
    let t = as_tuple(this).expect("a tuple");
    let start = crate::builtins::list::clamp_index(vm, args.get(1), t.items.len(), 0)?;
    let stop = crate::builtins::list::clamp_index(vm, args.get(2), t.items.len(), t.items.len())?;
    for i in start..stop {
        if same_or_equal(vm, &t.items[i], x)? {
            return Ok(crate::builtins::int::new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

/// `t.count(x)`.
fn tuple_count(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "tuple.count", kwnames)?;
    let [x] = args else {
        return Err(vm.type_error(format!("tuple.count() takes exactly one argument ({} given)", args.len())));
    };
    let mut n = 0;
    for item in &as_tuple(this).expect("a tuple").items {
        if same_or_equal(vm, item, x)? {
            n += 1;
        }
    }
    Ok(crate::builtins::int::new_int(n))
}

static EMPTY: StaticObj<TupleData> = StaticObj::new(&TUPLE_TYPE, TupleData { items: Vec::new() });

unsafe fn dealloc_tuple(p: ObjPtr) {
    // SAFETY: tuples are allocated by `new_tuple` as Obj<TupleData>.
    unsafe { dealloc_boxed::<TupleData>(p) }
}

fn trace_tuple(p: ObjPtr, visit: Visit) {
    // SAFETY: tuple objects are Obj<TupleData>.
    for v in unsafe { p.data::<TupleData>() }.items.iter() {
        visit(v);
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return Value::from_borrowed(EMPTY.ptr());
    }
    Value::from_owned(alloc(&TUPLE_TYPE, TupleData { items }))
}

/// The items of `t` to update in place, when `t` is an exact tuple that
/// only this handle refers to (CPython's reuse of a result tuple in
/// `itertools.product` and friends: a consumer that unpacked the previous
/// result has let it go); `None` otherwise.
pub fn unique_items_mut(t: &mut Value) -> Option<&mut [Value]> {
    let p = t.as_object()?;
    if !std::ptr::eq(p.type_ptr(), &TUPLE_TYPE) || p.refcnt() != 1 {
        return None;
    }
    // SAFETY: objects of exact type `tuple` are Obj<TupleData>; a count
    // of 1 is `t`'s own reference, borrowed mutably here, so nothing else
    // can read the items while they change.
    Some(unsafe { p.data_mut::<TupleData>() }.items.as_mut_slice())
}

pub fn as_tuple(v: &Value) -> Option<&TupleData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&TUPLE_TYPE) {
        // SAFETY: tuple objects (and subclasses') are Obj<TupleData>.
        Some(unsafe { p.data::<TupleData>() })
    } else {
        None
    }
}

/// Compare two sequences item by item, as CPython's list and tuple
/// comparisons do: the first differing pair decides, else the lengths.
pub fn compare_sequences(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<bool> {
    compare_by_index(vm, || (a.len(), b.len()), |i| a.get(i).cloned(), |i| b.get(i).cloned(), op)
}

/// The general form of `compare_sequences` over accessors: `lens()` gives
/// both lengths and `a(i)`, `b(i)` the items as they are now, re-read at
/// each step, so sequences mutated by an `__eq__` are seen as they are
/// (CPython's `list_richcompare` re-reads the sizes after the loop too).
pub fn compare_by_index(
    vm: &mut Vm,
    lens: impl Fn() -> (usize, usize),
    a: impl Fn(usize) -> Option<Value>,
    b: impl Fn(usize) -> Option<Value>,
    op: CompareOp,
) -> PyResult<bool> {
    let (len_a, len_b) = lens();
    if len_a != len_b && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(op == CompareOp::Ne);
    }
    // Nested containers compare recursively (CPython's
    // `Py_EnterRecursiveCall(" in comparison")`).
    vm.enter_recursion(" in comparison")?;
    let r = compare_items(vm, lens, a, b, op);
    vm.leave_recursion();
    r
}

fn compare_items(
    vm: &mut Vm,
    lens: impl Fn() -> (usize, usize),
    a: impl Fn(usize) -> Option<Value>,
    b: impl Fn(usize) -> Option<Value>,
    op: CompareOp,
) -> PyResult<bool> {
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (a(i), b(i)) else { break };
        if !x.is(&y) {
            let eq = ops::richcompare(vm, &x, &y, CompareOp::Eq)?;
            if !ops::truthy(vm, &eq)? {
                break;
            }
        }
        i += 1;
    }
    // No differing pair left (an `__eq__` may have shortened either):
    // the lengths decide.
    let (Some(x), Some(y)) = (a(i), b(i)) else {
        let (len_a, len_b) = lens();
        return Ok(ops::ordering_satisfies(len_a.cmp(&len_b), op));
    };
    match op {
        CompareOp::Eq => Ok(false),
        CompareOp::Ne => Ok(true),
        _ => {
            let r = ops::richcompare(vm, &x, &y, op)?;
            ops::truthy(vm, &r)
        }
    }
}

fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = as_tuple(v).expect("tuple slot on a tuple");
    if t.items.is_empty() {
        return Ok(new_str("()"));
    }
    if !vm.repr_enter(v) {
        return Ok(new_str("(...)"));
    }
    let r = join_reprs(vm, |i| t.items.get(i).cloned(), "(", ")");
    vm.repr_leave(v);
    let mut s = r?;
    if t.items.len() == 1 {
        s.insert(s.len() - 1, ',');
    }
    Ok(new_str(&s))
}

/// `open + ", ".join(map(repr, items)) + close`, guarding native recursion.
/// `item(i)` is re-read at each step: a `__repr__` may mutate a list.
pub fn join_reprs(vm: &mut Vm, item: impl Fn(usize) -> Option<Value>, open: &str, close: &str) -> PyResult<String> {
    vm.enter_recursion(" while getting the repr of an object")?;
    let mut s = String::from(open);
    let mut result = Ok(());
    let mut i = 0;
    while let Some(v) = item(i) {
        if i > 0 {
            s.push_str(", ");
        }
        match ops::repr_string(vm, &v) {
            Ok(r) => s.push_str(&r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
        i += 1;
    }
    vm.leave_recursion();
    result?;
    s.push_str(close);
    Ok(s)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython counts no recursion here (a tuple nested a million deep hashes);
/// only running out of native stack stops it.
fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let t = as_tuple(v).expect("tuple slot on a tuple");
    if crate::stack_guard::exhausted() {
        return Err(vm.error(&crate::builtins::exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    let mut acc = XXPRIME_5;
    for item in &t.items {
        let lane = ops::hash(vm, item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(t.items.len() as u64 ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}
