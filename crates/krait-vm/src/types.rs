//! Type objects and their slots.
//!
//! Invariants:
//! - A type object is a heap object like any other (`#[repr(C)]`, an
//!   `ObjHeader` first), so `type(x)` is a `Value` and a type's type is
//!   `type`. Built-in types are statics, immortal, their slots filled at
//!   compile time (`TypeObject::builtin(..)` plus the slots they have).
//! - Slots are filled once per type. Operations dispatch through them, never
//!   through attribute look-up by name; classes defined in Python will fill
//!   them with wrappers that call their dunder methods.
//! - A binary number slot receives both operands in order and returns
//!   `NotImplemented` (`Vm::not_implemented`) when it does not handle the
//!   pair; `ops::binary_op` then tries the reflected operand, as CPython.
//! - `trace` visits every reference an object's payload holds (the cycle
//!   collector's view of the object), and exists from the day the type does.
//! - Every type object lives for the rest of the program, so `&'static
//!   TypeObject` is how Rust holds one: built-in types are statics; classes
//!   (`heap` types) are leaked, immortal. PROVISIONAL: in CPython a class
//!   is always in a reference cycle (its `__mro__` holds it), so only the
//!   cycle collector frees one; classes become collectable with it.
//! - A class's slots are filled when it is made (`classes::new_class`):
//!   a slot whose dunder some class in the MRO defines gets a wrapper that
//!   looks the dunder up and calls it; the others inherit the built-in
//!   base's slot.

use std::cell::Cell;

use crate::object::{ObjHeader, ObjPtr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A function handed each reference an object holds.
pub type Visit<'a> = &'a mut dyn FnMut(&Value);

pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type BinaryFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
pub type RichCompareFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Value>;
/// `callable(*args)` with the last `kwnames.len()` arguments passed by
/// keyword (the evaluation loop's vectorcall convention).
pub type CallFn = fn(&mut Vm, &Value, &[Value], &[Value]) -> PyResult<Value>;
/// `obj.name`, with `name` a `str`.
pub type GetAttrFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
/// `cls(*args)` for a built-in type `cls`.
pub type NewFn = fn(&mut Vm, &'static TypeObject, &[Value], &[Value]) -> PyResult<Value>;
/// `obj.name = value`, or `del obj.name` when `value` is `None`.
pub type SetAttrFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// A descriptor's `__get__(obj, owner)`; `obj` is NULL for a look-up on
/// the class itself.
pub type DescrGetFn = fn(&mut Vm, &Value, &Value, &'static TypeObject) -> PyResult<Value>;
/// A data descriptor's `__set__(obj, value)`, or `__delete__(obj)` when
/// `value` is `None`.
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `seq * n` for a sequence (CPython's `sq_repeat`); `n` is already a
/// non-negative count.
pub type RepeatFn = fn(&mut Vm, &Value, usize) -> PyResult<Value>;
/// The next item of an iterator, or `None` when it is exhausted (no
/// StopIteration object is made for a plain exhaustion).
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
/// `item in container` (CPython's `sq_contains`).
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
/// `container[key] = value`, or `del container[key]` when `value` is
/// `None` (CPython's `mp_ass_subscript`).
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;

/// The six rich comparisons, in CPython's `Py_LT..Py_GE` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The operator's symbol, as CPython's error messages spell it.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
}

/// The binary number operators, in the order of CPython's `NB_*` codes
/// (3.11's `BINARY_OP` argument), so the compiler and the VM share them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDivide,
        BinOp::Lshift,
        BinOp::MatrixMultiply,
        BinOp::Multiply,
        BinOp::Remainder,
        BinOp::Or,
        BinOp::Power,
        BinOp::Rshift,
        BinOp::Subtract,
        BinOp::TrueDivide,
        BinOp::Xor,
    ];

    /// The in-place operator's symbol (`+=`), as its error message shows it.
    pub fn inplace_symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+=",
            BinOp::And => "&=",
            BinOp::FloorDivide => "//=",
            BinOp::Lshift => "<<=",
            BinOp::MatrixMultiply => "@=",
            BinOp::Multiply => "*=",
            BinOp::Remainder => "%=",
            BinOp::Or => "|=",
            BinOp::Power => "**=",
            BinOp::Rshift => ">>=",
            BinOp::Subtract => "-=",
            BinOp::TrueDivide => "/=",
            BinOp::Xor => "^=",
        }
    }

    /// The operator's symbol in CPython's "unsupported operand type(s)" message.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDivide => "//",
            BinOp::Lshift => "<<",
            BinOp::MatrixMultiply => "@",
            BinOp::Multiply => "*",
            BinOp::Remainder => "%",
            BinOp::Or => "|",
            BinOp::Power => "** or pow()",
            BinOp::Rshift => ">>",
            BinOp::Subtract => "-",
            BinOp::TrueDivide => "/",
            BinOp::Xor => "^",
        }
    }
}

/// The number protocol: one slot per binary operator (`BinOp` order), and
/// the unary ones.
pub struct NumberSlots {
    pub binary: [Option<BinaryFn>; 13],
    /// The in-place forms (`a += b`), tried before `binary`; `None` or
    /// `NotImplemented` falls back to it.
    pub inplace: [Option<BinaryFn>; 13],
    pub negative: Option<UnaryFn>,
    pub positive: Option<UnaryFn>,
    pub invert: Option<UnaryFn>,
    pub absolute: Option<UnaryFn>,
    /// `divmod(a, b)`, dispatched as a binary operator (`nb_divmod`).
    pub divmod: Option<BinaryFn>,
    /// `int(x)`, `float(x)` and `operator.index(x)` of a built-in number
    /// (`nb_int`, `nb_float`, `nb_index`): what `x.__int__()` and friends
    /// call. Classes answer these through their dunders.
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
}

impl NumberSlots {
    pub const EMPTY: NumberSlots = NumberSlots {
        binary: [None; 13],
        inplace: [None; 13],
        negative: None,
        positive: None,
        invert: None,
        absolute: None,
        divmod: None,
        int: None,
        float: None,
        index: None,
    };

    #[inline]
    pub fn get(&self, op: BinOp) -> Option<BinaryFn> {
        self.binary[op as usize]
    }
}

/// A type slot: the function an operation dispatches through, or none.
/// A class's slots change when one of its dunders is assigned or deleted
/// (CPython's `update_slot`), so a slot is a cell; reading one is a plain
/// load.
#[repr(transparent)]
pub struct Slot<F: Copy>(Cell<Option<F>>);

impl<F: Copy> Slot<F> {
    pub const fn new(f: F) -> Slot<F> {
        Slot(Cell::new(Some(f)))
    }

    pub const fn none() -> Slot<F> {
        Slot(Cell::new(None))
    }

    #[inline(always)]
    pub fn get(&self) -> Option<F> {
        self.0.get()
    }

    pub fn set(&self, f: Option<F>) {
        self.0.set(f)
    }

    #[inline]
    pub fn is_some(&self) -> bool {
        self.0.get().is_some()
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        self.0.get().is_none()
    }
}

#[repr(C)]
pub struct TypeObject {
    pub header: ObjHeader,
    /// `__name__` (`tp_name` without a module prefix); a class's may be
    /// reassigned (`cls.__name__ = ...`), so it is read through `name()`.
    pub tp_name: std::cell::Cell<&'static str>,
    /// `__base__`; `None` only for `object`.
    pub base: Option<&'static TypeObject>,
    /// Free an object of this type whose count reached zero.
    pub dealloc: unsafe fn(ObjPtr),
    /// Visit every reference the object holds.
    pub trace: fn(ObjPtr, Visit),
    pub repr: Slot<UnaryFn>,
    pub str: Slot<UnaryFn>,
    pub hash: Slot<HashFn>,
    pub richcompare: Slot<RichCompareFn>,
    pub bool: Slot<BoolFn>,
    pub len: Slot<LenFn>,
    pub number: Cell<&'static NumberSlots>,
    /// The sequence protocol's `+` and `*` (CPython's `sq_concat`,
    /// `sq_repeat` and their in-place forms), tried after the number slots
    /// return `NotImplemented`.
    pub concat: Slot<BinaryFn>,
    pub repeat: Slot<RepeatFn>,
    pub inplace_concat: Slot<BinaryFn>,
    pub inplace_repeat: Slot<RepeatFn>,
    pub call: Slot<CallFn>,
    pub getattr: Slot<GetAttrFn>,
    pub setattr: Slot<SetAttrFn>,
    pub descr_get: Slot<DescrGetFn>,
    pub descr_set: Slot<DescrSetFn>,
    pub iter: Slot<UnaryFn>,
    pub next: Slot<NextFn>,
    pub getitem: Slot<BinaryFn>,
    /// `container[key] = value` and `del container[key]`.
    pub setitem: Slot<SetItemFn>,
    /// `item in container`; without it, `in` iterates.
    pub contains: Slot<ContainsFn>,
    /// `cls(*args)`: make an instance (CPython's `tp_new` + `tp_init` for
    /// the built-in types).
    pub new: Option<NewFn>,
    /// `__init__` of the mutable built-ins (`dict`, `list`, `set`), whose
    /// `__new__` makes an empty object when called for a subclass; `new`
    /// does both for the built-in itself.
    pub init: Option<CallFn>,
    /// The methods of a built-in type (found by attribute look-up along the
    /// base chain; each receives the instance as its first parameter).
    pub methods: &'static [MethodDef],
    /// Class methods of a built-in type (`dict.fromkeys`): each receives
    /// the class as its first parameter.
    pub class_methods: &'static [MethodDef],
    /// Static methods of a built-in type (`str.maketrans`): in its
    /// `__dict__` as `staticmethod` objects over built-in functions, whose
    /// receiver argument is the type.
    pub static_methods: &'static [MethodDef],
    /// Data attributes of a built-in type's instances.
    pub getsets: &'static [GetSetDef],
    /// What a class (a type made by a `class` statement or `type(...)`)
    /// has beyond the slots; `None` for the built-in types.
    pub heap: Option<&'static crate::builtins::classes::HeapType>,
    /// CPython's `tp_flags`, as far as Krait keeps them (`tp_flags`
    /// below); a class's are set when it is made (and may be by ABC
    /// registration, hence the cell).
    pub flags: Cell<u32>,
    /// A built-in type's namespace (`__dict__`: its slot wrappers, methods
    /// and data descriptors), a dict made on the first look-up by
    /// `slot_wrappers::builtin_dict`, never changed or freed (the type owns
    /// the reference); unused by classes, whose namespace is `heap.dict`.
    pub dict: Cell<Option<ObjPtr>>,
}

/// The `tp_flags` bits Krait keeps, with CPython's values: what kind of
/// subject a `match` statement sees in an instance.
pub mod tp_flags {
    /// Matches sequence patterns (`Py_TPFLAGS_SEQUENCE`).
    pub const SEQUENCE: u32 = 1 << 5;
    /// Matches mapping patterns (`Py_TPFLAGS_MAPPING`).
    pub const MAPPING: u32 = 1 << 6;
    /// A class pattern's single positional sub-pattern matches the subject
    /// itself when the class has no `__match_args__`
    /// (`_Py_TPFLAGS_MATCH_SELF`).
    pub const MATCH_SELF: u32 = 1 << 22;
    /// The class has abstract methods: `object.__new__` refuses it
    /// (`Py_TPFLAGS_IS_ABSTRACT`, set by assigning `__abstractmethods__`).
    pub const IS_ABSTRACT: u32 = 1 << 20;
    /// A class in the MRO defines `__del__`: freeing an instance first
    /// runs it (see `finalize`).
    pub const HAS_DEL: u32 = 1 << 0;
}

/// Assigning (`Some`) or deleting (`None`) a built-in type's data attribute.
pub type SetterFn = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// A data attribute of a built-in type's instances, read by `get`
/// (CPython's `PyGetSetDef`, or a `PyMemberDef` when `member`): the type
/// answers `Type.name` with a descriptor for it.
#[derive(Clone, Copy)]
pub struct GetSetDef {
    pub name: &'static str,
    pub get: fn(&mut Vm, &Value) -> PyResult<Value>,
    /// Assigning (`Some`) or deleting (`None`) it; `None` here: read-only.
    pub set: Option<SetterFn>,
    /// Shown as a `member_descriptor` (a C struct member in CPython)
    /// rather than a `getset_descriptor`.
    pub member: bool,
}

/// A method of a built-in type: `func(vm, self, args, kwnames)`.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: CallFn,
}

// SAFETY: type objects are only touched while holding the interpreter lock
// (one thread runs Python at a time, as in CPython); their `Cell` count is
// never accessed concurrently.
unsafe impl Sync for TypeObject {}

impl TypeObject {
    /// A static built-in type with no slots but `dealloc` and `trace`; fill
    /// the others with struct-update syntax.
    pub const fn builtin(
        name: &'static str,
        base: Option<&'static TypeObject>,
        dealloc: unsafe fn(ObjPtr),
        trace: fn(ObjPtr, Visit),
    ) -> TypeObject {
        TypeObject {
            header: ObjHeader::immortal(&TYPE_TYPE),
            tp_name: std::cell::Cell::new(name),
            base,
            dealloc,
            trace,
            repr: Slot::none(),
            str: Slot::none(),
            hash: Slot::none(),
            richcompare: Slot::none(),
            bool: Slot::none(),
            len: Slot::none(),
            number: Cell::new(&NumberSlots::EMPTY),
            concat: Slot::none(),
            repeat: Slot::none(),
            inplace_concat: Slot::none(),
            inplace_repeat: Slot::none(),
            call: Slot::none(),
            getattr: Slot::none(),
            setattr: Slot::none(),
            descr_get: Slot::none(),
            descr_set: Slot::none(),
            iter: Slot::none(),
            next: Slot::none(),
            getitem: Slot::none(),
            setitem: Slot::none(),
            contains: Slot::none(),
            new: None,
            init: None,
            methods: &[],
            class_methods: &[],
            static_methods: &[],
            getsets: &[],
            heap: None,
            flags: Cell::new(0),
            dict: Cell::new(None),
        }
    }

    /// The type's own type: `type`, or a metaclass.
    pub fn header_type(&'static self) -> &'static TypeObject {
        // SAFETY: every type object's type is a type object, and types
        // live for the rest of the program.
        unsafe { &*self.as_ptr().type_ptr() }
    }

    pub fn as_ptr(&'static self) -> ObjPtr {
        ObjPtr::from_static_type(self)
    }

    /// Is this type `other` or a subclass of it?
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        // CPython's `PyType_IsSubtype`: the MRO when there is one (a
        // metaclass's `mro()` may leave the class itself out), else the
        // base chain.
        if let Some(heap) = &self.heap {
            let mro = heap.mro();
            if !mro.is_empty() {
                return mro.iter().any(|t| std::ptr::eq(*t, other));
            }
        }
        let mut t = Some(self);
        while let Some(ty) = t {
            if std::ptr::eq(ty, other) {
                return true;
            }
            t = ty.base;
        }
        false
    }
}

impl TypeObject {
    /// `__name__`.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.tp_name.get()
    }

    /// The method resolution order (`__mro__`): a class's as computed
    /// (the class, then its bases in C3 order, unless its metaclass's
    /// `mro()` said otherwise; nothing while it is being computed); a
    /// built-in type's is its base chain.
    #[inline]
    pub fn mro(&'static self) -> Mro {
        match self.heap {
            Some(heap) => Mro { list: heap.mro().iter(), chain: None },
            None => Mro { list: [].iter(), chain: Some(self) },
        }
    }

    /// The type's name with its module for a class not in `builtins`
    /// (`mod.Class`), as `repr` of a type shows it.
    pub fn full_name(&self) -> String {
        match &self.heap {
            Some(heap) => {
                let module = heap.module_name();
                match module.as_deref() {
                    Some(m) if m != "builtins" => format!("{}.{}", m, heap.qualname()),
                    _ => heap.qualname(),
                }
            }
            None => self.name().to_string(),
        }
    }
}

/// The types of an MRO, in order.
pub struct Mro {
    list: std::slice::Iter<'static, &'static TypeObject>,
    chain: Option<&'static TypeObject>,
}

impl Iterator for Mro {
    type Item = &'static TypeObject;

    fn next(&mut self) -> Option<&'static TypeObject> {
        if let Some(t) = self.list.next() {
            return Some(t);
        }
        let t = self.chain?;
        self.chain = t.base;
        Some(t)
    }
}

/// `trace` for payloads that hold no references.
pub fn trace_nothing(_: ObjPtr, _: Visit) {}

/// The `dealloc` of static objects, whose count never reaches zero.
///
/// # Safety
/// Always safe: it does nothing (it is `unsafe` only to fit the slot).
pub unsafe fn never_dealloc(_: ObjPtr) {}

/// `object`, the root of every type. `object()` is an instance with no
/// payload.
pub static OBJECT_TYPE: TypeObject = TypeObject {
    repr: Slot::new(crate::builtins::class_slots::default_repr),
    str: Slot::new(crate::ops::repr),
    hash: Slot::new(|_, v| Ok(crate::ops::hash_identity(v))),
    richcompare: Slot::new(object_richcompare),
    getattr: Slot::new(crate::builtins::classes::generic_getattr),
    setattr: Slot::new(crate::builtins::classes::generic_setattr),
    new: Some(crate::builtins::method_descriptors::object_new),
    methods: &crate::builtins::object_methods::OBJECT_METHODS,
    class_methods: &crate::builtins::object_methods::OBJECT_CLASS_METHODS,
    getsets: &crate::builtins::object_methods::OBJECT_GETSETS,
    ..TypeObject::builtin("object", None, dealloc_object, trace_nothing)
};

unsafe fn dealloc_object(p: ObjPtr) {
    // SAFETY: `object()` instances are allocated as Obj<()>.
    unsafe { crate::object::dealloc_boxed::<()>(p) }
}

/// `object.__eq__` is identity; `object.__ne__` inverts the type's `==`
/// (CPython's `object_richcompare`).
fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) { vm.bool(true) } else { vm.not_implemented() }),
        CompareOp::Ne => {
            let Some(eq) = vm.type_of(a).richcompare.get() else { return Ok(vm.not_implemented()) };
            let r = eq(vm, a, b, CompareOp::Eq)?;
            if crate::builtins::singletons::is_not_implemented(&r) {
                return Ok(r);
            }
            let t = crate::ops::truthy(vm, &r)?;
            Ok(vm.bool(!t))
        }
        _ => Ok(vm.not_implemented()),
    }
}

/// `type`, the type of every type. Calling a type makes an instance
/// through its `new` slot.
pub static TYPE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let ty = as_type(v).expect("type slot on a type");
        Ok(crate::builtins::str::new_str(&format!("<class '{}'>", ty.full_name())))
    }),
    call: Slot::new(|vm, callable, args, kwnames| {
        let ty = as_type(callable).expect("type slot on a type");
        let Some(new) = ty.new else {
            return Err(vm.type_error(format!("cannot create '{}' instances", ty.name())));
        };
        let obj = new(vm, ty, args, kwnames)?;
        // `type(name, bases, dict)` whose bases chose a metaclass of their
        // own: that metaclass's `__init__` runs too (CPython's type_call).
        if std::ptr::eq(ty, &TYPE_TYPE) && args.len() - kwnames.len() == 3 {
            crate::builtins::classes::init_by_metaclass(vm, &obj, args, kwnames)?;
        }
        Ok(obj)
    }),
    new: Some(type_new),
    methods: &crate::builtins::classes::TYPE_METHODS,
    class_methods: &crate::builtins::classes::TYPE_CLASS_METHODS,
    getsets: crate::builtins::type_attrs::TYPE_GETSETS,
    number: Cell::new(&crate::builtins::generic_alias::TYPE_NUMBER),
    // `type.__init__(cls, name, bases, dict, **kwds)` checks only the count.
    init: Some(|vm, _, args, kwnames| {
        let npos = args.len() - kwnames.len();
        if npos != 1 && npos != 3 {
            return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
        }
        Ok(crate::builtins::singletons::none())
    }),
    getattr: Slot::new(crate::builtins::classes::type_getattr),
    setattr: Slot::new(crate::builtins::classes::type_setattr),
    getitem: Slot::new(|vm, v, key| {
        let ty = as_type(v).expect("type slot on a type");
        // `type[int]`, which CPython's `PyObject_GetItem` special-cases
        // (`type` has no `__class_getitem__`).
        if std::ptr::eq(ty, &TYPE_TYPE) {
            return crate::builtins::generic_alias::class_getitem(vm, v, std::slice::from_ref(key), &[]);
        }
        let name = crate::builtins::str::new_str("__class_getitem__");
        match crate::builtins::classes::type_lookup(ty, &name) {
            Some(f) => {
                let bound = match vm.type_of(&f).descr_get.get() {
                    Some(get) => get(vm, &f, &Value::NULL, ty)?,
                    None => f,
                };
                crate::eval::call(vm, &bound, std::slice::from_ref(key), &[])
            }
            None => Err(vm.type_error(format!("type '{}' is not subscriptable", ty.name()))),
        }
    }),
    ..TypeObject::builtin("type", Some(&OBJECT_TYPE), never_dealloc, trace_nothing)
};

/// `type(object)`: the type of a value; `type(name, bases, dict)`: a new
/// class.
pub fn type_new(vm: &mut Vm, meta: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    match &args[..npos] {
        [x] if kwnames.is_empty() && std::ptr::eq(meta, &TYPE_TYPE) => Ok(type_value(vm.type_of_static(x))),
        [name, bases, dict] => {
            let Some(name) = crate::builtins::str::as_str_data(name) else {
                let msg = format!("type.__new__() argument 1 must be str, not {}", vm.type_of(name).name());
                return Err(vm.type_error(msg));
            };
            let Some(bases) = crate::builtins::tuple::as_tuple(bases).map(|t| t.items.clone()) else {
                let msg = format!("type.__new__() argument 2 must be tuple, not {}", vm.type_of(bases).name());
                return Err(vm.type_error(msg));
            };
            if crate::builtins::dict::as_dict(dict).is_none() {
                let msg = format!("type.__new__() argument 3 must be dict, not {}", vm.type_of(dict).name());
                return Err(vm.type_error(msg));
            }
            let name = crate::builtins::type_attrs::check_type_name(vm, name)?;
            crate::builtins::classes::type_new3(vm, meta, &name, &bases, dict, args, kwnames)
        }
        // `type(x)` and `type(name, bases, dict)` are the only forms of
        // `type` itself; a metaclass reaches `type.__new__`'s own check.
        _ if std::ptr::eq(meta, &TYPE_TYPE) => Err(vm.type_error("type() takes 1 or 3 arguments")),
        _ => Err(vm.type_error(format!("type.__new__() takes exactly 3 arguments ({npos} given)"))),
    }
}

/// The type object a value is, if it is one.
pub fn as_type(v: &Value) -> Option<&'static TypeObject> {
    let p = v.as_object()?;
    if std::ptr::eq(p.type_ptr(), &TYPE_TYPE) || is_metaclass(p.ty()) {
        // SAFETY: objects whose type is `type` are TypeObjects; every type
        // lives for the rest of the program (statics or leaked classes).
        Some(unsafe { &*(p.addr() as *const TypeObject) })
    } else {
        None
    }
}

/// Is `t` a class derived from `type` (a metaclass)?
#[inline(never)]
fn is_metaclass(t: &TypeObject) -> bool {
    t.heap.is_some() && t.is_subtype(&TYPE_TYPE)
}

/// A value for a static type object.
pub fn type_value(ty: &'static TypeObject) -> Value {
    Value::from_borrowed(ty.as_ptr())
}
