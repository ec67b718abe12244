//! The `time` module (CPython's `Modules/timemodule.c`): clocks, sleeping,
//! calendar time through the C library (`gmtime_r`, `localtime_r`,
//! `mktime`, `strftime`) and the time zone.
//!
//! Invariants:
//! - Clocks are read in integer nanoseconds (`clock_gettime`); the float
//!   functions divide as CPython's `_PyTime_AsSecondsDouble` does, so
//!   `time()` and `time_ns()` agree to the last bit CPython's do.
//! - A broken-down time is `sys_calls::Tm` in Python's conventions (full
//!   year, months from 1, Monday first, days of the year from 1);
//!   `struct_time` holds them, plus `tm_zone` and `tm_gmtoff` as
//!   attributes only.
//! - Time tuples given back are checked as CPython's `gettmarg` and
//!   `checktm` do, with the same messages.
//! - `timezone`, `altzone`, `daylight` and `tzname` are CPython's glibc
//!   reckoning: the local zone in January and in July of this year.

use crate::builtins::dict::as_dict;
use crate::builtins::float::float_of;
use crate::builtins::function::new_module;
use crate::builtins::int::{new_big, new_int};
use crate::builtins::namespace::{make_struct_seq, struct_seq_type_with};
use crate::builtins::posix::path::fs_decode;
use crate::builtins::posix::sys_calls::{self, Tm};
use crate::builtins::posix::{errno_error, no_args, one_arg, positional};
use crate::builtins::singletons::is_none;
use crate::builtins::str::{as_str_data, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::types::{type_value, CallFn, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const SEC: i128 = 1_000_000_000;

/// The module's functions.
const FUNCTIONS: &[(&str, CallFn)] = &[
    ("time", |vm, _, a, k| clock_float(vm, "time.time", a, k, sys_calls::CLOCK_REALTIME)),
    ("time_ns", |vm, _, a, k| clock_int(vm, "time.time_ns", a, k, sys_calls::CLOCK_REALTIME)),
    ("monotonic", |vm, _, a, k| clock_float(vm, "time.monotonic", a, k, sys_calls::CLOCK_MONOTONIC)),
    ("monotonic_ns", |vm, _, a, k| clock_int(vm, "time.monotonic_ns", a, k, sys_calls::CLOCK_MONOTONIC)),
    ("perf_counter", |vm, _, a, k| clock_float(vm, "time.perf_counter", a, k, sys_calls::CLOCK_MONOTONIC)),
    ("perf_counter_ns", |vm, _, a, k| clock_int(vm, "time.perf_counter_ns", a, k, sys_calls::CLOCK_MONOTONIC)),
    ("process_time", |vm, _, a, k| clock_float(vm, "time.process_time", a, k, sys_calls::CLOCK_PROCESS_CPUTIME_ID)),
    ("process_time_ns", |vm, _, a, k| clock_int(vm, "time.process_time_ns", a, k, sys_calls::CLOCK_PROCESS_CPUTIME_ID)),
    ("thread_time", |vm, _, a, k| clock_float(vm, "time.thread_time", a, k, sys_calls::CLOCK_THREAD_CPUTIME_ID)),
    ("thread_time_ns", |vm, _, a, k| clock_int(vm, "time.thread_time_ns", a, k, sys_calls::CLOCK_THREAD_CPUTIME_ID)),
    ("clock_gettime", clock_gettime),
    ("clock_gettime_ns", clock_gettime_ns),
    ("clock_getres", clock_getres),
    ("sleep", sleep),
    ("gmtime", |vm, _, a, k| broken_down(vm, "gmtime", a, k, false)),
    ("localtime", |vm, _, a, k| broken_down(vm, "localtime", a, k, true)),
    ("mktime", mktime),
    ("asctime", asctime),
    ("ctime", ctime),
    ("strftime", strftime),
    ("strptime", strptime),
    ("get_clock_info", get_clock_info),
    ("tzset", tzset),
];

/// The `time` module.
pub fn new_time_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "time", DOC, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    let clocks = [
        ("CLOCK_REALTIME", sys_calls::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", sys_calls::CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", sys_calls::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", sys_calls::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ];
    for (name, c) in clocks {
        dd.set(vm, new_str(name), new_int(c as i64))?;
    }
    let ty = struct_time_type(vm)?;
    dd.set(vm, new_str("struct_time"), type_value(ty))?;
    // The fields a struct_time has, its two named-only ones included.
    dd.set(vm, new_str("_STRUCT_TM_ITEMS"), new_int(11))?;
    set_timezone(vm, &d)?;
    Ok(new_module("time", d))
}

/// The module's docstring (CPython's first paragraph).
const DOC: &str = "This module provides various functions to manipulate time values.";

/// `time.struct_time`, made on first use.
fn struct_time_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    let fields = [
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
    ];
    struct_seq_type_with(vm, "time", "struct_time", &fields, 9, None)
}

// ----- clocks -------------------------------------------------------------------

/// Nanoseconds as seconds, as `_PyTime_AsSecondsDouble`.
fn ns_to_seconds(ns: i128) -> f64 {
    if ns % SEC == 0 {
        (ns / SEC) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn read_clock(clock: i32) -> PyResult<i128> {
    sys_calls::clock_ns(clock).map_err(|e| errno_error(e, None, None))
}

fn clock_float(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value], clock: i32) -> PyResult<Value> {
    no_args(vm, qualname, args, kwnames)?;
    Ok(Value::float(ns_to_seconds(read_clock(clock)?)))
}

fn clock_int(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value], clock: i32) -> PyResult<Value> {
    no_args(vm, qualname, args, kwnames)?;
    Ok(new_big(read_clock(clock)?.into()))
}

/// The one argument of a `PyArg_ParseTuple` function called `name`.
fn exactly_one<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    match args {
        [one] => Ok(one),
        _ => Err(vm.type_error(format!("{name}() takes exactly 1 argument ({} given)", args.len()))),
    }
}

/// A clock id argument (clock_gettime_ns reports itself as
/// clock_gettime, as CPython's format string does).
fn clock_id(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<i32> {
    let c = exactly_one(vm, name, args, kwnames)?;
    crate::builtins::posix::c_int(vm, c)
}

/// `time.clock_gettime(clk_id, /)`.
fn clock_gettime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = clock_id(vm, "clock_gettime", args, kwnames)?;
    Ok(Value::float(ns_to_seconds(read_clock(c)?)))
}

/// `time.clock_gettime_ns(clk_id, /)`.
fn clock_gettime_ns(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = clock_id(vm, "clock_gettime", args, kwnames)?;
    Ok(new_big(read_clock(c)?.into()))
}

/// `time.clock_getres(clk_id, /)`.
fn clock_getres(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let c = clock_id(vm, "clock_getres", args, kwnames)?;
    let r = sys_calls::clock_resolution(c).map_err(|e| errno_error(e, None, None))?;
    Ok(Value::float(r))
}

/// `time.get_clock_info(name)`.
fn get_clock_info(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let arg = exactly_one(vm, "get_clock_info", args, kwnames)?;
    let Some(name) = crate::builtins::str::as_str(arg).map(str::to_string) else {
        let msg = format!("get_clock_info() argument 1 must be str, not {}", vm.type_of(arg).name());
        return Err(vm.type_error(msg));
    };
    let (implementation, clock, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", sys_calls::CLOCK_REALTIME, false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", sys_calls::CLOCK_MONOTONIC, true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", sys_calls::CLOCK_PROCESS_CPUTIME_ID, true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", sys_calls::CLOCK_THREAD_CPUTIME_ID, true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let resolution = sys_calls::clock_resolution(clock).map_err(|e| errno_error(e, None, None))?;
    let items = [
        ("implementation", new_str(implementation)),
        ("monotonic", vm.bool(monotonic)),
        ("adjustable", vm.bool(adjustable)),
        ("resolution", Value::float(resolution)),
    ];
    crate::builtins::namespace::new_namespace(vm, &items)
}

/// `time.sleep(secs)`.
fn sleep(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let secs = one_arg(vm, "time.sleep", args, kwnames)?;
    let ns = if let Some(x) = float_of(secs) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        // _PyTime_ROUND_TIMEOUT rounds up.
        let ns = (x * 1e9).ceil();
        if !(-9.2e18..9.2e18).contains(&ns) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        ns as i128
    } else {
        let too_large = "timestamp too large to convert to C _PyTime_t";
        let s = crate::builtins::posix::int_in(vm, secs, i64::MIN, i64::MAX, too_large)?;
        let ns = s as i128 * SEC;
        if i64::try_from(ns).is_err() {
            return Err(vm.overflow_error(too_large));
        }
        ns
    };
    if ns < 0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let deadline = read_clock(sys_calls::CLOCK_MONOTONIC)? + ns;
    let mut left = ns;
    loop {
        match sys_calls::sleep_ns(left) {
            Ok(()) => break,
            Err(libc::EINTR) => {
                crate::builtins::signal::check_signals(vm)?;
                left = deadline - read_clock(sys_calls::CLOCK_MONOTONIC)?;
                if left <= 0 {
                    break;
                }
            }
            Err(e) => return Err(errno_error(e, None, None)),
        }
    }
    Ok(vm.none())
}

// ----- calendar time -------------------------------------------------------------

/// Seconds since the epoch from an optional argument (None: now), floored
/// (`_PyTime_ObjectToTime_t` with `_PyTime_ROUND_FLOOR`).
fn seconds_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !is_none(v)) else {
        return Ok((read_clock(sys_calls::CLOCK_REALTIME)?.div_euclid(SEC)) as i64);
    };
    if let Some(x) = float_of(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = x.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(f as i64);
    }
    crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, "timestamp out of range for platform time_t")
}

/// The C library's broken-down time, as OSError when it has none.
fn break_down(secs: i64, local: bool) -> PyResult<Tm> {
    sys_calls::broken_down(secs, local).map_err(|e| errno_error(e, None, None))
}

/// A `struct_time` of `tm`.
fn struct_time(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let ty = struct_time_type(vm)?;
    let zone = fs_decode(vm, tm.zone.as_deref().unwrap_or_default())?;
    let values = vec![
        new_int(tm.year),
        new_int(tm.mon as i64),
        new_int(tm.mday as i64),
        new_int(tm.hour as i64),
        new_int(tm.min as i64),
        new_int(tm.sec as i64),
        new_int(tm.wday as i64),
        new_int(tm.yday as i64),
        new_int(tm.isdst as i64),
        zone,
        new_int(tm.gmtoff),
    ];
    make_struct_seq(vm, ty, values)
}

/// `time.gmtime([seconds])` and `time.localtime([seconds])`.
fn broken_down(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value], local: bool) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, fname, kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("{fname}() takes at most 1 argument ({} given)", args.len())));
    }
    let secs = seconds_arg(vm, args.first())?;
    let tm = break_down(secs, local)?;
    struct_time(vm, &tm)
}

/// A time tuple or struct_time argument (CPython's `gettmarg`).
fn time_tuple(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<Tm> {
    let Some(t) = as_tuple(v) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    let items = t.items.clone();
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = crate::builtins::posix::format_i(vm, item)?;
    }
    let mut tm = Tm {
        year: n[0],
        mon: n[1] as i32,
        mday: n[2] as i32,
        hour: n[3] as i32,
        min: n[4] as i32,
        sec: n[5] as i32,
        wday: n[6] as i32,
        yday: n[7] as i32,
        isdst: n[8] as i32,
        gmtoff: 0,
        zone: None,
    };
    // A struct_time carries its zone along.
    let ty = struct_time_type(vm)?;
    if vm.type_of(v).is_subtype(ty) {
        let zone = crate::ops::getattr(vm, v, &new_str("tm_zone"))?;
        if as_str_data(&zone).is_some() {
            let mut bytes = crate::builtins::codecs::encode(vm, as_str_data(&zone).expect("a str"), crate::builtins::codecs::Codec::Utf8, "strict")?;
            // The C string ends at the first NUL.
            bytes.truncate(bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len()));
            tm.zone = Some(bytes);
        } else if !is_none(&zone) {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let off = crate::ops::getattr(vm, v, &new_str("tm_gmtoff"))?;
        if !is_none(&off) {
            tm.gmtoff = crate::builtins::posix::int_in(vm, &off, i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
        }
    }
    Ok(tm)
}

/// Check a time tuple's fields for `strftime` and `asctime` (CPython's
/// `checktm`), mending the zeros it allows.
fn check_tm(vm: &mut Vm, tm: &mut Tm) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    } else if !(1..=12).contains(&tm.mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    // gettmarg's `(wday + 1) % 7` bounds it above; C's % keeps the sign.
    if (tm.wday + 1) % 7 < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.yday == 0 {
        tm.yday = 1;
    } else if !(1..=366).contains(&tm.yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

/// `time.mktime(t)`.
fn mktime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = one_arg(vm, "time.mktime", args, kwnames)?;
    let tm = time_tuple(vm, "mktime", t)?;
    match sys_calls::mktime(&tm) {
        Some(secs) => Ok(Value::float(secs as f64)),
        None => Err(vm.overflow_error("mktime argument out of range")),
    }
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Sun Jun 20 23:21:05 1993` (CPython's `_asctime`).
fn asctime_text(tm: &Tm) -> String {
    let wday = WEEKDAYS[((tm.wday + 1) % 7 + 6) as usize % 7];
    let mon = MONTHS[(tm.mon - 1).clamp(0, 11) as usize];
    format!("{wday} {mon}{:3} {:02}:{:02}:{:02} {}", tm.mday, tm.hour, tm.min, tm.sec, tm.year)
}

/// `time.asctime([t])`.
fn asctime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "asctime", args, kwnames, 0, 1)?;
    let mut tm = match args.first() {
        Some(t) => time_tuple(vm, "asctime", t)?,
        None => {
            let secs = seconds_arg(vm, None)?;
            break_down(secs, true)?
        }
    };
    check_tm(vm, &mut tm)?;
    Ok(new_str(&asctime_text(&tm)))
}

/// `time.ctime([secs])`.
fn ctime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "ctime", args, kwnames, 0, 1)?;
    let secs = seconds_arg(vm, args.first())?;
    let tm = break_down(secs, true)?;
    Ok(new_str(&asctime_text(&tm)))
}

/// `time.strftime(format[, t])`.
fn strftime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "strftime", kwnames)?;
    let (format, t) = match args {
        [f] => (f, None),
        [f, t] => (f, Some(t)),
        _ => {
            let (how, n) = if args.is_empty() { ("at least", 1) } else { ("at most", 2) };
            return Err(vm.type_error(format!("strftime() takes {how} {n} argument{} ({} given)", if n == 1 { "" } else { "s" }, args.len())));
        }
    };
    if as_str_data(format).is_none() {
        let msg = format!("strftime() argument 1 must be str, not {}", vm.type_of(format).name());
        return Err(vm.type_error(msg));
    }
    let mut tm = match t {
        Some(t) => time_tuple(vm, "strftime", t)?,
        None => {
            let secs = seconds_arg(vm, None)?;
            break_down(secs, true)?
        }
    };
    check_tm(vm, &mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    let fmt = crate::builtins::posix::path::fs_encode(vm, format)?;
    let Some(fmt) = sys_calls::c_string(&fmt) else {
        return Err(vm.value_error("embedded null character"));
    };
    let out = sys_calls::strftime(&fmt, &tm);
    fs_decode(vm, &out)
}

/// `time.strptime(string, format='%a %b %d %H:%M:%S %Y')`: CPython's own
/// `_strptime._strptime_time`.
fn strptime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let module = crate::import::import_module(vm, "_strptime")?;
    let f = crate::ops::getattr(vm, &module, &new_str("_strptime_time"))?;
    crate::eval::call(vm, &f, args, kwnames)
}

// ----- the time zone ---------------------------------------------------------------

/// `timezone`, `altzone`, `daylight` and `tzname` from the local zone in
/// January and July (CPython's `init_timezone` for glibc).
fn set_timezone(vm: &mut Vm, module_dict: &Value) -> PyResult<()> {
    sys_calls::tzset();
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = read_clock(sys_calls::CLOCK_REALTIME)?.div_euclid(SEC) as i64;
    let t = now / YEAR * YEAR;
    let jan = break_down(t, true)?;
    let jul = break_down(t + YEAR / 2, true)?;
    let (jan_zone, jul_zone) = (-jan.gmtoff, -jul.gmtoff);
    let (jan_name, jul_name) = (fs_decode(vm, jan.zone.as_deref().unwrap_or_default())?, fs_decode(vm, jul.zone.as_deref().unwrap_or_default())?);
    let (timezone, altzone, names) = if jan_zone < jul_zone {
        // The southern hemisphere: daylight saving time in January.
        (jul_zone, jan_zone, [jul_name, jan_name])
    } else {
        (jan_zone, jul_zone, [jan_name, jul_name])
    };
    let d = as_dict(module_dict).expect("a dict");
    d.set(vm, new_str("timezone"), new_int(timezone))?;
    d.set(vm, new_str("altzone"), new_int(altzone))?;
    d.set(vm, new_str("daylight"), new_int((jan_zone != jul_zone) as i64))?;
    d.set(vm, new_str("tzname"), new_tuple(names.to_vec()))?;
    Ok(())
}

/// `time.tzset()`: read `TZ` again and reset the zone attributes.
fn tzset(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "time.tzset", args, kwnames)?;
    let module = crate::import::import_module(vm, "time")?;
    if let Some(m) = crate::builtins::function::as_module(&module) {
        let d = m.dict.clone();
        set_timezone(vm, &d)?;
    }
    Ok(vm.none())
}
