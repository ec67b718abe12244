//! Docs of the functions of the `sys` module.

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "breakpointhook" => "breakpointhook(*args, **kws)\n\n\
            What breakpoint() calls: by default, the debugger that the\n\
            PYTHONBREAKPOINT environment variable names (pdb.set_trace).",
        "displayhook" => "displayhook($module, object, /)\n--\n\n\
            Print the repr of object to sys.stdout and store it in builtins._,\n\
            unless it is None (what the interactive prompt does with a value).",
        "excepthook" => "excepthook($module, exctype, value, traceback, /)\n--\n\n\
            Print an uncaught exception and its traceback to sys.stderr.",
        "unraisablehook" => "unraisablehook($module, unraisable, /)\n--\n\n\
            Report an exception that cannot be raised (in __del__, a weakref\n\
            callback, ...) to sys.stderr; unraisable has exc_type, exc_value,\n\
            exc_traceback, err_msg and object attributes.",
        "_clear_type_cache" => "_clear_type_cache($module, /)\n--\n\nEmpty the method cache of types.",
        "_current_exceptions" => "_current_exceptions($module, /)\n--\n\n\
            A dict mapping each thread's identifier to the exception it is handling.",
        "_current_frames" => "_current_frames($module, /)\n--\n\n\
            A dict mapping each thread's identifier to its innermost frame.",
        "_debugmallocstats" => "_debugmallocstats($module, /)\n--\n\nPrint allocator statistics to stderr.",
        "_getframe" => "_getframe($module, depth=0, /)\n--\n\n\
            The frame depth calls below the top of the call stack (0: the\n\
            caller's); ValueError when the stack is not that deep.",
        "_getquickenedcount" => "_getquickenedcount($module, /)\n--\n\nThe number of code objects specialized so far.",
        "addaudithook" => "addaudithook($module, /, hook)\n--\n\n\
            Add hook to the functions that audit events are passed to.",
        "audit" => "audit(event, *args)\n\n\
            Pass an audit event to the hooks added by sys.addaudithook().",
        "call_tracing" => "call_tracing($module, func, args, /)\n--\n\n\
            Call func(*args) with tracing enabled, from inside a trace function.",
        "exc_info" => "exc_info($module, /)\n--\n\n\
            The exception being handled as (type, value, traceback), or\n\
            (None, None, None).",
        "exception" => "exception($module, /)\n--\n\nThe exception being handled, or None.",
        "exit" => "exit($module, status=None, /)\n--\n\n\
            Leave the interpreter by raising SystemExit(status).\n\n\
            status None or 0 means success; another integer is the exit\n\
            status; any other object is printed to stderr and the status is 1.",
        "get_asyncgen_hooks" => "get_asyncgen_hooks($module, /)\n--\n\n\
            The (firstiter, finalizer) hooks of asynchronous generators.",
        "get_coroutine_origin_tracking_depth" => "get_coroutine_origin_tracking_depth($module, /)\n--\n\n\
            How many frames a coroutine records of where it was made.",
        "get_int_max_str_digits" => "get_int_max_str_digits($module, /)\n--\n\n\
            The digit limit of conversions between int and str (0: none).",
        "getallocatedblocks" => "getallocatedblocks($module, /)\n--\n\n\
            The number of memory blocks the interpreter has allocated.",
        "getdefaultencoding" => "getdefaultencoding($module, /)\n--\n\nThe default string encoding: 'utf-8'.",
        "getdlopenflags" => "getdlopenflags($module, /)\n--\n\nThe flags dlopen() is called with for extension modules.",
        "getfilesystemencodeerrors" => "getfilesystemencodeerrors($module, /)\n--\n\n\
            The error handler of conversions between str and file names.",
        "getfilesystemencoding" => "getfilesystemencoding($module, /)\n--\n\n\
            The encoding of conversions between str and file names.",
        "getprofile" => "getprofile($module, /)\n--\n\nThe profile function sys.setprofile() set, or None.",
        "getrecursionlimit" => "getrecursionlimit($module, /)\n--\n\n\
            The maximum depth of the Python call stack, past which RecursionError.",
        "getrefcount" => "getrefcount($module, object, /)\n--\n\n\
            The reference count of object (one more than elsewhere: the argument).",
        "getsizeof" => "getsizeof(object [, default]) -> int\n\n\
            The size of object in memory, in bytes, by its __sizeof__() plus\n\
            the collector's header; default when it cannot be told.",
        "getswitchinterval" => "getswitchinterval($module, /)\n--\n\n\
            How often, in seconds, threads are asked to switch.",
        "gettrace" => "gettrace($module, /)\n--\n\nThe trace function sys.settrace() set, or None.",
        "intern" => "intern($module, string, /)\n--\n\n\
            The interned string equal to string, interning it first if need be.",
        "is_finalizing" => "is_finalizing($module, /)\n--\n\nTrue while the interpreter is shutting down.",
        "set_asyncgen_hooks" => "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\n\
            Set the hooks called when an asynchronous generator is first\n\
            iterated (firstiter) and when it is about to be collected (finalizer).",
        "set_coroutine_origin_tracking_depth" => "set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\n\
            Make coroutines record depth frames of where they were made\n\
            (cr_origin); 0 turns it off.",
        "set_int_max_str_digits" => "set_int_max_str_digits($module, /, maxdigits)\n--\n\n\
            Set the digit limit of conversions between int and str (0: none).",
        "setdlopenflags" => "setdlopenflags($module, flags, /)\n--\n\n\
            Set the flags dlopen() is called with for extension modules.",
        "setprofile" => "setprofile(function)\n\n\
            Set the profile function, called on calls and returns (None removes it).",
        "setrecursionlimit" => "setrecursionlimit($module, limit, /)\n--\n\n\
            Set the maximum depth of the Python call stack.",
        "setswitchinterval" => "setswitchinterval($module, interval, /)\n--\n\n\
            Set how often, in seconds, threads are asked to switch.",
        "settrace" => "settrace(function)\n\n\
            Set the trace function, called on each line, call, return and\n\
            exception (None removes it).",
        _ => return None,
    })
}
