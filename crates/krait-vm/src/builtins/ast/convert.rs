//! Krait's syntax tree <-> `ast` objects: the two traits the generated
//! conversions (`generated.rs`) are written in, and their leaves.
//!
//! Invariants:
//! - `ToPy` makes CPython's objects: positions as `lineno`, `col_offset`,
//!   `end_lineno`, `end_col_offset` (UTF-8 byte columns, from the source's
//!   `LineIndex`), identifiers interned, constants as their values.
//! - `FromPy` reads objects as CPython's `obj2ast_*` functions do, in the
//!   same order and with the same errors: a node's positions first, then
//!   its class (`expected some sort of expr, but got ...`), then each field
//!   in `_fields` order. A missing field is `required field "x" missing
//!   from Owner`; Python None where a node is required is `field 'x' is
//!   required for Owner`, or in a list `None disallowed in ... list`.
//! - A tree read from objects has no text: each node's start and end get
//!   fresh offsets, indices into `FromPyCx::positions` (the (line, column)
//!   pairs it carries), so no two nodes share a range (the symbol table
//!   finds a node's block by its range) and `LineIndex::from_positions`
//!   turns them back into positions.

use std::rc::Rc;

use dashu_int::ops::UnsignedAbs;

use krait_syntax::ast::{Constant, Expr, ExprContext, ExprKind, Identifier, Int};
use krait_syntax::pystr::PyString;
use krait_syntax::text::{LineIndex, TextRange};

use super::generated::NODE_CLASSES;
use super::AstTypes;
use crate::builtins::bytes::{new_bytes, BYTES_TYPE};
use crate::builtins::classes;
use crate::builtins::complex::{complex_of, new_complex, COMPLEX_TYPE};
use crate::builtins::exceptions::{NOT_IMPLEMENTED_ERROR, OVERFLOW_ERROR, RECURSION_ERROR, RUNTIME_ERROR};
use crate::builtins::float::{float_of, FLOAT_TYPE};
use crate::builtins::int::{int_of, new_big, new_int, INT_TYPE};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::{as_bool, bool_value, ellipsis, is_none, none};
use crate::builtins::str::{as_str, as_str_data, intern, new_str, new_str_from_pystring, STR_TYPE};
use crate::builtins::tuple::{as_tuple, TUPLE_TYPE};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- tree -> objects ------------------------------------------------------

/// What `ToPy` needs: the classes and the source's lines.
pub struct ToPyCx<'a> {
    pub vm: &'a mut Vm,
    types: Rc<AstTypes>,
    lines: LineIndex,
    names: Vec<Value>,
}

impl<'a> ToPyCx<'a> {
    pub fn new(vm: &'a mut Vm, types: Rc<AstTypes>, lines: LineIndex) -> Self {
        let names = ["lineno", "col_offset", "end_lineno", "end_col_offset"].iter().map(|n| intern(n)).collect();
        ToPyCx { vm, types, lines, names }
    }

    /// A new instance of `class` with `fields` (in `_fields` order) and,
    /// for a node with a range, its four positions.
    pub fn node(&mut self, class: usize, fields: &[Value], range: Option<TextRange>) -> PyResult<Value> {
        let obj = classes::alloc_instance(self.types.types[class]);
        for (name, value) in NODE_CLASSES[class].fields.iter().zip(fields) {
            classes::setattr(self.vm, &obj, &intern(name), Some(value.clone()))?;
        }
        if let Some(r) = range {
            let (line, col) = self.lines.line_col(r.start);
            let (end_line, end_col) = self.lines.line_col(r.end);
            let values = [line as i64, col as i64, end_line as i64, end_col as i64];
            for (name, v) in self.names.clone().iter().zip(values) {
                classes::setattr(self.vm, &obj, name, Some(new_int(v)))?;
            }
        }
        Ok(obj)
    }

    /// The shared instance of a field-less class (`Load`, `Add`, ...).
    pub fn singleton(&mut self, class: usize) -> PyResult<Value> {
        Ok(self.types.singletons[class].clone())
    }
}

/// A part of the tree that becomes a Python object.
pub trait ToPy {
    fn to_py(&self, c: &mut ToPyCx) -> PyResult<Value>;
}

impl<T: ToPy> ToPy for Box<T> {
    fn to_py(&self, c: &mut ToPyCx) -> PyResult<Value> {
        (**self).to_py(c)
    }
}

impl<T: ToPy> ToPy for Option<T> {
    fn to_py(&self, c: &mut ToPyCx) -> PyResult<Value> {
        match self {
            Some(x) => x.to_py(c),
            None => Ok(none()),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py(&self, c: &mut ToPyCx) -> PyResult<Value> {
        let mut items = Vec::with_capacity(self.len());
        for x in self {
            items.push(x.to_py(c)?);
        }
        Ok(new_list(items))
    }
}

impl ToPy for Identifier {
    fn to_py(&self, _: &mut ToPyCx) -> PyResult<Value> {
        Ok(intern(self.as_str()))
    }
}

impl ToPy for String {
    fn to_py(&self, _: &mut ToPyCx) -> PyResult<Value> {
        Ok(new_str(self))
    }
}

impl ToPy for i64 {
    fn to_py(&self, _: &mut ToPyCx) -> PyResult<Value> {
        Ok(new_int(*self))
    }
}

impl ToPy for Constant {
    fn to_py(&self, _: &mut ToPyCx) -> PyResult<Value> {
        Ok(match self {
            Constant::None => none(),
            Constant::Bool(b) => bool_value(*b),
            Constant::Ellipsis => ellipsis(),
            Constant::Int(Int::Small(i)) => new_int(*i),
            Constant::Int(Int::Big(b)) => new_big(dashu_int::IBig::from((**b).clone())),
            Constant::Float(f) => Value::float(*f),
            Constant::Complex { real, imag } => new_complex(*real, *imag),
            Constant::Str(s) => new_str_from_pystring(s),
            Constant::Bytes(b) => new_bytes(b.clone()),
        })
    }
}

// ----- objects -> tree ------------------------------------------------------

/// What `FromPy` needs: the classes, the positions read so far, and how
/// deep it is.
pub struct FromPyCx<'a> {
    pub vm: &'a mut Vm,
    types: Rc<AstTypes>,
    /// Offset `i` of the tree being made stands for `positions[i]`.
    pub positions: Vec<(u32, u32)>,
    depth: u32,
    limit: u32,
}

/// A part of the tree read from a Python object.
pub trait FromPy: Sized {
    /// The ASDL type's name, for messages.
    const KIND: &'static str;

    /// The value of `v`, or None where CPython's conversion gives NULL
    /// (Python None for a node, an identifier or a string).
    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>>;
}

impl<'a> FromPyCx<'a> {
    pub fn new(vm: &'a mut Vm, types: Rc<AstTypes>) -> Self {
        let limit = vm.recursion_limit;
        FromPyCx { vm, types, positions: Vec::new(), depth: 0, limit }
    }

    pub fn is_none(&self, v: &Value) -> bool {
        is_none(v)
    }

    /// Which of `classes` `v` is an instance of (the first that fits, as
    /// CPython tries them in order).
    pub fn which(&mut self, v: &Value, classes: &[usize], kind: &str) -> PyResult<usize> {
        let ty = self.vm.type_of_static(v);
        for &c in classes {
            if ty.is_subtype(self.types.types[c]) {
                return Ok(c);
            }
        }
        let r = ops::repr_string(self.vm, v)?;
        Err(self.vm.type_error(format!("expected some sort of {kind}, but got {r}")))
    }

    /// The positions of a node of `kind` (`stmt`, `expr`, ...), made into a
    /// range of fresh offsets.
    pub fn range(&mut self, v: &Value, kind: &str) -> PyResult<TextRange> {
        let lineno = self.int_attr(v, "lineno", kind, None)?;
        let col_offset = self.int_attr(v, "col_offset", kind, None)?;
        // Only a pattern's end is required (`int end_lineno` in its ASDL).
        let required_end = kind == "pattern";
        let end_lineno = self.int_attr(v, "end_lineno", kind, (!required_end).then_some(lineno))?;
        let end_col_offset = self.int_attr(v, "end_col_offset", kind, (!required_end).then_some(col_offset))?;
        if matches!(kind, "stmt" | "expr" | "pattern") {
            // CPython's VALIDATE_POSITIONS.
            if lineno > end_lineno {
                return Err(self.vm.value_error(format!("AST node line range ({lineno}, {end_lineno}) is not valid")));
            }
            if (lineno < 0 && end_lineno != lineno) || (col_offset < 0 && col_offset != end_col_offset) {
                return Err(self.vm.value_error(format!(
                    "AST node column range ({col_offset}, {end_col_offset}) for line range ({lineno}, {end_lineno}) is not valid"
                )));
            }
            if lineno == end_lineno && col_offset > end_col_offset {
                return Err(self.vm.value_error(format!(
                    "line {lineno}, column {col_offset}-{end_col_offset} is not a valid range"
                )));
            }
        }
        let clamp = |x: i64| x.max(0) as u32;
        let start = self.positions.len() as u32;
        self.positions.push((clamp(lineno), clamp(col_offset)));
        self.positions.push((clamp(end_lineno), clamp(end_col_offset)));
        Ok(TextRange::new(start, start + 1))
    }

    /// An int attribute (a C int in CPython); `default` for an optional one
    /// that is missing or None.
    fn int_attr(&mut self, v: &Value, name: &str, owner: &str, default: Option<i64>) -> PyResult<i64> {
        match (ops::getattr_opt(self.vm, v, &intern(name))?, default) {
            (Some(x), Some(d)) if is_none(&x) => Ok(d),
            (Some(x), _) => c_int(self, &x),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(self.missing(name, owner)),
        }
    }

    fn missing(&mut self, name: &str, owner: &str) -> crate::vm::PyErr {
        self.vm.type_error(format!("required field \"{name}\" missing from {owner}"))
    }

    /// `v` as a `T`, one level deeper.
    fn convert<T: FromPy>(&mut self, v: &Value) -> PyResult<Option<T>> {
        // Leaves and field-less sums (`Load`, `Add`, ...) are not counted,
        // as CPython's `obj2ast_*` for them do not recurse.
        const LEAVES: [&str; 9] =
            ["identifier", "string", "int", "constant", "expr_context", "boolop", "operator", "unaryop", "cmpop"];
        if LEAVES.contains(&T::KIND) {
            return T::from_py(self, v);
        }
        if self.depth >= self.limit {
            let msg = format!("maximum recursion depth exceeded while traversing '{}' node", T::KIND);
            return Err(self.vm.error(&RECURSION_ERROR, msg));
        }
        self.depth += 1;
        let r = T::from_py(self, v);
        self.depth -= 1;
        r
    }

    /// The fields of a `Constant` node. A tuple (which a code object can
    /// hold, and an optimizer may put in a tree) becomes a `Tuple` of
    /// constants, which compiles to the same value.
    pub fn constant(&mut self, v: &Value, range: TextRange) -> PyResult<ExprKind> {
        let Some(x) = ops::getattr_opt(self.vm, v, &intern("value"))? else {
            return Err(self.missing("value", "Constant"));
        };
        let value = self.constant_value(&x, range)?;
        let kind: Option<String> = self.optional(v, "kind", "Constant")?;
        Ok(match value {
            ExprKind::Constant { value, .. } => ExprKind::Constant { value, kind },
            tuple => tuple,
        })
    }

    fn constant_value(&mut self, x: &Value, range: TextRange) -> PyResult<ExprKind> {
        if std::ptr::eq(self.vm.type_of_static(x), &INT_TYPE) {
            if let Some(VmInt::Big(b)) = int_of(x) {
                // As the parser has them: an int that fits an i64 is small;
                // a bigger negative one is the negation of its magnitude.
                if let Ok(i) = i64::try_from(b) {
                    return Ok(ExprKind::Constant { value: Constant::Int(Int::Small(i)), kind: None });
                }
                let magnitude = b.clone().unsigned_abs();
                let value = Constant::Int(Int::Big(Box::new(magnitude)));
                if *b < dashu_int::IBig::ZERO {
                    let operand = Box::new(Expr { range, kind: ExprKind::Constant { value, kind: None } });
                    return Ok(ExprKind::UnaryOp { op: krait_syntax::ast::UnaryOp::USub, operand });
                }
                return Ok(ExprKind::Constant { value, kind: None });
            }
        }
        if !std::ptr::eq(self.vm.type_of_static(x), &TUPLE_TYPE) {
            let value = self.convert::<Constant>(x)?.unwrap_or(Constant::None);
            return Ok(ExprKind::Constant { value, kind: None });
        }
        let items = as_tuple(x).expect("a tuple").items.clone();
        let mut elts = Vec::with_capacity(items.len());
        for item in &items {
            elts.push(Expr { range, kind: self.constant_value(item, range)? });
        }
        Ok(ExprKind::Tuple { elts, ctx: ExprContext::Load })
    }

    /// A required field.
    pub fn required<T: FromPy>(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<T> {
        let Some(x) = ops::getattr_opt(self.vm, v, &intern(name))? else {
            return Err(self.missing(name, owner));
        };
        if owner == "MatchSingleton" && !(is_none(&x) || as_bool(&x).is_some()) {
            // CPython reads any object here and its validator refuses it.
            return Err(self.vm.value_error("MatchSingleton can only contain True, False and None"));
        }
        match self.convert(&x)? {
            Some(t) => Ok(t),
            None => Err(self.vm.value_error(format!("field '{name}' is required for {owner}"))),
        }
    }

    /// An optional (`?`) field: missing or None is None.
    pub fn optional<T: FromPy>(&mut self, v: &Value, name: &str, _owner: &str) -> PyResult<Option<T>> {
        match ops::getattr_opt(self.vm, v, &intern(name))? {
            Some(x) if !is_none(&x) => self.convert(&x),
            _ => Ok(None),
        }
    }

    /// A list (`*`) field.
    pub fn list<T: FromPy>(&mut self, v: &Value, name: &str, owner: &str) -> PyResult<Vec<T>> {
        let Some(x) = ops::getattr_opt(self.vm, v, &intern(name))? else {
            return Err(self.missing(name, owner));
        };
        let Some(l) = as_list(&x) else {
            let t = self.vm.type_of(&x).name();
            return Err(self.vm.type_error(format!("{owner} field \"{name}\" must be a list, not a {t}")));
        };
        let n = l.items.borrow().len();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let item = l.items.borrow().get(i).cloned().unwrap_or_else(none);
            match self.convert::<T>(&item)? {
                Some(t) => out.push(t),
                None => {
                    let what = if T::KIND == "stmt" { "statement" } else { "expression" };
                    return Err(self.vm.value_error(format!("None disallowed in {what} list")));
                }
            }
            if l.items.borrow().len() != n {
                let msg = format!("{owner} field \"{name}\" changed size during iteration");
                return Err(self.vm.error(&RUNTIME_ERROR, msg));
            }
        }
        Ok(out)
    }
}

/// An int as CPython's `obj2ast_int` reads it (a C int).
fn c_int(c: &mut FromPyCx, v: &Value) -> PyResult<i64> {
    match int_of(v) {
        Some(VmInt::Small(i)) if i32::try_from(i).is_ok() => Ok(i),
        Some(_) => Err(c.vm.error(&OVERFLOW_ERROR, "Python int too large to convert to C int")),
        None => {
            let r = ops::repr_string(c.vm, v)?;
            Err(c.vm.value_error(format!("invalid integer value: {r}")))
        }
    }
}

/// Integers in the syntax tree, from the `int` module of this crate.
use crate::builtins::int::Int as VmInt;

impl<T: FromPy> FromPy for Box<T> {
    const KIND: &'static str = T::KIND;

    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        Ok(T::from_py(c, v)?.map(Box::new))
    }
}

/// A list element that may be None (`Dict.keys`, `arguments.kw_defaults`).
impl<T: FromPy> FromPy for Option<T> {
    const KIND: &'static str = T::KIND;

    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        if is_none(v) {
            return Ok(Some(None));
        }
        Ok(Some(T::from_py(c, v)?))
    }
}

impl FromPy for Identifier {
    const KIND: &'static str = "identifier";

    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        Ok(text_of(c, v, "AST identifier must be of type str")?.map(|s| Identifier::new(&s)))
    }
}

impl FromPy for String {
    const KIND: &'static str = "string";

    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        text_of(c, v, "AST string must be of type str")
    }
}

/// The text of an exact str, None for None; else a TypeError `msg`.
fn text_of(c: &mut FromPyCx, v: &Value, msg: &str) -> PyResult<Option<String>> {
    if is_none(v) {
        return Ok(None);
    }
    if !std::ptr::eq(c.vm.type_of_static(v), &STR_TYPE) {
        return Err(c.vm.type_error(msg));
    }
    match as_str(v) {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(c.vm.error(&NOT_IMPLEMENTED_ERROR, "Krait cannot compile yet: an identifier with lone surrogates")),
    }
}

impl FromPy for i64 {
    const KIND: &'static str = "int";

    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        c_int(c, v).map(Some)
    }
}

impl FromPy for Constant {
    const KIND: &'static str = "constant";

    /// Any object is read; those a code object cannot hold are CPython's
    /// `validate_constant` TypeError.
    fn from_py(c: &mut FromPyCx, v: &Value) -> PyResult<Option<Self>> {
        if is_none(v) {
            return Ok(Some(Constant::None));
        }
        if v.is(&ellipsis()) {
            return Ok(Some(Constant::Ellipsis));
        }
        if let Some(b) = as_bool(v) {
            return Ok(Some(Constant::Bool(b)));
        }
        let ty = c.vm.type_of_static(v);
        if std::ptr::eq(ty, &INT_TYPE) || v.as_small_int().is_some() {
            return match int_of(v) {
                Some(VmInt::Small(i)) => Ok(Some(Constant::Int(Int::Small(i)))),
                Some(VmInt::Big(b)) => match i64::try_from(b) {
                    Ok(i) => Ok(Some(Constant::Int(Int::Small(i)))),
                    // A negative one is made a negation by `constant`.
                    Err(_) => Ok(Some(Constant::Int(Int::Big(Box::new(b.clone().unsigned_abs()))))),
                },
                None => unreachable!("an exact int"),
            };
        }
        if std::ptr::eq(ty, &FLOAT_TYPE) || v.as_float().is_some() {
            return Ok(Some(Constant::Float(float_of(v).unwrap_or(0.0))));
        }
        if std::ptr::eq(ty, &COMPLEX_TYPE) {
            let z = complex_of(v).expect("a complex");
            return Ok(Some(Constant::Complex { real: z.re, imag: z.im }));
        }
        if std::ptr::eq(ty, &STR_TYPE) {
            let d = as_str_data(v).expect("a str");
            return Ok(Some(Constant::Str(PyString::from_bytes(d.bytes().to_vec()))));
        }
        if std::ptr::eq(ty, &BYTES_TYPE) {
            let b = crate::builtins::bytes::as_bytes(v).expect("bytes");
            return Ok(Some(Constant::Bytes(b.to_vec())));
        }
        let name = ty.name();
        if name == "frozenset" {
            return Err(c.vm.error(&NOT_IMPLEMENTED_ERROR, format!("Krait cannot compile yet: a {name} constant in an ast tree")));
        }
        Err(c.vm.type_error(format!("got an invalid type in Constant: {name}")))
    }
}
