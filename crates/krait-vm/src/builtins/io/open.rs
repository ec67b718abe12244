//! `open`, `open_code` and `text_encoding` (CPython's `_iomodule.c`):
//! the mode string checked, then FileIO, a buffered object and a
//! TextIOWrapper stacked as the mode asks.

use super::buffered::{BUFFERED_RANDOM_TYPE, BUFFERED_READER_TYPE, BUFFERED_WRITER_TYPE};
use super::fileio::FILEIO_TYPE;
use super::textio::TEXTIOWRAPPER_TYPE;
use super::{call_method, DEFAULT_BUFFER_SIZE};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::ops;
use crate::types::type_value;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = crate::builtins::itertools::bind(
        vm,
        "open",
        args,
        kwnames,
        ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        8,
        1,
    )?;
    let file = file.expect("required");
    let mode_value = mode.unwrap_or_else(|| new_str("r"));
    let Some(mode) = as_str(&mode_value).map(str::to_string) else {
        let msg = format!("open() argument 'mode' must be str, not {}", vm.type_of(&mode_value).name());
        return Err(vm.type_error(msg));
    };
    let mut buffering = match &buffering {
        Some(b) => {
            if vm.type_of(b).is_subtype(&crate::builtins::float::FLOAT_TYPE) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let Some(i) = ops::index(vm, b)? else {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(b).name());
                return Err(vm.type_error(msg));
            };
            super::int_result(vm, &i)?
        }
        None => -1,
    };
    let optional_str = |vm: &mut Vm, v: &Option<Value>, what: &str| -> PyResult<Option<Value>> {
        match v {
            Some(v) if !is_none(v) => {
                if as_str(v).is_none() && crate::builtins::str::as_str_data(v).is_none() {
                    let msg = format!("open() argument '{what}' must be str or None, not {}", vm.type_of(v).name());
                    return Err(vm.type_error(msg));
                }
                Ok(Some(v.clone()))
            }
            _ => Ok(None),
        }
    };
    let encoding = optional_str(vm, &encoding, "encoding")?;
    let errors = optional_str(vm, &errors, "errors")?;
    let newline = optional_str(vm, &newline, "newline")?;
    let closefd = match &closefd {
        Some(c) => ops::truthy(vm, c)?,
        None => true,
    };
    let path_or_fd = if crate::builtins::int::int_of(&file).is_some()
        || as_str(&file).is_some()
        || crate::builtins::str::as_str_data(&file).is_some()
        || crate::builtins::bytes::as_bytes(&file).is_some()
    {
        file.clone()
    } else {
        crate::builtins::posix::path::fspath(vm, &file)?
    };

    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) =
        (false, false, false, false, false, false, false);
    for (i, c) in mode.char_indices() {
        let repeated = mode[i + c.len_utf8()..].contains(c);
        let flag = match c {
            'x' => &mut creating,
            'r' => &mut reading,
            'w' => &mut writing,
            'a' => &mut appending,
            '+' => &mut updating,
            't' => &mut text,
            'b' => &mut binary,
            _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
        };
        if repeated {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        *flag = true;
    }
    let mut rawmode = String::new();
    for (on, c) in [(creating, 'x'), (reading, 'r'), (writing, 'w'), (appending, 'a'), (updating, '+')] {
        if on {
            rawmode.push(c);
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if [creating, reading, writing, appending].iter().filter(|&&b| b).count() > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary {
        for (v, what) in [(&encoding, "an encoding"), (&errors, "an errors"), (&newline, "a newline")] {
            if v.is_some() {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let mut fileio_args = vec![path_or_fd, new_str(&rawmode), vm.bool(closefd)];
    let mut kw = Vec::new();
    if let Some(o) = opener.filter(|o| !is_none(o)) {
        fileio_args.push(o);
        kw.push(intern("opener"));
    }
    let raw = crate::eval::call(vm, &type_value(&FILEIO_TYPE), &fileio_args, &kw)?;
    let r = stack(vm, &raw, &mode, &mode_value, &mut buffering, binary, updating, creating || writing || appending, reading, [encoding, errors, newline]);
    if r.is_err() {
        let _ = call_method(vm, &raw, "close", &[]);
    }
    r
}

/// The buffered object and the text wrapper over `raw`, as the mode asks.
#[allow(clippy::too_many_arguments)]
fn stack(
    vm: &mut Vm,
    raw: &Value,
    mode: &str,
    mode_value: &Value,
    buffering: &mut i64,
    binary: bool,
    updating: bool,
    writing: bool,
    reading: bool,
    [encoding, errors, newline]: [Option<Value>; 3],
) -> PyResult<Value> {
    let mut line_buffering = false;
    let isatty = || -> PyResult<bool> { Ok(false) };
    let _ = isatty;
    if *buffering == 1 || *buffering < 0 && {
        let r = call_method(vm, raw, "isatty", &[])?;
        ops::truthy(vm, &r)?
    } {
        *buffering = -1;
        line_buffering = true;
    }
    if *buffering < 0 {
        let b = ops::getattr(vm, raw, &intern("_blksize"))?;
        *buffering = super::int_result(vm, &b)?;
        if *buffering <= 1 {
            *buffering = DEFAULT_BUFFER_SIZE as i64;
        }
    }
    if *buffering == 0 {
        if binary {
            return Ok(raw.clone());
        }
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let ty = if updating {
        &BUFFERED_RANDOM_TYPE
    } else if writing {
        &BUFFERED_WRITER_TYPE
    } else if reading {
        &BUFFERED_READER_TYPE
    } else {
        return Err(vm.value_error(format!("unknown mode: '{mode}'")));
    };
    let buffer = crate::eval::call(vm, &type_value(ty), &[raw.clone(), new_int(*buffering)], &[])?;
    if binary {
        return Ok(buffer);
    }
    let args = [
        buffer,
        encoding.unwrap_or_else(none),
        errors.unwrap_or_else(none),
        newline.unwrap_or_else(none),
        vm.bool(line_buffering),
    ];
    let wrapper = crate::eval::call(vm, &type_value(&TEXTIOWRAPPER_TYPE), &args, &[])?;
    crate::builtins::classes::setattr(vm, &wrapper, &intern("mode"), Some(mode_value.clone()))?;
    Ok(wrapper)
}

/// `open_code(path)`: `open(path, 'rb')` for a str path.
pub fn open_code(vm: &mut Vm, f: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path] = crate::builtins::itertools::bind(vm, "open_code", args, kwnames, ["path"], 1, 1)?;
    let path = path.expect("required");
    if crate::builtins::str::as_str_data(&path).is_none() {
        let msg = format!("open_code() argument 'path' must be str, not {}", vm.type_of(&path).name());
        return Err(vm.type_error(msg));
    }
    open(vm, f, &[path, new_str("rb")], &[])
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding, or "locale"
/// for None (UTF-8 mode would say "utf-8").
pub fn text_encoding(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [encoding, _] = crate::builtins::itertools::bind(vm, "text_encoding", args, kwnames, ["encoding", "stacklevel"], 2, 1)?;
    let encoding = encoding.expect("required");
    if !is_none(&encoding) {
        return Ok(encoding);
    }
    let utf8_mode = super::textio::locale_encoding() == "utf-8";
    Ok(new_str(if utf8_mode { "utf-8" } else { "locale" }))
}
