//! `_csv.writer`: records joined by CPython's quoting and escaping rules
//! and passed to the file's `write`.
//!
//! Invariants:
//! - A field is quoted when the quoting style says so (QUOTE_ALL, or
//!   QUOTE_NONNUMERIC for a non-number) or, under QUOTE_MINIMAL and
//!   QUOTE_NONNUMERIC, when it holds the delimiter, the quote character or
//!   a character of the line terminator; a quote is doubled (doublequote)
//!   or escaped; the escape character itself, and under QUOTE_NONE every
//!   special character, is escaped (an Error without an escapechar).
//! - A record is built whole before `write` is called once with it.

use super::{csv_error, is_type_error, make_dialect, unpack_one_or_two, Dialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::builtins::classes::type_lookup;
use crate::builtins::itertools::{dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str_from_pystring};
use crate::types::{GetSetDef, MethodDef, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Writer {
    write: Value,
    dialect: Value,
}

impl Payload for Writer {
    fn ty() -> &'static TypeObject {
        &WRITER_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.write);
        visit(&self.dialect);
    }
}

pub static WRITER_TYPE: TypeObject = TypeObject {
    getsets: &[GetSetDef { name: "dialect", get: |_, v| Ok(payload::<Writer>(v).dialect.clone()), set: None, member: true }],
    methods: &[
        MethodDef { name: "writerow", func: |vm, this, args, kwnames| {
            let row = one_arg(vm, "writerow", args, kwnames)?;
            writerow(vm, this, &row)
        } },
        MethodDef { name: "writerows", func: writerows },
    ],
    ..TypeObject::builtin("_csv.writer", Some(&OBJECT_TYPE), dealloc_payload::<Writer>, trace_payload::<Writer>)
};

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [x] => Ok(x.clone()),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// `writer(fileobj[, dialect='excel'][, **fmtparams])`.
pub(super) fn csv_writer(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (file, dialect, kw) = unpack_one_or_two(vm, args, kwnames)?;
    let write = match crate::ops::getattr_opt(vm, file, &intern("write"))? {
        Some(w) if crate::ops::is_callable(vm, &w) => w,
        _ => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = make_dialect(vm, dialect, kw, kwnames)?;
    Ok(Value::from_owned(crate::object::alloc(&WRITER_TYPE, Writer { write, dialect })))
}

/// Whether `v` is a number (CPython's `PyNumber_Check`: it converts by
/// `__index__`, `__int__` or `__float__`, or is a complex).
fn is_number(vm: &Vm, v: &Value) -> bool {
    let ty = vm.type_of_static(v);
    ty.is_subtype(&crate::builtins::complex::COMPLEX_TYPE)
        || ["__index__", "__int__", "__float__"].iter().any(|n| type_lookup(ty, &intern(n)).is_some())
}

/// A record being joined.
struct Record<'d> {
    d: &'d Dialect,
    out: Vec<u32>,
    num_fields: usize,
}

impl Record<'_> {
    /// Append one field (`None`: an empty one) with its separator.
    fn append(&mut self, vm: &mut Vm, field: Option<&Value>, mut quoted: bool) -> PyResult<()> {
        let d = self.d;
        let lineterminator: Vec<u32> = as_str_data(&d.lineterminator).map(|s| s.code_points().collect()).unwrap_or_default();
        let mut body = Vec::new();
        if let Some(s) = field.and_then(as_str_data) {
            for c in s.code_points() {
                let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || lineterminator.contains(&c);
                if special {
                    let mut want_escape = false;
                    if d.quoting == QUOTE_NONE {
                        want_escape = true;
                    } else {
                        if Some(c) == d.quotechar {
                            if d.doublequote {
                                body.push(c);
                            } else {
                                want_escape = true;
                            }
                        } else if Some(c) == d.escapechar {
                            want_escape = true;
                        }
                        if !want_escape {
                            quoted = true;
                        }
                    }
                    if want_escape {
                        let Some(esc) = d.escapechar else {
                            return Err(csv_error(vm, "need to escape, but no escapechar set"));
                        };
                        body.push(esc);
                    }
                }
                body.push(c);
            }
        }
        if self.num_fields > 0 {
            self.out.push(d.delimiter);
        }
        let quote = d.quotechar.unwrap_or(0);
        if quoted {
            self.out.push(quote);
        }
        self.out.extend_from_slice(&body);
        if quoted {
            self.out.push(quote);
        }
        self.num_fields += 1;
        Ok(())
    }
}

/// `writer.writerow(row)`: the row joined and written; what `write`
/// returned.
fn writerow(vm: &mut Vm, this: &Value, row: &Value) -> PyResult<Value> {
    let w = payload::<Writer>(this);
    let (write, dialect_value) = (w.write.clone(), w.dialect.clone());
    let d = payload::<Dialect>(&dialect_value);
    let iter = match crate::ops::iter(vm, row) {
        Ok(it) => it,
        Err(e) if is_type_error(vm, &e) => {
            let msg = format!("iterable expected, not {}", vm.type_of(row).name());
            return Err(csv_error(vm, &msg));
        }
        Err(e) => return Err(e),
    };
    let mut rec = Record { d, out: Vec::new(), num_fields: 0 };
    while let Some(field) = crate::ops::next(vm, &iter)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        if as_str_data(&field).is_some() {
            rec.append(vm, Some(&field), quoted)?;
        } else if is_none(&field) {
            rec.append(vm, None, quoted)?;
        } else {
            let s = crate::ops::str(vm, &field)?;
            rec.append(vm, Some(&s), quoted)?;
        }
    }
    if rec.num_fields > 0 && rec.out.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        rec.num_fields -= 1;
        rec.append(vm, None, true)?;
    }
    if let Some(lt) = as_str_data(&d.lineterminator) {
        rec.out.extend(lt.code_points());
    }
    let mut line = krait_syntax::pystr::PyString::new();
    for &c in &rec.out {
        line.push_code_point(c);
    }
    crate::eval::call(vm, &write, &[new_str_from_pystring(&line)], &[])
}

/// `writer.writerows(rows)`: `writerow` for each row.
fn writerows(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let rows = one_arg(vm, "writerows", args, kwnames)?;
    let iter = crate::ops::iter(vm, &rows)?;
    while let Some(row) = crate::ops::next(vm, &iter)? {
        writerow(vm, this, &row)?;
    }
    Ok(none())
}
