//! `functools._lru_cache_wrapper` (CPython 3.11's `lru_cache_type`): the
//! callable `functools.lru_cache` returns, caching the results of the
//! function it wraps by the call's arguments.
//!
//! A cache is one of three kinds, chosen by `maxsize` when it is made:
//! none (`maxsize` 0: every call is a miss), unbounded (`None`: a dict
//! from key to result) or bounded (a dict from key to a link object
//! holding the key and result, the links also kept in a doubly linked
//! list, oldest first, whose oldest is dropped for a new key when the
//! cache is full). As in CPython, a key's hash is computed once per call,
//! and a call that finds its key added while the function ran (a recursive
//! call) returns without touching the cache. A link knows its place in the
//! list (or that it has none), so a link the dict gives back is valid
//! whatever Python code (`__eq__`, `cache_clear`) ran meanwhile.

use std::cell::{Cell, RefCell};

use crate::builtins::dict::{as_dict, check_args, new_dict};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::bind;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{intern, STR_TYPE};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `maxsize` 0.
    Uncached,
    /// `maxsize` None.
    Unbounded,
    /// `maxsize` > 0.
    Bounded(usize),
}

/// What a bounded cache's dict maps a key to (CPython's `_lru_list_elem`).
struct LinkData {
    key: Value,
    hash: i64,
    result: Value,
    /// Its node in the list, or `UNLINKED`.
    node: Cell<usize>,
}

const UNLINKED: usize = usize::MAX;

unsafe fn dealloc_link(p: ObjPtr) {
    // SAFETY: objects of LRU_LINK_TYPE are Obj<LinkData>.
    unsafe { dealloc_boxed::<LinkData>(p) }
}

fn trace_link(p: ObjPtr, visit: Visit) {
    // SAFETY: as above.
    let l = unsafe { p.data::<LinkData>() };
    visit(&l.key);
    visit(&l.result);
}

fn link_data(v: &Value) -> &LinkData {
    let p = v.as_object().expect("a link");
    assert!(std::ptr::eq(p.ty(), &LRU_LINK_TYPE), "the cache dict of a bounded cache maps keys to links");
    // SAFETY: checked above.
    unsafe { p.data::<LinkData>() }
}

fn new_link(key: Value, hash: i64, result: Value) -> Value {
    Value::from_owned(alloc(&LRU_LINK_TYPE, LinkData { key, hash, result, node: Cell::new(UNLINKED) }))
}

static LRU_LINK_TYPE: TypeObject = TypeObject::builtin("functools._lru_list_elem", Some(&OBJECT_TYPE), dealloc_link, trace_link);

/// A node of the list: node 0 is the root, whose `next` is the oldest
/// link and `prev` the newest.
struct Node {
    link: Value,
    prev: usize,
    next: usize,
}

/// The list of a bounded cache's links, oldest first, as nodes in a
/// vector (freed nodes are reused).
struct Links {
    nodes: Vec<Node>,
    free: Vec<usize>,
}

impl Links {
    fn new() -> Links {
        Links { nodes: vec![Node { link: Value::NULL, prev: 0, next: 0 }], free: Vec::new() }
    }

    fn unhook(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        self.nodes[prev].next = next;
        self.nodes[next].prev = prev;
    }

    /// Place node `i` after node `at`.
    fn hook_after(&mut self, i: usize, at: usize) {
        let next = self.nodes[at].next;
        self.nodes[i].prev = at;
        self.nodes[i].next = next;
        self.nodes[next].prev = i;
        self.nodes[at].next = i;
    }

    /// Make linked node `i` the newest.
    fn move_to_newest(&mut self, i: usize) {
        self.unhook(i);
        let last = self.nodes[0].prev;
        self.hook_after(i, last);
    }

    /// Put `link` in the list, newest (or oldest).
    fn insert(&mut self, link: Value, newest: bool) {
        let node = Node { link: link.clone(), prev: 0, next: 0 };
        let i = match self.free.pop() {
            Some(i) => {
                self.nodes[i] = node;
                i
            }
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        };
        let at = if newest { self.nodes[0].prev } else { 0 };
        self.hook_after(i, at);
        link_data(&link).node.set(i);
    }

    /// Take the oldest link out of the list (`None` when empty).
    fn pop_oldest(&mut self) -> Option<Value> {
        let i = self.nodes[0].next;
        if i == 0 {
            return None;
        }
        self.unhook(i);
        self.free.push(i);
        let link = std::mem::replace(&mut self.nodes[i].link, Value::NULL);
        link_data(&link).node.set(UNLINKED);
        Some(link)
    }

    fn is_empty(&self) -> bool {
        self.nodes[0].next == 0
    }
}

pub(super) struct LruData {
    func: Value,
    cache_info_type: Value,
    kind: Kind,
    typed: bool,
    /// Separates the positional arguments of a key from its keywords
    /// (an `object()` no program can reach, as CPython's `kwd_mark`).
    kwd_mark: Value,
    /// The cache dict: key to result (unbounded) or to link (bounded).
    cache: Value,
    links: RefCell<Links>,
    hits: Cell<usize>,
    misses: Cell<usize>,
    dict: RefCell<Value>,
    weakly_referenced: Cell<bool>,
}

fn data(v: &Value) -> &LruData {
    let p = v.as_object().expect("an lru_cache wrapper");
    debug_assert!(std::ptr::eq(p.ty(), &LRU_CACHE_WRAPPER_TYPE));
    // SAFETY: objects of the (final) type are Obj<LruData>; its slots and
    // methods are reached only with them.
    unsafe { p.data::<LruData>() }
}

fn as_lru(v: &Value) -> Option<&LruData> {
    let p = v.as_object()?;
    // SAFETY: as above.
    std::ptr::eq(p.ty(), &LRU_CACHE_WRAPPER_TYPE).then(|| unsafe { p.data::<LruData>() })
}

pub(super) fn inst_dict_cell(v: &Value) -> Option<&RefCell<Value>> {
    as_lru(v).map(|d| &d.dict)
}

pub(super) fn weakref_flag(v: &Value) -> Option<&Cell<bool>> {
    as_lru(v).map(|d| &d.weakly_referenced)
}

unsafe fn dealloc_lru(p: ObjPtr) {
    // SAFETY: objects of the type are Obj<LruData>.
    if unsafe { p.data::<LruData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<LruData>(p) }
}

fn trace_lru(p: ObjPtr, visit: Visit) {
    // SAFETY: as above.
    let d = unsafe { p.data::<LruData>() };
    visit(&d.func);
    visit(&d.cache_info_type);
    visit(&d.kwd_mark);
    visit(&d.cache);
    for node in d.links.borrow().nodes.iter().filter(|n| !n.link.is_null()) {
        visit(&node.link);
    }
    let dict = d.dict.borrow();
    if !dict.is_null() {
        visit(&dict);
    }
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, _: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["user_function", "maxsize", "typed", "cache_info_type"];
    let [func, maxsize, typed, cache_info_type] = bind(vm, "lru_cache", args, kwnames, names, 4, 4)?.map(|v| v.expect("required"));
    let typed = ops::truthy(vm, &typed)?;
    if !ops::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let kind = if is_none(&maxsize) {
        Kind::Unbounded
    } else if let Some(n) = ops::index(vm, &maxsize)? {
        // PyNumber_AsSsize_t(maxsize, OverflowError); negative means 0.
        let n = match int_of(&n) {
            Some(Int::Small(n)) => n,
            _ => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        };
        if n <= 0 {
            Kind::Uncached
        } else {
            Kind::Bounded(n as usize)
        }
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let data = LruData {
        func,
        cache_info_type,
        kind,
        typed,
        kwd_mark: crate::builtins::classes::alloc_instance(&OBJECT_TYPE),
        cache: new_dict(),
        links: RefCell::new(Links::new()),
        hits: Cell::new(0),
        misses: Cell::new(0),
        dict: RefCell::new(Value::NULL),
        weakly_referenced: Cell::new(false),
    };
    Ok(Value::from_owned(alloc(&LRU_CACHE_WRAPPER_TYPE, data)))
}

/// The cache key of a call (CPython's `lru_cache_make_key`): a lone `str`
/// or `int` argument itself, else a tuple of the positional arguments,
/// then the mark and each keyword's name and value, then (when `typed`)
/// the type of each argument.
fn make_key(vm: &Vm, d: &LruData, args: &[Value], kwnames: &[Value]) -> Value {
    if !d.typed && kwnames.is_empty() {
        if let [arg] = args {
            let ty = vm.type_of(arg);
            if std::ptr::eq(ty, &STR_TYPE) || std::ptr::eq(ty, &crate::builtins::int::INT_TYPE) {
                return arg.clone();
            }
        }
        return new_tuple(args.to_vec());
    }
    let npos = args.len() - kwnames.len();
    let mut key = Vec::with_capacity(args.len() * 3 + 1);
    key.extend_from_slice(&args[..npos]);
    if !kwnames.is_empty() {
        key.push(d.kwd_mark.clone());
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if d.typed {
        key.extend(args.iter().map(|a| type_value(vm.type_of_static(a))));
    }
    new_tuple(key)
}

fn lru_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = data(this);
    let func = d.func.clone();
    match d.kind {
        Kind::Uncached => {
            d.misses.set(d.misses.get() + 1);
            crate::eval::call(vm, &func, args, kwnames)
        }
        Kind::Unbounded => {
            let key = make_key(vm, d, args, kwnames);
            let hash = ops::hash(vm, &key)?;
            let cache = d.cache.clone();
            let cache = as_dict(&cache).expect("a dict");
            if let Some(result) = cache.get_hashed(vm, &key, hash)? {
                d.hits.set(d.hits.get() + 1);
                return Ok(result);
            }
            d.misses.set(d.misses.get() + 1);
            let result = crate::eval::call(vm, &func, args, kwnames)?;
            cache.set_hashed(vm, key, hash, result.clone())?;
            Ok(result)
        }
        Kind::Bounded(maxsize) => bounded_call(vm, this, maxsize, args, kwnames),
    }
}

/// A bounded cache's call, as CPython's `bounded_lru_cache_wrapper`
/// (including what it does when the function or a key's `__eq__` changed
/// the cache meanwhile).
fn bounded_call(vm: &mut Vm, this: &Value, maxsize: usize, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = data(this);
    let key = make_key(vm, d, args, kwnames);
    let hash = ops::hash(vm, &key)?;
    let cache_value = d.cache.clone();
    let cache = as_dict(&cache_value).expect("a dict");
    if let Some(link) = cache.get_hashed(vm, &key, hash)? {
        let l = link_data(&link);
        if l.node.get() != UNLINKED {
            d.links.borrow_mut().move_to_newest(l.node.get());
        }
        d.hits.set(d.hits.get() + 1);
        return Ok(l.result.clone());
    }
    d.misses.set(d.misses.get() + 1);
    let func = d.func.clone();
    let result = crate::eval::call(vm, &func, args, kwnames)?;
    if cache.get_hashed(vm, &key, hash)?.is_some() {
        // The key was added while the function ran.
        return Ok(result);
    }
    if cache.len() >= maxsize && !d.links.borrow().is_empty() {
        // Full: the oldest link makes room, unless someone removed its key
        // meanwhile (then it is left out, and the cache is a link short).
        let oldest = d.links.borrow_mut().pop_oldest().expect("a link");
        let old = link_data(&oldest);
        match cache.pop_hashed(vm, &old.key, old.hash) {
            Ok(Some(_)) => {}
            Ok(None) => return Ok(result),
            Err(e) => {
                d.links.borrow_mut().insert(oldest, false);
                return Err(e);
            }
        }
    }
    let link = new_link(key.clone(), hash, result.clone());
    cache.set_hashed(vm, key, hash, link.clone())?;
    d.links.borrow_mut().insert(link, true);
    Ok(result)
}

/// `cache_info()`: `cache_info_type(hits, misses, maxsize, currsize)`.
fn cache_info(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_lru_cache_wrapper.cache_info", args, kwnames, 0, 0)?;
    let d = data(this);
    let maxsize = match d.kind {
        Kind::Uncached => new_int(0),
        Kind::Unbounded => none(),
        Kind::Bounded(n) => new_int(n as i64),
    };
    let currsize = as_dict(&d.cache).expect("a dict").len();
    let info = [new_int(d.hits.get() as i64), new_int(d.misses.get() as i64), maxsize, new_int(currsize as i64)];
    let ty = d.cache_info_type.clone();
    crate::eval::call(vm, &ty, &info, &[])
}

/// `cache_clear()`: forget every result and reset the counts.
fn cache_clear(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_lru_cache_wrapper.cache_clear", args, kwnames, 0, 0)?;
    let d = data(this);
    d.hits.set(0);
    d.misses.set(0);
    let links = d.links.replace(Links::new());
    for node in links.nodes.iter().filter(|n| !n.link.is_null()) {
        link_data(&node.link).node.set(UNLINKED);
    }
    as_dict(&d.cache).expect("a dict").clear();
    drop(links);
    Ok(none())
}

/// `__reduce__`: the wrapper's `__qualname__` (pickled as a global).
fn lru_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_lru_cache_wrapper.__reduce__", args, kwnames, 0, 0)?;
    ops::getattr(vm, this, &intern("__qualname__"))
}

/// `__copy__(*args)` and `__deepcopy__(*args)`: the wrapper itself (any
/// positional arguments accepted, as CPython's METH_VARARGS methods).
fn lru_copy(vm: &mut Vm, this: &Value, _: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_lru_cache_wrapper.__copy__", kwnames)?;
    Ok(this.clone())
}

fn lru_deepcopy(vm: &mut Vm, this: &Value, _: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_lru_cache_wrapper.__deepcopy__", kwnames)?;
    Ok(this.clone())
}

/// `__get__`: a method bound to the instance (the wrapper itself when
/// looked up on the class), as a function is.
fn lru_get(_: &mut Vm, this: &Value, obj: &Value, _: &'static TypeObject) -> PyResult<Value> {
    if obj.is_null() || is_none(obj) {
        return Ok(this.clone());
    }
    Ok(crate::builtins::descriptors::new_method(this.clone(), obj.clone()))
}

pub static LRU_CACHE_WRAPPER_TYPE: TypeObject = TypeObject {
    call: Slot::new(lru_call),
    descr_get: Slot::new(lru_get),
    new: Some(lru_new),
    methods: &[
        MethodDef { name: "cache_info", func: cache_info },
        MethodDef { name: "cache_clear", func: cache_clear },
        MethodDef { name: "__reduce__", func: lru_reduce },
        MethodDef { name: "__copy__", func: lru_copy },
        MethodDef { name: "__deepcopy__", func: lru_deepcopy },
    ],
    getsets: &[super::DICT_GETSET],
    ..TypeObject::builtin("functools._lru_cache_wrapper", Some(&OBJECT_TYPE), dealloc_lru, trace_lru)
};

/// The one link of bounded cache `w` (for the trace tests).
#[cfg(test)]
pub(super) fn only_link(w: &Value) -> Value {
    let links = data(w).links.borrow();
    let i = links.nodes[0].next;
    assert!(i != 0 && links.nodes[i].next == 0, "one link");
    links.nodes[i].link.clone()
}
