//! The printer behind `krait --dump-ast` (and later the `ast` module's
//! `dump`): byte-identical to CPython 3.11's
//! `ast.dump(tree, include_attributes=True)`.
//!
//! CPython's rules, as `Lib/ast.py` applies them: every field is printed as
//! `name=value`; a field that is `None` where the ASDL makes it optional is
//! left out; the four position attributes follow the fields.

use super::{Constant, Identifier, Int, Mod};
use crate::pystr::PyString;
use crate::repr;
use crate::text::{LineIndex, TextRange};

/// `ast.dump(tree, include_attributes=True)` for a tree parsed from `source`.
pub fn dump(tree: &Mod, source: &str) -> String {
    let lines = LineIndex::new(source);
    let mut d = Dumper { out: String::new(), lines: &lines, first: Vec::new() };
    tree.dump(&mut d);
    d.out
}

pub struct Dumper<'a> {
    out: String,
    lines: &'a LineIndex,
    /// One entry per open node: whether no argument has been written yet.
    first: Vec<bool>,
}

pub trait Dump {
    fn dump(&self, d: &mut Dumper);

    /// An optional field holding `None`, which `ast.dump` leaves out.
    fn is_absent(&self) -> bool {
        false
    }
}

impl Dumper<'_> {
    pub fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push('(');
        self.first.push(true);
    }

    pub fn close(&mut self) {
        self.first.pop();
        self.out.push(')');
    }

    fn separator(&mut self) {
        let first = self.first.last_mut().expect("argument outside a node");
        if !*first {
            self.out.push_str(", ");
        }
        *first = false;
    }

    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) {
        if value.is_absent() {
            return;
        }
        self.separator();
        self.out.push_str(name);
        self.out.push('=');
        value.dump(self);
    }

    pub fn position(&mut self, range: TextRange) {
        let (line, col) = self.lines.line_col(range.start);
        let (end_line, end_col) = self.lines.line_col(range.end);
        self.separator();
        use std::fmt::Write;
        let _ = write!(
            self.out,
            "lineno={line}, col_offset={col}, end_lineno={end_line}, end_col_offset={end_col}"
        );
    }

    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
}

impl<T: Dump> Dump for Box<T> {
    fn dump(&self, d: &mut Dumper) {
        (**self).dump(d)
    }
    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: Dump> Dump for Option<T> {
    fn dump(&self, d: &mut Dumper) {
        match self {
            Some(v) => v.dump(d),
            None => d.raw("None"),
        }
    }
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, d: &mut Dumper) {
        d.raw("[");
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                d.raw(", ");
            }
            item.dump(d);
        }
        d.raw("]");
    }
}

impl Dump for Identifier {
    fn dump(&self, d: &mut Dumper) {
        d.raw(&repr::str_repr(&PyString::from(self.as_str())));
    }
}

impl Dump for String {
    fn dump(&self, d: &mut Dumper) {
        d.raw(&repr::str_repr(&PyString::from(self.as_str())));
    }
}

impl Dump for i64 {
    fn dump(&self, d: &mut Dumper) {
        d.raw(&self.to_string());
    }
}

impl Dump for Constant {
    fn dump(&self, d: &mut Dumper) {
        let text = match self {
            Constant::None => "None".to_string(),
            Constant::Bool(true) => "True".to_string(),
            Constant::Bool(false) => "False".to_string(),
            Constant::Ellipsis => "Ellipsis".to_string(),
            Constant::Int(Int::Small(i)) => i.to_string(),
            Constant::Int(Int::Big(b)) => b.to_string(),
            Constant::Float(f) => repr::float_repr(*f),
            Constant::Complex { real, imag } => repr::complex_repr(*real, *imag),
            Constant::Str(s) => repr::str_repr(s),
            Constant::Bytes(b) => repr::bytes_repr(b),
        };
        d.raw(&text);
    }
}
