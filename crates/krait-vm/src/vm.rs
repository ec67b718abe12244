//! The interpreter context every operation receives, and Python errors.
//!
//! Invariants:
//! - A Python exception in Rust is `Err(PyErr)`: `PyErr` owns the exception
//!   object. No Rust code reports a Python-visible error any other way, and
//!   none panics for one.
//! - `Vm::type_of` is the only way to ask a value's type: immediates map to
//!   the static `int`/`float` types, objects to their header's type.

use crate::builtins::{exceptions, float::FLOAT_TYPE, int::INT_TYPE, singletons};
use crate::types::TypeObject;
use crate::value::{Unpacked, Value};

pub type PyResult<T> = Result<T, PyErr>;

/// A raised Python exception (an instance of BaseException; the frames it
/// unwinds through are recorded on it, as `__traceback__`).
#[derive(Debug, Clone)]
pub struct PyErr {
    pub exception: Value,
}

/// The interpreter: one per thread of Python execution.
pub struct Vm {
    /// Native recursion depth (repr of nested data, ...), checked against
    /// `recursion_limit` as CPython's C recursion checks are.
    depth: u32,
    pub recursion_limit: u32,
    /// Containers whose `repr` is in progress (CPython's `Py_ReprEnter`), by
    /// address, so a self-containing list prints `[...]` (a set: nesting a
    /// million deep must not make `repr` quadratic).
    repr_stack: hashbrown::HashSet<usize>,
    /// The value stack of every frame, contiguous: a frame's locals, then
    /// its evaluation stack (see `eval`).
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<crate::eval::Frame>,
    /// `sys.modules`: modules by name (a dict).
    pub(crate) sys_modules: Value,
    /// `sys.path` (a list of str).
    pub(crate) sys_path: Value,
    /// The `builtins` namespace, made on first use.
    builtins: Value,
    /// `sys.argv`, as the system gave it (decoded as file names are:
    /// UTF-8 with surrogateescape).
    pub argv: Vec<std::ffi::OsString>,
    /// The exception being handled (`sys.exception()`), or NULL.
    pub(crate) exc_info: Value,
    /// Set by `RERAISE`: the error in flight is re-raised, so it gets no new
    /// traceback entry or `__context__` (CPython jumps past `error:`).
    pub(crate) reraising: bool,
    /// Set by `RERAISE` with a `lasti` operand: the offset the frame reports
    /// as `f_lasti` if the error leaves it (CPython's `prev_instr` restore).
    pub(crate) reraise_lasti: Option<u32>,
    /// The exception (its bits; 0 for none) that last left a nested run of
    /// frames: its `__context__` was settled where it was raised, so the
    /// caller that sees it come out of a native call must not set it again.
    pub(crate) context_settled: u64,
    /// The frame a `YIELD_VALUE` just suspended, for the generator that
    /// resumed it to take back.
    pub(crate) suspended: Option<crate::generator::SavedFrame>,
    /// Empty vectors kept for suspending generator frames (no allocation
    /// per `yield`).
    pub(crate) spare_stacks: Vec<Vec<Value>>,
    /// `sys.settrace`/`sys.setprofile` hooks (see `trace`).
    pub(crate) trace: crate::trace::TraceState,
    /// While a generator runs: the exception its caller sees (NULL for
    /// none), visible where the generator handles none itself.
    pub(crate) exc_outer: Value,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        Vm {
            depth: 0,
            recursion_limit: 1000,
            repr_stack: hashbrown::HashSet::new(),
            stack: Vec::with_capacity(1 << 12),
            frames: Vec::with_capacity(64),
            sys_modules: crate::builtins::dict::new_dict(),
            sys_path: crate::builtins::list::new_list(Vec::new()),
            builtins: Value::NULL,
            argv: Vec::new(),
            exc_info: Value::NULL,
            reraising: false,
            reraise_lasti: None,
            context_settled: 0,
            suspended: None,
            spare_stacks: Vec::new(),
            trace: crate::trace::TraceState::new(),
            exc_outer: Value::NULL,
        }
    }

    /// The exception being handled as `sys.exc_info()` sees it: the
    /// running frame's, else (in a generator) its caller's.
    pub fn topmost_exc(&self) -> Value {
        if self.exc_info.is_null() {
            self.exc_outer.clone()
        } else {
            self.exc_info.clone()
        }
    }

    /// Enter a native recursion level (`Py_EnterRecursiveCall`); `what`
    /// completes CPython's message ("while getting the repr of an object").
    /// Running out of native stack is the same error, whatever the limit.
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit || crate::stack_guard::exhausted() {
            let msg = format!("maximum recursion depth exceeded{what}");
            return Err(self.error(&exceptions::RECURSION_ERROR, msg));
        }
        self.depth += 1;
        Ok(())
    }

    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    /// Start the `repr` of container `v`; false if it is already in progress
    /// (the caller then prints its `...` form).
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        self.repr_stack.insert(v.bits() as usize)
    }

    pub fn repr_leave(&mut self, v: &Value) {
        self.repr_stack.remove(&(v.bits() as usize));
    }

    /// `type(v)`.
    #[inline]
    pub fn type_of<'v>(&self, v: &'v Value) -> &'v TypeObject {
        match v.unpack() {
            Unpacked::Int(_) => &INT_TYPE,
            Unpacked::Float(_) => &FLOAT_TYPE,
            Unpacked::Object(p) => {
                // SAFETY: `v` holds a reference to the object, and an object
                // keeps its type alive, so the type outlives the borrow of `v`.
                unsafe { &*p.type_ptr() }
            }
        }
    }

    /// The `builtins` namespace (a dict), shared by every module; its
    /// module is entered in `sys.modules` when it is made, as CPython's is
    /// at start-up.
    pub fn builtins(&mut self) -> PyResult<Value> {
        if self.builtins.is_null() {
            self.builtins = crate::builtins::functions::builtins_dict(self)?;
            let module = crate::builtins::function::new_module("builtins", self.builtins.clone());
            let modules = self.sys_modules.clone();
            let key = crate::builtins::str::new_str("builtins");
            crate::builtins::dict::as_dict(&modules).expect("a dict").set(self, key, module)?;
        }
        Ok(self.builtins.clone())
    }

    /// The `sys` module, made on first use and entered in `sys.modules`.
    pub fn sys_module(&mut self) -> PyResult<Value> {
        let key = crate::builtins::str::new_str("sys");
        if let Some(m) = crate::builtins::dict::as_dict(&self.sys_modules).and_then(|d| d.get_str(&key)) {
            return Ok(m);
        }
        let m = crate::builtins::sys::new_sys_module(self)?;
        let modules = self.sys_modules.clone();
        crate::builtins::dict::as_dict(&modules).expect("a dict").set(self, key, m.clone())?;
        Ok(m)
    }

    /// `sys.NAME` as the module holds it now (no `__getattr__`), if set;
    /// None when `sys` cannot be made.
    pub fn sys_attr(&mut self, name: &str) -> Option<Value> {
        let sys = self.sys_module().ok()?;
        let m = crate::builtins::function::as_module(&sys)?;
        crate::builtins::dict::as_dict(&m.dict)?.get_str(&crate::builtins::str::intern(name))
    }

    /// Set `sys.path` for a program run as `kind` (`script`: its file
    /// name): its folder, `''` or the working directory first, as
    /// CPython's `_PyPathConfig_ComputeSysPath0`, unless in safe-path mode.
    pub fn set_path_for(&mut self, kind: crate::run::MainKind, script: &str) {
        use crate::run::MainKind;
        let path0 = match kind {
            _ if crate::config::get().safe_path => None,
            MainKind::Script => {
                let p = std::path::Path::new(script);
                let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                Some(real.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default())
            }
            MainKind::Command | MainKind::Stdin => Some(String::new()),
            MainKind::Module => Some(std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()),
        };
        let items = crate::import::initial_path(path0.as_deref());
        let list = crate::builtins::list::as_list(&self.sys_path).expect("sys.path is a list");
        *list.items.borrow_mut() = items.iter().map(|s| crate::builtins::str::new_str(s)).collect();
    }

    /// `type(v)`, for keeping: every type lives for the rest of the
    /// program (see `types`).
    #[inline]
    pub fn type_of_static(&self, v: &Value) -> &'static TypeObject {
        let ty: *const TypeObject = self.type_of(v);
        // SAFETY: types are statics or leaked classes, never freed.
        unsafe { &*ty }
    }

    pub fn none(&self) -> Value {
        singletons::none()
    }

    pub fn not_implemented(&self) -> Value {
        singletons::not_implemented()
    }

    pub fn bool(&self, b: bool) -> Value {
        singletons::bool_value(b)
    }

    /// A new exception of type `ty` with the message `msg`, as an error.
    pub fn error(&mut self, ty: &'static TypeObject, msg: impl Into<String>) -> PyErr {
        PyErr { exception: exceptions::new_exception(self, ty, msg.into()) }
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::TYPE_ERROR, msg)
    }

    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::VALUE_ERROR, msg)
    }

    pub fn zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::ZERO_DIVISION_ERROR, msg)
    }

    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::INDEX_ERROR, msg)
    }

    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.error(&exceptions::OVERFLOW_ERROR, msg)
    }
}
