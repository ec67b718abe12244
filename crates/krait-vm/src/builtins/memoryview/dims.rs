//! Views of two or more dimensions: what `m.cast(fmt, shape)` makes, and
//! what slicing one along its first dimension gives (CPython's
//! `cast_to_ND`, `ptr_from_tuple`, `tolist_rec`).
//!
//! Invariants:
//! - A view of one dimension has no `Dims` (its `len` and `stride` say
//!   all); a view of two or more has one, with a shape and strides in
//!   bytes of the same length, each extent above zero (`cast` refuses
//!   zero; a slice along the first dimension may make that one zero).
//!   Its `len` is the product of the shape, its `stride` the item size.
//! - Flat item `i` is the i-th item in C (row-major) order, so the
//!   one-dimensional code (`to_vec`, comparisons, hashing) reads a view
//!   of any dimension as its items in order.
//! - As in CPython, such a view is indexed only by a full tuple of ints,
//!   sliced only along its first dimension, and has no sub-views
//!   (NotImplementedError); `tolist` nests.

use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::tuple::new_tuple;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::{MemoryViewData, NDIM_MAX};

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Dims {
    pub(super) shape: Vec<usize>,
    pub(super) strides: Vec<isize>,
}

impl Dims {
    /// C-contiguous dimensions of `shape` for items of `size` bytes.
    pub(super) fn c_order(shape: Vec<usize>, size: usize) -> Dims {
        let mut strides = vec![0isize; shape.len()];
        let mut step = size as isize;
        for k in (0..shape.len()).rev() {
            strides[k] = step;
            step *= shape[k] as isize;
        }
        Dims { shape, strides }
    }

    /// The byte offset of flat item `i` (C order) from the view's start.
    pub(super) fn offset(&self, mut i: usize) -> isize {
        let mut off = 0;
        for k in (0..self.shape.len()).rev() {
            let n = self.shape[k].max(1);
            off += (i % n) as isize * self.strides[k];
            i /= n;
        }
        off
    }

    /// Are the items laid out in C order with no gaps?
    pub(super) fn is_c_contiguous(&self, size: usize) -> bool {
        self.shape.contains(&0) || self.strides_match(size, (0..self.shape.len()).rev())
    }

    /// Are the items laid out in Fortran (column-major) order?
    pub(super) fn is_f_contiguous(&self, size: usize) -> bool {
        self.shape.contains(&0) || self.strides_match(size, 0..self.shape.len())
    }

    fn strides_match(&self, size: usize, order: impl Iterator<Item = usize>) -> bool {
        let mut step = size as isize;
        for k in order {
            if self.shape[k] > 1 && self.strides[k] != step {
                return false;
            }
            step *= self.shape[k] as isize;
        }
        true
    }
}

/// The shape `cast` was given: a list or tuple of ints above zero, at
/// most `NDIM_MAX` of them (CPython's `copy_shape` messages).
pub(super) fn shape_arg(vm: &mut Vm, shape: &Value) -> PyResult<Vec<usize>> {
    let items = match (crate::builtins::tuple::as_tuple(shape), crate::builtins::list::as_list(shape)) {
        (Some(t), _) => t.items.to_vec(),
        (None, Some(l)) => l.items.borrow().to_vec(),
        _ => return Err(vm.type_error("shape must be a list or a tuple")),
    };
    if items.len() > NDIM_MAX {
        return Err(vm.value_error(format!("memoryview: number of dimensions must not exceed {NDIM_MAX}")));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let n = match (crate::builtins::int::exact_i64(item), int_of(item)) {
            (Some(n), _) => n,
            (None, Some(Int::Small(n))) => n,
            (None, Some(Int::Big(_))) => -1,
            (None, None) => return Err(vm.type_error("memoryview.cast(): elements of shape must be integers")),
        };
        if n <= 0 {
            return Err(vm.value_error("memoryview.cast(): elements of shape must be integers > 0"));
        }
        out.push(n as usize);
    }
    Ok(out)
}

/// The byte offset (in the exporter) of the item a full tuple of indexes
/// names, checked against each dimension. `sub_view`: the error for a
/// single index (reading and assigning word it differently).
pub(super) fn item_offset(vm: &mut Vm, m: &MemoryViewData, dims: &Dims, key: &Value, sub_view: &str) -> PyResult<usize> {
    let Some(t) = crate::builtins::tuple::as_tuple(key) else {
        if crate::builtins::slice::as_slice(key).is_none() && ops::index(vm, key)?.is_some() {
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, sub_view));
        }
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let items = t.items.to_vec();
    let slices = items.iter().filter(|k| crate::builtins::slice::as_slice(k).is_some()).count();
    if slices > 0 {
        if slices == items.len() {
            return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "multi-dimensional slicing is not implemented"));
        }
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if items.len() < dims.shape.len() {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "sub-views are not implemented"));
    }
    if items.len() > dims.shape.len() {
        let msg = format!("cannot index {}-dimension view with {}-element tuple", dims.shape.len(), items.len());
        return Err(vm.type_error(msg));
    }
    let mut off = m.start as isize;
    for (k, item) in items.iter().enumerate() {
        let Some(i) = ops::index(vm, item)? else {
            return Err(vm.type_error("memoryview: invalid slice key"));
        };
        let n = dims.shape[k] as i64;
        let i = match int_of(&i) {
            Some(Int::Small(i)) if i < 0 => i + n,
            Some(Int::Small(i)) => i,
            _ => -1,
        };
        if i < 0 || i >= n {
            return Err(vm.index_error(format!("index out of bounds on dimension {}", k + 1)));
        }
        off += i as isize * dims.strides[k];
    }
    Ok(off as usize)
}

/// `m[i:j:k]` of a view of several dimensions: the first dimension
/// sliced.
pub(super) fn slice_first(vm: &mut Vm, m: &MemoryViewData, dims: &Dims, sl: &crate::builtins::slice::SliceData) -> PyResult<MemoryViewData> {
    let (start, _, step, count) = sl.indices(vm, dims.shape[0])?;
    let mut new = dims.clone();
    new.shape[0] = count;
    let first = if count == 0 { m.start } else { (m.start as isize + start as isize * dims.strides[0]) as usize };
    new.strides[0] *= step as isize;
    let len = new.shape.iter().product();
    Ok(MemoryViewData { start: first, len, dims: Some(Box::new(new)), ..m.clone() })
}

/// `m.tolist()` of a view of several dimensions: nested lists.
pub(super) fn tolist(items: Vec<Value>, shape: &[usize]) -> Value {
    let mut items = items.into_iter();
    nest(&mut items, shape)
}

fn nest(items: &mut std::vec::IntoIter<Value>, shape: &[usize]) -> Value {
    let out = match shape {
        [] => Vec::new(),
        [n] => items.by_ref().take(*n).collect(),
        [n, rest @ ..] => (0..*n).map(|_| nest(items, rest)).collect(),
    };
    crate::builtins::list::new_list(out)
}

/// `shape` or `strides` as a tuple.
pub(super) fn tuple_of(xs: impl Iterator<Item = i64>) -> Value {
    new_tuple(xs.map(new_int).collect())
}
