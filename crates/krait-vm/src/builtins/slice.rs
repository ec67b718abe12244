//! `slice` objects and the index arithmetic of slicing.
//!
//! Invariants:
//! - `SliceData::indices` is CPython's `PySlice_GetIndicesEx` for the
//!   bounds Krait supports (i64, larger ones clamped): `None` defaults by
//!   the step's sign, negative bounds count from the end, out-of-range
//!   bounds clamp. `slice.indices()` is exact for ints of any size, as
//!   CPython's `_PySlice_GetLongIndices`.
//! - Slices compare as the tuples `(start, stop, step)` and, having
//!   equality without a hash, are unhashable (3.11).

use crate::builtins::int::{int_of, Int};
use crate::builtins::singletons::is_none;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{CompareOp, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use dashu_int::IBig;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub static SLICE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let s = as_slice(v).expect("slice slot on a slice");
        let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
        let parts = [crate::ops::repr_string(vm, &a)?, crate::ops::repr_string(vm, &b)?, crate::ops::repr_string(vm, &c)?];
        Ok(new_str(&format!("slice({}, {}, {})", parts[0], parts[1], parts[2])))
    }),
    methods: &[
        crate::types::MethodDef { name: "indices", func: slice_indices },
        crate::types::MethodDef { name: "__reduce__", func: slice_reduce },
    ],
    richcompare: Slot::new(slice_richcompare),
    getsets: &[
        GetSetDef { name: "start", get: |_, v| Ok(as_slice(v).expect("a slice").start.clone()), set: None, member: true },
        GetSetDef { name: "stop", get: |_, v| Ok(as_slice(v).expect("a slice").stop.clone()), set: None, member: true },
        GetSetDef { name: "step", get: |_, v| Ok(as_slice(v).expect("a slice").step.clone()), set: None, member: true },
    ],
    new: Some(|vm, _, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "slice", kwnames)?;
        let none = crate::builtins::singletons::none;
        match args {
            [stop] => Ok(new_slice(none(), stop.clone(), none())),
            [start, stop] => Ok(new_slice(start.clone(), stop.clone(), none())),
            [start, stop, step] => Ok(new_slice(start.clone(), stop.clone(), step.clone())),
            [] => Err(vm.type_error("slice expected at least 1 argument, got 0")),
            _ => Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", args.len()))),
        }
    }),
    getattr: Slot::new(|vm, v, name| {
        let s = as_slice(v).expect("slice slot on a slice");
        match crate::builtins::str::as_str(name).unwrap_or("") {
            "start" => Ok(s.start.clone()),
            "stop" => Ok(s.stop.clone()),
            "step" => Ok(s.step.clone()),
            _ => crate::builtins::classes::generic_getattr(vm, v, name),
        }
    }),
    ..TypeObject::builtin("slice", Some(&OBJECT_TYPE), dealloc_slice, trace_slice)
};

unsafe fn dealloc_slice(p: ObjPtr) {
    // SAFETY: slices are allocated by `new_slice` as Obj<SliceData>.
    unsafe { dealloc_boxed::<SliceData>(p) }
}

fn trace_slice(p: ObjPtr, visit: Visit) {
    // SAFETY: slices are Obj<SliceData>.
    let s = unsafe { p.data::<SliceData>() };
    visit(&s.start);
    visit(&s.stop);
    visit(&s.step);
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::from_owned(alloc(&SLICE_TYPE, SliceData { start, stop, step }))
}

pub fn as_slice(v: &Value) -> Option<&SliceData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `slice` are Obj<SliceData>.
    std::ptr::eq(p.ty(), &SLICE_TYPE).then(|| unsafe { p.data::<SliceData>() })
}

/// `a <op> b` for two slices: `(start, stop, step)` tuples compared, a
/// slice being equal to itself without asking its parts.
fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else { return Ok(vm.not_implemented()) };
    if a.is(b) {
        return Ok(vm.bool(matches!(op, CompareOp::Eq | CompareOp::Le | CompareOp::Ge)));
    }
    let tx = [x.start.clone(), x.stop.clone(), x.step.clone()];
    let ty = [y.start.clone(), y.stop.clone(), y.step.clone()];
    let r = crate::builtins::tuple::compare_sequences(vm, &tx, &ty, op)?;
    Ok(vm.bool(r))
}

/// A bound of a slice as an exact int (through `__index__`), or `None`.
fn bound_int(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if is_none(v) {
        return Ok(None);
    }
    match crate::ops::index(vm, v)? {
        Some(i) => Ok(Some(i)),
        None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// A bound of a slice: None, or an int (clamped to i64).
fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let Some(i) = bound_int(vm, v)? else { return Ok(None) };
    match int_of(&i) {
        Some(Int::Small(i)) => Ok(Some(i)),
        Some(Int::Big(b)) => Ok(Some(if *b < IBig::ZERO { i64::MIN } else { i64::MAX })),
        None => Ok(None),
    }
}

impl SliceData {
    /// (start, stop, step, slice length) for a sequence of `len` items.
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let step = bound(vm, &self.step)?.unwrap_or(1);
        if step == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |b: Option<i64>, default: i64, lo: i64, hi: i64| match b {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
            Some(i) => i.min(hi),
        };
        let (start, stop) = if step > 0 {
            (clamp(bound(vm, &self.start)?, 0, 0, len), clamp(bound(vm, &self.stop)?, len, 0, len))
        } else {
            (clamp(bound(vm, &self.start)?, len - 1, -1, len - 1), clamp(bound(vm, &self.stop)?, -1, -1, len - 1))
        };
        let count = if step > 0 {
            if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }
}

/// The items of `items` a slice selects.
pub fn select<T: Clone>(vm: &mut Vm, s: &SliceData, items: &[T]) -> PyResult<Vec<T>> {
    let (start, _, step, count) = s.indices(vm, items.len())?;
    Ok((0..count).map(|k| items[(start + k as i64 * step) as usize].clone()).collect())
}

/// `s.indices(length)`: (start, stop, step) clipped to a sequence of
/// `length` items.
/// `s.__reduce__()`: `(slice, (start, stop, step))`, so slices pickle and
/// copy.
fn slice_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let s = as_slice(this).expect("a slice");
    let parts = vec![s.start.clone(), s.stop.clone(), s.step.clone()];
    Ok(crate::builtins::iter_pickle::reduce_value(crate::types::type_value(&SLICE_TYPE), parts, None))
}

fn slice_indices(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "indices", kwnames)?;
    let [length] = args else {
        return Err(vm.type_error(format!("slice.indices() takes exactly one argument ({} given)", args.len())));
    };
    let Some(length) = crate::ops::index(vm, length)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(length).name());
        return Err(vm.type_error(msg));
    };
    let length = int_of(&length).map_or(IBig::ZERO, |i| i.to_ibig());
    if length < IBig::ZERO {
        return Err(vm.value_error("length should not be negative"));
    }
    let s = as_slice(this).expect("slice method on a slice");
    let (start, stop, step) = (s.start.clone(), s.stop.clone(), s.step.clone());
    let exact = |v: Option<Value>| v.map(|v| int_of(&v).map_or(IBig::ZERO, |i| i.to_ibig()));
    let step = exact(bound_int(vm, &step)?).unwrap_or(IBig::ONE);
    if step == IBig::ZERO {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < IBig::ZERO { (-IBig::ONE, &length - IBig::ONE) } else { (IBig::ZERO, length.clone()) };
    let clip = |b: Option<IBig>, default: &IBig| match b {
        None => default.clone(),
        Some(mut i) => {
            if i < IBig::ZERO {
                i += &length;
                if i < lower { lower.clone() } else { i }
            } else if i > upper {
                upper.clone()
            } else {
                i
            }
        }
    };
    let negative = step < IBig::ZERO;
    let start = clip(exact(bound_int(vm, &start)?), if negative { &upper } else { &lower });
    let stop = clip(exact(bound_int(vm, &stop)?), if negative { &lower } else { &upper });
    let ints = [start, stop, step].map(crate::builtins::int::new_big);
    Ok(crate::builtins::tuple::new_tuple(ints.to_vec()))
}
