//! The command line, read as CPython 3.11 reads it (`Python/getopt.c` and
//! `config_parse_cmdline`): the options, the program to run and its
//! `sys.argv`.
//!
//! Invariants:
//! - Options are read up to the first argument that is not one (the
//!   script, or `-` for standard input), `--`, or `-c`/`-m`, which end the
//!   option list: what follows belongs to the program's `sys.argv`.
//! - Single-letter options combine (`-IEc CODE`); an option's argument is
//!   the rest of its word or the next word (`-Xdev`, `-X dev`).
//! - A bad command line prints CPython's message and usage lines on
//!   stderr and exits 2; `-h`/`-V` print on stdout and exit 0.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

use krait_vm::config::Config;

/// What the command line asks for.
pub enum Action {
    Run { program: Program, argv: Vec<OsString> },
    /// Print this text on stdout and exit 0 (`-h`, `-V`, ...).
    Print(String),
    /// Print this text on stderr and exit 2.
    Usage(String),
    /// Print this text on stderr and exit 1 (CPython's fatal errors at
    /// start-up).
    Fatal(String),
}

/// Where the main program comes from.
pub enum Program {
    /// `-c CODE` (the code as given, not yet decoded).
    Command(OsString),
    /// `-m MODULE`.
    Module(OsString),
    Script(OsString),
    /// Standard input: `-`, or no program at all.
    Stdin,
}

/// The options that take an argument, and those that take none.
const WITH_ARG: &[u8] = b"cmWX";
const FLAGS: &[u8] = b"bBdEhiIOPqRsStuvVx?";

/// The usage lines every command-line error ends with.
pub fn usage_error(program: &str, msg: &str) -> String {
    format!("{msg}\nusage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n")
}

/// Read the command line (`args[0]` is the program's name) into a
/// configuration and what to do.
pub fn parse(args: &[OsString]) -> (Config, Action) {
    let name = args.first().map(|a| a.to_string_lossy().into_owned()).unwrap_or_else(|| "krait".into());
    let mut config = Config::default();
    let mut warn_cmdline: Vec<String> = Vec::new();
    let mut print_version = 0;
    let mut program: Option<Program> = None;
    let mut random_hash = false;
    let mut i = 1;
    'words: while i < args.len() {
        let word = args[i].as_bytes();
        if word.first() != Some(&b'-') || word == b"-" {
            break;
        }
        i += 1;
        match word {
            b"--" => break,
            b"--help" => return (config, Action::Print(help(&name, HelpKind::Options))),
            b"--version" => {
                print_version += 1;
                continue;
            }
            _ => {}
        }
        if let Some(long) = word.strip_prefix(b"--") {
            match long {
                b"help-all" => return (config, Action::Print(help(&name, HelpKind::All))),
                b"help-xoptions" => return (config, Action::Print(help(&name, HelpKind::XOptions))),
                b"help-env" => return (config, Action::Print(help(&name, HelpKind::Env))),
                b"check-hash-based-pycs" => {
                    let Some(value) = args.get(i) else {
                        let msg = format!("Argument expected for the {} options", String::from_utf8_lossy(word));
                        return (config, Action::Usage(usage_error(&name, &msg)));
                    };
                    i += 1;
                    if !matches!(value.as_bytes(), b"always" | b"never" | b"default") {
                        let msg = "--check-hash-based-pycs must be one of 'default', 'always', or 'never'";
                        return (config, Action::Usage(usage_error(&name, msg)));
                    }
                }
                _ => {
                    let msg = format!("unknown option {}", String::from_utf8_lossy(word));
                    return (config, Action::Usage(usage_error(&name, &msg)));
                }
            }
            continue;
        }
        let mut at = 1;
        while at < word.len() {
            let c = word[at];
            at += 1;
            if c == b'J' {
                return (config, Action::Usage(usage_error(&name, "-J is reserved for Jython")));
            }
            if WITH_ARG.contains(&c) {
                let arg = if at < word.len() {
                    OsStr::from_bytes(&word[at..]).to_os_string()
                } else if let Some(next) = args.get(i) {
                    i += 1;
                    next.clone()
                } else {
                    let msg = format!("Argument expected for the -{} option", c as char);
                    return (config, Action::Usage(usage_error(&name, &msg)));
                };
                match c {
                    b'c' => {
                        program = Some(Program::Command(arg));
                        break 'words;
                    }
                    b'm' => {
                        program = Some(Program::Module(arg));
                        break 'words;
                    }
                    b'W' => warn_cmdline.push(arg.to_string_lossy().into_owned()),
                    _ => config.xoptions.push(arg.to_string_lossy().into_owned()),
                }
                break;
            }
            if !FLAGS.contains(&c) {
                let msg = format!("Unknown option: -{}", c as char);
                return (config, Action::Usage(usage_error(&name, &msg)));
            }
            match c {
                b'b' => config.bytes_warning += 1,
                b'B' => config.write_bytecode = false,
                b'd' => config.parser_debug += 1,
                b'E' => config.use_environment = false,
                b'h' | b'?' => return (config, Action::Print(help(&name, HelpKind::Options))),
                b'i' => {
                    config.inspect += 1;
                    config.interactive += 1;
                }
                b'I' => config.isolated = true,
                b'O' => config.optimization_level += 1,
                b'P' => config.safe_path = true,
                b'q' => config.quiet = true,
                b'R' => random_hash = true,
                b's' => config.user_site_directory = false,
                b'S' => config.site_import = false,
                b'u' => config.buffered_stdio = false,
                b'v' => config.verbose += 1,
                b'V' => print_version += 1,
                b'x' => config.skip_source_first_line = true,
                // -t: ignored, as CPython 3 does.
                _ => {}
            }
        }
    }
    if print_version > 0 {
        let v = if print_version >= 2 { krait_vm::builtins::sys::version_string() } else { krait_vm::builtins::sys::language_version() };
        return (config, Action::Print(format!("Python {v}\n")));
    }
    if config.isolated {
        config.use_environment = false;
        config.user_site_directory = false;
        config.safe_path = true;
    }
    let rest = &args[i.min(args.len())..];
    let (program, argv) = match program {
        Some(Program::Command(code)) => (Program::Command(code), with_first("-c", rest)),
        Some(Program::Module(m)) => (Program::Module(m), with_first("-m", rest)),
        _ => match rest.first() {
            Some(first) if first.as_bytes() != b"-" => (Program::Script(first.clone()), rest.to_vec()),
            Some(_) => (Program::Stdin, rest.to_vec()),
            None => (Program::Stdin, vec![OsString::new()]),
        },
    };
    if let Err(msg) = config.read_env().and_then(|()| config.apply_xoptions()) {
        return (config, Action::Fatal(fatal(&msg)));
    }
    if random_hash {
        config.hash_seed = None;
    }
    config.finish_warnoptions(&warn_cmdline);
    (config, Action::Run { program, argv })
}

/// `sys.argv` for `-c`/`-m`: the option, then the remaining words.
fn with_first(first: &str, rest: &[OsString]) -> Vec<OsString> {
    let mut argv = vec![OsString::from(first)];
    argv.extend(rest.iter().cloned());
    argv
}

/// CPython's report of a configuration error it cannot start with.
pub fn fatal(msg: &str) -> String {
    format!("Fatal Python error: {msg}\nPython runtime state: preinitialized\n\n")
}

#[derive(Clone, Copy, PartialEq)]
enum HelpKind {
    Options,
    XOptions,
    Env,
    All,
}

const OPTIONS_HELP: &str = "\
Options (and the environment variables that do the same):
-b     : warn about str() of bytes and bytearray and comparing them with str
         (-bb: make those warnings errors)
-B     : do not write .pyc files; also PYTHONDONTWRITEBYTECODE=x
-c cmd : run the program given as a string (ends the option list)
-d     : parser debugging (no effect in Krait); also PYTHONDEBUG=x
-E     : ignore the PYTHON* environment variables (PYTHONPATH, ...)
-h     : print this help and exit (also -? or --help)
-i     : inspect interactively after running the program; also PYTHONINSPECT=x
-I     : isolate from the user's environment (implies -E, -P and -s)
-m mod : run a library module as a script (ends the option list)
-O     : optimize (sys.flags.optimize); also PYTHONOPTIMIZE=x
-OO    : as -O, twice
-P     : do not put the script's folder (or the working directory) on sys.path;
         also PYTHONSAFEPATH
-q     : no version and copyright messages at an interactive start
-s     : do not add the user site directory to sys.path; also PYTHONNOUSERSITE
-S     : do not import site at start-up
-u     : unbuffered binary stdout and stderr; also PYTHONUNBUFFERED=x
-v     : verbose; also PYTHONVERBOSE=x (repeat for more)
-V     : print the Python version and exit (also --version; twice: more detail)
-W arg : warning control (action:message:category:module:lineno);
         also PYTHONWARNINGS=arg
-x     : skip the first line of the source
-X opt : an implementation-specific option (see --help-xoptions)
--check-hash-based-pycs always|default|never:
         how hash-based .pyc files are checked
--help-env      : help on the environment variables, then exit
--help-xoptions : help on the -X options, then exit
--help-all      : all the help, then exit
Arguments:
file   : the program, read from a file
-      : the program, read from stdin (the default)
arg ...: the program's arguments, sys.argv[1:]
";

const XOPTIONS_HELP: &str = "\
The -X options Krait reads (others are kept in sys._xoptions):
-X dev: development mode (sys.flags.dev_mode; the 'default' warning filter)
-X utf8: UTF-8 mode (sys.flags.utf8_mode); -X utf8=0 turns it off
-X warn_default_encoding: warn when open() uses the locale's encoding
-X int_max_str_digits=N: the limit on digits of int/str conversions
         (0: no limit, else at least 640)
-X faulthandler, -X importtime, -X tracemalloc, -X frozen_modules,
-X no_debug_ranges, -X showrefcount: accepted and recorded in sys._xoptions
";

const ENV_HELP: &str = "\
Environment variables:
PYTHONSTARTUP   : not read by Krait (there is no interactive prompt yet)
PYTHONPATH      : folders (separated by ':') put on sys.path before the
                  standard library
PYTHONHOME      : not read by Krait: it runs the CPython 3.11 library it
                  finds, or the one KRAIT_STDLIB names
PYTHONSAFEPATH  : as -P
PYTHONINSPECT   : as -i
PYTHONUNBUFFERED: as -u
PYTHONVERBOSE   : as -v
PYTHONOPTIMIZE  : as -O
PYTHONDONTWRITEBYTECODE: as -B
PYTHONNOUSERSITE: as -s
PYTHONWARNINGS  : as -W, entries separated by ','
PYTHONHASHSEED  : 'random', or an integer in [0; 4294967295] fixing the
                  seed of str and bytes hashes (0: no randomization)
PYTHONIOENCODING: encoding[:errors] of stdin, stdout and stderr
PYTHONUTF8      : 1 or 0, as -X utf8
PYTHONDEVMODE   : as -X dev
PYTHONWARNDEFAULTENCODING: as -X warn_default_encoding
PYTHONINTMAXSTRDIGITS: as -X int_max_str_digits
KRAIT_STDLIB    : the CPython 3.11 Lib folder to run
";

fn help(program: &str, kind: HelpKind) -> String {
    let mut out = format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n");
    if matches!(kind, HelpKind::Options | HelpKind::All) {
        out.push_str(OPTIONS_HELP);
    }
    if matches!(kind, HelpKind::XOptions | HelpKind::All) {
        out.push_str(XOPTIONS_HELP);
    }
    if matches!(kind, HelpKind::Env | HelpKind::All) {
        out.push_str(ENV_HELP);
    }
    if kind != HelpKind::Options && kind != HelpKind::All {
        // The usage line belongs to the option help only.
        out = out.split_once('\n').map(|(_, rest)| rest.to_string()).unwrap_or_default();
    }
    out
}
