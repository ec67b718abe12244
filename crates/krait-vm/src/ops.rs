//! The abstract operations the evaluation loop performs, dispatched through
//! type slots with CPython's rules (`Objects/abstract.c`, `object.c`).
//!
//! Invariants:
//! - A binary operator tries the left operand's slot, then the right's,
//!   except that when the right operand's type is a proper subclass of the
//!   left's and has its own slot, the right goes first; a slot answering
//!   `NotImplemented` passes; when both pass the error is CPython's
//!   "unsupported operand type(s) for +: 'int' and 'str'".
//! - A rich comparison tries the reflected operator of the right operand
//!   first under the same subclass rule; if both pass, `==`/`!=` fall back to
//!   identity and the ordering operators raise CPython's TypeError.

use std::cmp::Ordering;

use crate::builtins::singletons::is_not_implemented;
use crate::builtins::str::{new_str, STR_TYPE};
use crate::types::{BinOp, BinaryFn, CompareOp, NumberSlots, TypeObject};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// `a <op> b`.
pub fn binary_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let r = binary_op1(vm, op, a, b)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    let (ta, tb) = (vm.type_of_static(a), vm.type_of_static(b));
    match op {
        BinOp::Add => {
            if let Some(concat) = ta.concat.get() {
                return concat(vm, a, b);
            }
        }
        BinOp::Multiply => {
            if let Some(repeat) = ta.repeat.get() {
                return sequence_repeat(vm, repeat, a, b);
            }
            if let Some(repeat) = tb.repeat.get() {
                return sequence_repeat(vm, repeat, b, a);
            }
        }
        _ => {}
    }
    Err(binop_type_error(vm, op.symbol(), a, b))
}

/// The number slots of `a` and `b` for `op`, the right operand's first when
/// its type is a subclass of the left's (CPython's `binary_op1`);
/// `NotImplemented` when neither handles the pair.
fn binary_op1(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    binary_op1_by(vm, a, b, |n| n.get(op))
}

/// `divmod(a, b)` through the number slots; `NotImplemented` when neither
/// operand handles the pair.
pub fn divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    binary_op1_by(vm, a, b, |n| n.divmod)
}

/// `binary_op1` for the number slot `slot` picks.
#[inline(always)]
fn binary_op1_by(vm: &mut Vm, a: &Value, b: &Value, slot: impl Fn(&NumberSlots) -> Option<BinaryFn>) -> PyResult<Value> {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let slot_a = slot(ta.number.get());
    let slot_b = if std::ptr::eq(ta, tb) { None } else { slot(tb.number.get()) };
    // One slot shared by both types is called once (it sees both operands).
    let slot_b = slot_b.filter(|g| slot_a.map(|f| f as usize) != Some(*g as usize));
    let b_first = slot_b.is_some() && tb.is_subtype(ta) && !std::ptr::eq(ta, tb);
    if b_first {
        if let Some(f) = slot_b {
            let r = f(vm, a, b)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = slot_a {
        let r = f(vm, a, b)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !b_first {
        if let Some(f) = slot_b {
            return f(vm, a, b);
        }
    }
    Ok(vm.not_implemented())
}

/// `seq * n` through the sequence's repeat slot; `n` must have
/// `__index__` (CPython's `sequence_repeat`).
fn sequence_repeat(vm: &mut Vm, repeat: crate::types::RepeatFn, seq: &Value, n: &Value) -> PyResult<Value> {
    let Some(count) = index(vm, n)? else {
        let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_of(n).name());
        return Err(vm.type_error(msg));
    };
    let count = match crate::builtins::int::int_of(&count) {
        Some(crate::builtins::int::Int::Small(i)) => Some(i),
        Some(crate::builtins::int::Int::Big(b)) => i64::try_from(b).ok(),
        None => None,
    };
    let count = match count {
        Some(i) => i.max(0) as usize,
        None => {
            let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_of(n).name());
            return Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, msg));
        }
    };
    repeat(vm, seq, count)
}

fn binop_type_error(vm: &mut Vm, symbol: &str, a: &Value, b: &Value) -> PyErr {
    let mut msg = format!("unsupported operand type(s) for {}: '{}' and '{}'", symbol, vm.type_of(a).name(), vm.type_of(b).name());
    // Python 2's `print >> stream` gets CPython's hint.
    if symbol == ">>" && crate::builtins::function::as_builtin(a).is_some_and(|f| f.name == "print") {
        msg.push_str(". Did you mean \"print(<message>, file=<output_stream>)\"?");
    }
    vm.type_error(msg)
}

/// `-v` (`'-'`), `+v` (`'+'`), `~v` (`'~'`) through the number slots, or
/// CPython's "bad operand type for unary".
pub fn unary_op(vm: &mut Vm, symbol: char, v: &Value) -> PyResult<Value> {
    let number = vm.type_of(v).number.get();
    let slot = match symbol {
        '-' => number.negative,
        '+' => number.positive,
        _ => number.invert,
    };
    match slot {
        Some(f) => f(vm, v),
        None => Err(unary_type_error(vm, symbol, v)),
    }
}

/// "bad operand type for unary -: 'str'".
#[cold]
pub fn unary_type_error(vm: &mut Vm, symbol: char, v: &Value) -> PyErr {
    vm.type_error(format!("bad operand type for unary {symbol}: '{}'", vm.type_of(v).name()))
}

/// `abs(v)`: the number slot, or CPython's "bad operand type for abs()".
pub fn absolute(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.type_of(v).number.get().absolute {
        Some(f) => f(vm, v),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_of(v).name()))),
    }
}

/// `operator.index(v)` when `v` has one: an int (`int`, `bool`, or what a
/// class's `__index__` returns); `None` for values without `__index__`
/// (CPython's `_PyIndex_Check` + `PyNumber_Index`).
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if crate::builtins::int::int_of(v).is_some() {
        return Ok(Some(v.clone()));
    }
    if vm.type_of(v).heap.is_none() {
        // A built-in type's own `nb_index` (a weakref proxy's).
        return match vm.type_of(v).number.get().index {
            Some(f) => f(vm, v).map(Some),
            None => Ok(None),
        };
    }
    match crate::builtins::classes::call_dunder(vm, v, "__index__", &[])? {
        Some(r) if crate::builtins::int::int_of(&r).is_some() => {
            if !std::ptr::eq(vm.type_of(&r), &crate::builtins::int::INT_TYPE) {
                let got = vm.type_of(&r).name().to_string();
                crate::builtins::warnings::warn_strict_subclass(vm, "", "__index__", &got, "int")?;
            }
            Ok(Some(r))
        }
        Some(r) => {
            let msg = format!("__index__ returned non-int (type {})", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
        None => Ok(None),
    }
}

/// Does `ord` satisfy the comparison `op`?
pub fn ordering_satisfies(ord: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    }
}

/// `a <op> b` for the six comparisons.
pub fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let ta: &TypeObject = vm.type_of(a);
    let tb: &TypeObject = vm.type_of(b);
    let mut reflected_tried = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.richcompare.get() {
            reflected_tried = true;
            let r = f(vm, b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.richcompare.get() {
        let r = f(vm, a, b, op)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !reflected_tried {
        if let Some(f) = tb.richcompare.get() {
            let r = f(vm, b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(vm.bool(a.is(b))),
        CompareOp::Ne => Ok(vm.bool(!a.is(b))),
        _ => {
            let msg = format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                vm.type_of(a).name(),
                vm.type_of(b).name()
            );
            Err(vm.type_error(msg))
        }
    }
}

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.type_of(v).repr.get() {
        Some(f) => f(vm, v),
        None => {
            let ty = vm.type_of(v);
            Ok(new_str(&format!("<{} object at {:#x}>", ty.name(), v.bits() & ((1 << 48) - 1))))
        }
    }
}

/// `container[key]`.
pub fn getitem(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    if let Some(f) = vm.type_of(container).getitem.get() {
        return f(vm, container, key);
    }
    let msg = format!("'{}' object is not subscriptable", vm.type_of(container).name());
    Err(vm.type_error(msg))
}

/// `obj.name`: the type's `getattr` slot, else CPython's generic look-up.
/// An AttributeError leaving it names `name` and `obj` (CPython's
/// `PyObject_GetAttr`), for the "Did you mean" suggestions.
pub fn getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match getattr_plain(vm, obj, name) {
        Ok(v) => Ok(v),
        Err(e) => Err(crate::builtins::suggestions::attribute_error_context(vm, e, obj, name)),
    }
}

/// `obj.name` for callers that swallow an AttributeError (`hasattr`,
/// `getattr` with a default): it is not given the name and object.
pub fn getattr_plain(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match vm.type_of(obj).getattr.get() {
        Some(f) => f(vm, obj, name),
        None => crate::builtins::classes::generic_getattr(vm, obj, name),
    }
}

/// `obj.name`, or `None` when that raises AttributeError (CPython's
/// `_PyObject_LookupAttr`).
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    match getattr_plain(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The method `obj.name` as `LOAD_METHOD` wants it: the plain function the
/// class defines, when attribute look-up is the generic one and the
/// instance does not shadow it; `None` means "use `getattr`".
pub fn lookup_method(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    use crate::builtins::classes;
    let ty = vm.type_of_static(obj);
    let generic = match ty.getattr.get() {
        None => true,
        Some(f) => f as usize == classes::generic_getattr as *const () as usize,
    };
    if !generic || ty.heap.is_none() {
        return Ok(None);
    }
    let Some(attr) = classes::type_lookup(ty, name) else { return Ok(None) };
    if crate::builtins::function::as_function(&attr).is_none() {
        return Ok(None);
    }
    if classes::instance_has(obj, name) {
        return Ok(None);
    }
    Ok(Some(attr))
}

/// `a <op>= b`: the left operand's in-place slot, else (when it has none
/// or it answers NotImplemented) the binary operator, as CPython's
/// `binary_iop1`.
pub fn inplace_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let ta = vm.type_of_static(a);
    if let Some(f) = ta.number.get().inplace[op as usize] {
        let r = f(vm, a, b)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let r = binary_op1(vm, op, a, b)?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    // The sequence slots: the left operand's in-place forms first; the
    // right operand is never changed in place (CPython's
    // PyNumber_InPlaceAdd and PyNumber_InPlaceMultiply).
    match op {
        BinOp::Add => {
            if let Some(concat) = ta.inplace_concat.get().or(ta.concat.get()) {
                return concat(vm, a, b);
            }
        }
        BinOp::Multiply => {
            if let Some(repeat) = ta.inplace_repeat.get().or(ta.repeat.get()) {
                return sequence_repeat(vm, repeat, a, b);
            }
            if let Some(repeat) = vm.type_of(b).repeat.get() {
                return sequence_repeat(vm, repeat, b, a);
            }
        }
        _ => {}
    }
    Err(binop_type_error(vm, op.inplace_symbol(), a, b))
}

/// `callable(v)`: functions (which the evaluation loop calls itself) and
/// objects whose type has a `call` slot.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    vm.type_of(v).call.is_some() || crate::builtins::function::as_function(v).is_some()
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, obj: &Value) -> PyResult<usize> {
    match vm.type_of(obj).len.get() {
        Some(f) => f(vm, obj),
        None => {
            let msg = format!("object of type '{}' has no len()", vm.type_of(obj).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `item in container`: the type's `contains` slot, else iteration.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match vm.type_of(container).contains.get() {
        Some(f) => f(vm, container, item),
        None => iter_search(vm, container, item),
    }
}

/// `item in container` by iterating it (CPython's
/// `_PySequence_IterSearch`): identity or `==`.
pub fn iter_search(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let it = match iter(vm, container) {
        Ok(it) => it,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
            let msg = format!("argument of type '{}' is not iterable", vm.type_of(container).name());
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(vm, &it)? {
        if x.is(item) {
            return Ok(true);
        }
        let r = richcompare(vm, &x, item, CompareOp::Eq)?;
        if truthy(vm, &r)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `iter(v)`.
pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.type_of(v).iter.get() {
        Some(f) => f(vm, v),
        // The old protocol: `__getitem__` from 0 until IndexError; not
        // `type`'s, which is `type[int]` (CPython's `sq_item`, which
        // `type` lacks).
        None if vm.type_of(v).getitem.is_some()
            && crate::builtins::dict::as_dict(v).is_none()
            && vm.type_of(v).getitem.get().map(|f| f as usize) != crate::types::TYPE_TYPE.getitem.get().map(|f| f as usize) =>
        {
            Ok(crate::builtins::iter::getitem_iter(v))
        }
        None => {
            let msg = format!("'{}' object is not iterable", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// The next item of iterator `it`, `None` when exhausted (a StopIteration
/// it raises is exhaustion too, as CPython's callers of `tp_iternext`
/// treat it).
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match vm.type_of(it).next.get() {
        Some(f) => match f(vm, it) {
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::STOP_ITERATION) => Ok(None),
            r => r,
        },
        None => {
            let msg = format!("'{}' object is not an iterator", vm.type_of(it).name());
            Err(vm.type_error(msg))
        }
    }
}

/// Every item of an iterable, in order.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let it = iter(vm, v)?;
    let mut items = Vec::new();
    while let Some(x) = next(vm, &it)? {
        items.push(x);
    }
    Ok(items)
}

/// `repr(v)` as Rust text (a `repr` is never a lone surrogate: CPython
/// escapes them).
pub fn repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    match crate::builtins::str::as_str(&r) {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!("__repr__ returned non-string (type {})", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `str(v)`: the type's `str` slot, else its `repr`.
pub fn str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if std::ptr::eq(vm.type_of(v), &STR_TYPE) {
        return Ok(v.clone());
    }
    match vm.type_of(v).str.get() {
        Some(f) => f(vm, v),
        None => repr(vm, v),
    }
}

/// `hash(v)`. A type without a `hash` slot hashes by identity, as
/// `object.__hash__` does, unless it defines equality (a `richcompare`
/// slot): then, as in CPython, its instances are unhashable.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ty = vm.type_of(v);
    match ty.hash.get() {
        Some(f) => f(vm, v),
        None if ty.richcompare.is_none() => Ok(hash_identity(v)),
        None => {
            let msg = format!("unhashable type: '{}'", ty.name());
            Err(vm.type_error(msg))
        }
    }
}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits; an
/// immediate's synthesised `id()` (its bits, made odd) stands for one.
pub fn hash_identity(v: &Value) -> i64 {
    let id = match v.as_object() {
        Some(p) => p.addr() as u64,
        None => v.bits() | 1,
    };
    let h = id.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `bool(v)`: the `bool` slot, else `len(v) != 0`, else true.
pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let ty = vm.type_of(v);
    if let Some(f) = ty.bool.get() {
        return f(vm, v);
    }
    if let Some(f) = ty.len.get() {
        return Ok(f(vm, v)? != 0);
    }
    Ok(true)
}

#[cfg(test)]
#[path = "ops/tests.rs"]
mod tests;
