//! `_csv.reader`: CPython's state machine over the lines an iterable
//! gives, one record per `next`.
//!
//! Invariants:
//! - Each `next` starts from a fresh record (CPython's `parse_reset`) and
//!   keeps its parse state in locals, so nothing is borrowed while the
//!   input iterator's Python code runs; only `line_num` persists.
//! - The end of each line is fed to the machine as `None` (CPython's
//!   `EOL`), apart from every code point, so NUL is ordinary data.

use std::cell::Cell;

use super::{csv_error, field_limit, make_dialect, unpack_one_or_two, Dialect, QUOTE_NONE, QUOTE_NONNUMERIC};
use crate::builtins::itertools::{dealloc_payload, iter_self, payload, trace_payload, Payload};
use crate::builtins::list::new_list;
use crate::builtins::str::{as_str_data, new_str_from_pystring};
use crate::types::{type_value, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Reader {
    input_iter: Value,
    dialect: Value,
    line_num: Cell<i64>,
}

impl Payload for Reader {
    fn ty() -> &'static TypeObject {
        &READER_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.input_iter);
        visit(&self.dialect);
    }
}

pub static READER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(iter_self),
    next: Slot::new(reader_next),
    getsets: &[
        GetSetDef { name: "dialect", get: |_, v| Ok(payload::<Reader>(v).dialect.clone()), set: None, member: true },
        GetSetDef {
            name: "line_num",
            get: |_, v| Ok(crate::builtins::int::new_int(payload::<Reader>(v).line_num.get())),
            set: None,
            member: true,
        },
    ],
    ..TypeObject::builtin("_csv.reader", Some(&OBJECT_TYPE), dealloc_payload::<Reader>, trace_payload::<Reader>)
};

/// `reader(iterable[, dialect='excel'][, **fmtparams])`.
pub(super) fn csv_reader(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (iterable, dialect, kw) = unpack_one_or_two(vm, args, kwnames)?;
    let input_iter = crate::ops::iter(vm, iterable)?;
    let dialect = make_dialect(vm, dialect, kw, kwnames)?;
    let r = Reader { input_iter, dialect, line_num: Cell::new(0) };
    Ok(Value::from_owned(crate::object::alloc(&READER_TYPE, r)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One record being parsed.
struct Parser<'d> {
    d: &'d Dialect,
    state: State,
    fields: Vec<Value>,
    field: Vec<u32>,
    numeric_field: bool,
}

const LF: u32 = '\n' as u32;
const CR: u32 = '\r' as u32;

fn is_line_end(c: Option<u32>) -> bool {
    matches!(c, None | Some(LF | CR))
}

impl Parser<'_> {
    /// The field so far as a str (a float under QUOTE_NONNUMERIC when it
    /// was not quoted), appended to the record.
    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let mut s = krait_syntax::pystr::PyString::new();
        for &c in &self.field {
            s.push_code_point(c);
        }
        self.field.clear();
        let mut v = new_str_from_pystring(&s);
        if self.numeric_field {
            self.numeric_field = false;
            v = crate::eval::call(vm, &type_value(&crate::builtins::float::FLOAT_TYPE), &[v], &[])?;
        }
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, vm: &mut Vm, c: u32) -> PyResult<()> {
        let limit = field_limit();
        if self.field.len() as i64 >= limit {
            return Err(csv_error(vm, &format!("field larger than field limit ({limit})")));
        }
        self.field.push(c);
        Ok(())
    }

    /// After a field that ends at `c` (a line end or the end of the line).
    fn end_record(&mut self, vm: &mut Vm, c: Option<u32>) -> PyResult<()> {
        self.save_field(vm)?;
        self.state = if c.is_none() { State::StartRecord } else { State::EatCrnl };
        Ok(())
    }

    /// Feed one code point, or the end of a line (`None`).
    fn process(&mut self, vm: &mut Vm, c: Option<u32>) -> PyResult<()> {
        let d = self.d;
        let quoting_on = d.quoting != QUOTE_NONE;
        match self.state {
            State::StartRecord => {
                match c {
                    None => return Ok(()),
                    Some(LF | CR) => {
                        self.state = State::EatCrnl;
                        return Ok(());
                    }
                    _ => {}
                }
                self.state = State::StartField;
                self.start_field(vm, c)
            }
            State::StartField => self.start_field(vm, c),
            State::EscapedChar => {
                if let Some(ch @ (LF | CR)) = c {
                    self.add_char(vm, ch)?;
                    self.state = State::AfterEscapedCrnl;
                    return Ok(());
                }
                self.add_char(vm, c.unwrap_or(LF))?;
                self.state = State::InField;
                Ok(())
            }
            State::AfterEscapedCrnl if c.is_none() => Ok(()),
            State::AfterEscapedCrnl | State::InField => {
                if is_line_end(c) {
                    self.end_record(vm, c)
                } else if c == d.escapechar {
                    self.state = State::EscapedChar;
                    Ok(())
                } else if c == Some(d.delimiter) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                    Ok(())
                } else {
                    // AFTER_ESCAPED_CRNL stays until the line's end.
                    self.add_char(vm, c.expect("not a line end"))
                }
            }
            State::InQuotedField => {
                match c {
                    None => {}
                    Some(_) if c == d.escapechar => self.state = State::EscapeInQuotedField,
                    Some(_) if c == d.quotechar && quoting_on => {
                        self.state = if d.doublequote { State::QuoteInQuotedField } else { State::InField };
                    }
                    Some(ch) => self.add_char(vm, ch)?,
                }
                Ok(())
            }
            State::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or(LF))?;
                self.state = State::InQuotedField;
                Ok(())
            }
            State::QuoteInQuotedField => {
                if let Some(q) = c.filter(|&ch| quoting_on && Some(ch) == d.quotechar) {
                    // "" is a quote.
                    self.add_char(vm, q)?;
                    self.state = State::InQuotedField;
                    Ok(())
                } else if c == Some(d.delimiter) {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                    Ok(())
                } else if is_line_end(c) {
                    self.end_record(vm, c)
                } else if !d.strict {
                    self.add_char(vm, c.expect("not a line end"))?;
                    self.state = State::InField;
                    Ok(())
                } else {
                    let delim = char::from_u32(d.delimiter).unwrap_or('?');
                    let quote = d.quotechar.and_then(char::from_u32).unwrap_or('?');
                    Err(csv_error(vm, &format!("'{delim}' expected after '{quote}'")))
                }
            }
            State::EatCrnl => match c {
                Some(LF | CR) => Ok(()),
                None => {
                    self.state = State::StartRecord;
                    Ok(())
                }
                Some(_) => Err(csv_error(
                    vm,
                    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                )),
            },
        }
    }

    fn start_field(&mut self, vm: &mut Vm, c: Option<u32>) -> PyResult<()> {
        let d = self.d;
        let Some(ch) = c.filter(|&ch| ch != LF && ch != CR) else {
            return self.end_record(vm, c);
        };
        if Some(ch) == d.quotechar && d.quoting != QUOTE_NONE {
            self.state = State::InQuotedField;
        } else if Some(ch) == d.escapechar {
            self.state = State::EscapedChar;
        } else if ch == ' ' as u32 && d.skipinitialspace {
            // Spaces at the start of a field are skipped.
        } else if ch == d.delimiter {
            self.save_field(vm)?;
        } else {
            if d.quoting == QUOTE_NONNUMERIC {
                self.numeric_field = true;
            }
            self.add_char(vm, ch)?;
            self.state = State::InField;
        }
        Ok(())
    }
}

/// `next(reader)`: the next record, as a list of fields.
fn reader_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let r = payload::<Reader>(this);
    let input = r.input_iter.clone();
    let dialect_value = r.dialect.clone();
    let d = payload::<Dialect>(&dialect_value);
    let mut p = Parser { d, state: State::StartRecord, fields: Vec::new(), field: Vec::new(), numeric_field: false };
    loop {
        let Some(line) = crate::ops::next(vm, &input)? else {
            if !p.field.is_empty() || p.state == State::InQuotedField {
                if d.strict {
                    return Err(csv_error(vm, "unexpected end of data"));
                }
                p.save_field(vm)?;
                break;
            }
            return Ok(None);
        };
        let Some(text) = as_str_data(&line) else {
            let msg = format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                vm.type_of(&line).name()
            );
            return Err(csv_error(vm, &msg));
        };
        let r = payload::<Reader>(this);
        r.line_num.set(r.line_num.get() + 1);
        for c in text.code_points() {
            p.process(vm, Some(c))?;
        }
        p.process(vm, None)?;
        if p.state == State::StartRecord {
            break;
        }
    }
    Ok(Some(new_list(p.fields)))
}
