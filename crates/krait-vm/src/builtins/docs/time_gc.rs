//! Docs of the functions of the `time` and `gc` modules.

pub fn time_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "asctime" => "asctime([tuple]) -> string\n\n\
            A time tuple (the local time by default) as a 24-character string\n\
            like 'Sat Jun 06 16:26:11 1998'.",
        "clock_getres" => "clock_getres(clk_id) -> floating point number\n\nThe resolution of clock clk_id, in seconds.",
        "clock_gettime" => "clock_gettime(clk_id) -> float\n\nThe time of clock clk_id, in seconds.",
        "clock_gettime_ns" => "clock_gettime_ns(clk_id) -> int\n\nThe time of clock clk_id, in nanoseconds.",
        "ctime" => "ctime(seconds) -> string\n\n\
            Seconds since the Epoch (now by default) as a local time string, as asctime() writes it.",
        "get_clock_info" => "get_clock_info(name: str) -> dict\n\n\
            What clock name ('time', 'monotonic', 'perf_counter', ...) is:\n\
            its implementation, resolution, and whether it is adjustable and monotonic.",
        "gmtime" => "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n\
                                   tm_sec, tm_wday, tm_yday, tm_isdst)\n\n\
            Seconds since the Epoch (now by default) as a UTC struct_time.",
        "localtime" => "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n\
                                      tm_sec,tm_wday,tm_yday,tm_isdst)\n\n\
            Seconds since the Epoch (now by default) as a local struct_time.",
        "mktime" => "mktime(tuple) -> floating point number\n\n\
            The inverse of localtime(): a local time tuple as seconds since the Epoch.",
        "monotonic" => "monotonic() -> float\n\nA clock that never goes back, in seconds.",
        "monotonic_ns" => "monotonic_ns() -> int\n\nA clock that never goes back, in nanoseconds.",
        "perf_counter" => "perf_counter() -> float\n\nThe clock with the best resolution for timing, in seconds.",
        "perf_counter_ns" => "perf_counter_ns() -> int\n\nThe clock with the best resolution for timing, in nanoseconds.",
        "process_time" => "process_time() -> float\n\nThe CPU time of the process (user and system), in seconds.",
        "process_time_ns" => "process_time() -> int\n\nThe CPU time of the process (user and system), in nanoseconds.",
        "sleep" => "sleep(seconds)\n\nSuspend the calling thread for seconds (a float may give fractions).",
        "strftime" => "strftime(format[, tuple]) -> string\n\n\
            A time tuple (the local time by default) formatted by the % directives of format.",
        "strptime" => "strptime(string, format) -> struct_time\n\n\
            The time string parsed by the % directives of format (see _strptime).",
        "thread_time" => "thread_time() -> float\n\nThe CPU time of the current thread, in seconds.",
        "thread_time_ns" => "thread_time() -> int\n\nThe CPU time of the current thread, in nanoseconds.",
        "time" => "time() -> floating point number\n\nThe current time in seconds since the Epoch.",
        "time_ns" => "time_ns() -> int\n\nThe current time in nanoseconds since the Epoch.",
        "tzset" => "tzset()\n\nRead the TZ environment variable again and reset the time zone data.",
        _ => return None,
    })
}

pub fn gc_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "collect" => "collect($module, /, generation=2)\n--\n\n\
            Collect the generations up to generation and return the number of\n\
            unreachable objects found.",
        "disable" => "disable($module, /)\n--\n\nTurn automatic collection off.",
        "enable" => "enable($module, /)\n--\n\nTurn automatic collection on.",
        "freeze" => "freeze($module, /)\n--\n\n\
            Move every tracked object to a permanent generation that collections ignore.",
        "get_count" => "get_count($module, /)\n--\n\nThe current collection counts of the three generations.",
        "get_debug" => "get_debug($module, /)\n--\n\nThe debugging flags.",
        "get_freeze_count" => "get_freeze_count($module, /)\n--\n\nThe number of objects in the permanent generation.",
        "get_objects" => "get_objects($module, /, generation=None)\n--\n\n\
            A list of the objects the collector tracks (of one generation, if given).",
        "get_referents" => "get_referents(*objs) -> list\n\nThe objects the arguments refer to directly.",
        "get_referrers" => "get_referrers(*objs) -> list\n\nThe tracked objects that refer directly to any argument.",
        "get_stats" => "get_stats($module, /)\n--\n\nA dict of statistics per generation since the start.",
        "get_threshold" => "get_threshold($module, /)\n--\n\nThe collection thresholds of the three generations.",
        "is_finalized" => "is_finalized($module, obj, /)\n--\n\nTrue when the collector has run obj's finalizer.",
        "is_tracked" => "is_tracked($module, obj, /)\n--\n\nTrue when the collector tracks obj.",
        "isenabled" => "isenabled($module, /)\n--\n\nTrue when automatic collection is on.",
        "set_debug" => "set_debug($module, flags, /)\n--\n\nSet the debugging flags (gc.DEBUG_*).",
        "set_threshold" => "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\n\
            Set the collection thresholds; 0 for threshold0 turns collection off.",
        "unfreeze" => "unfreeze($module, /)\n--\n\n\
            Move the permanent generation's objects back to the oldest generation.",
        _ => return None,
    })
}
