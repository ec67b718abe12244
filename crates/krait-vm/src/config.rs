//! The interpreter's start-up configuration: what CPython's `PyConfig`
//! holds that Krait uses, from the command line and the `PYTHON*`
//! environment variables.
//!
//! Invariants:
//! - One configuration per process, set once by the `krait` command
//!   (`set`) before the first `Vm` is made; a process that sets none (an
//!   embedding, the VM's own tests) gets `Config::from_env(true)`, what
//!   `krait` with no options would use.
//! - Environment variables are read only here, and only when
//!   `use_environment` (`-E` and `-I` turn it off), as CPython's
//!   `config_read_env_vars`; a flag given both ways takes the larger value.
//! - Invalid settings CPython treats as fatal (`PYTHONHASHSEED`, the
//!   `int_max_str_digits` limit) are reported by `from_env`/`apply_xoptions`
//!   as `Err(message)`; the command prints CPython's fatal-error text.

use std::sync::OnceLock;

/// Settings fixed at start-up (CPython's `PyConfig` fields of the same
/// names, where they exist).
#[derive(Clone, Debug)]
pub struct Config {
    pub isolated: bool,
    pub use_environment: bool,
    pub site_import: bool,
    pub user_site_directory: bool,
    /// Do not put the script's folder (or `''`, or the working directory)
    /// first on `sys.path` (`-P`, `-I`, `PYTHONSAFEPATH`).
    pub safe_path: bool,
    pub write_bytecode: bool,
    pub parser_debug: i64,
    pub inspect: i64,
    pub interactive: i64,
    pub optimization_level: i64,
    pub verbose: i64,
    pub bytes_warning: i64,
    pub quiet: bool,
    pub dev_mode: bool,
    pub utf8_mode: i64,
    pub warn_default_encoding: bool,
    /// `-X int_max_str_digits` / `PYTHONINTMAXSTRDIGITS`; -1 when unset.
    pub int_max_str_digits: i64,
    /// `PYTHONHASHSEED` as a number; None: a random key.
    pub hash_seed: Option<u32>,
    pub buffered_stdio: bool,
    /// `PYTHONIOENCODING`'s two halves, each when given.
    pub stdio_encoding: Option<String>,
    pub stdio_errors: Option<String>,
    /// `sys.warnoptions`, in CPython's order.
    pub warnoptions: Vec<String>,
    /// The `-X` options as given (`sys._xoptions` is made from them).
    pub xoptions: Vec<String>,
    /// `PYTHONPATH`'s entries, put on `sys.path` before the standard library.
    pub pythonpath: Vec<String>,
    /// `-x`: skip the script's first line.
    pub skip_source_first_line: bool,
    /// `sys.pycache_prefix` (`-X pycache_prefix=PATH`, `PYTHONPYCACHEPREFIX`).
    pub pycache_prefix: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            isolated: false,
            use_environment: true,
            site_import: true,
            user_site_directory: true,
            safe_path: false,
            write_bytecode: true,
            parser_debug: 0,
            inspect: 0,
            interactive: 0,
            optimization_level: 0,
            verbose: 0,
            bytes_warning: 0,
            quiet: false,
            dev_mode: false,
            utf8_mode: 0,
            warn_default_encoding: false,
            int_max_str_digits: -1,
            hash_seed: None,
            buffered_stdio: true,
            stdio_encoding: None,
            stdio_errors: None,
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
            pythonpath: Vec::new(),
            skip_source_first_line: false,
            pycache_prefix: None,
        }
    }
}

static CONFIG: OnceLock<Config> = OnceLock::new();

/// Fix the process's configuration (once; a later call is ignored).
pub fn set(config: Config) {
    let _ = CONFIG.set(config);
}

/// The process's configuration.
pub fn get() -> &'static Config {
    CONFIG.get_or_init(|| {
        let mut c = Config::default();
        // An invalid variable is ignored here; `krait` reports it.
        let _ = c.read_env();
        let _ = c.apply_xoptions();
        c.finish_warnoptions(&[]);
        c
    })
}

/// A `PYTHON*` variable, when set and not empty.
fn env(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.is_empty())
}

/// CPython's `_Py_get_env_flag`: a number, else 1 when set.
fn env_flag(name: &str) -> i64 {
    env(name).map_or(0, |v| v.parse::<i64>().map_or(1, |n| n.max(1)))
}

impl Config {
    /// Apply the environment variables (when `use_environment`); call
    /// after the command-line flags are set.
    pub fn read_env(&mut self) -> Result<(), String> {
        if !self.use_environment {
            return Ok(());
        }
        self.parser_debug = self.parser_debug.max(env_flag("PYTHONDEBUG"));
        self.verbose = self.verbose.max(env_flag("PYTHONVERBOSE"));
        self.optimization_level = self.optimization_level.max(env_flag("PYTHONOPTIMIZE"));
        self.inspect = self.inspect.max(env_flag("PYTHONINSPECT"));
        if env_flag("PYTHONDONTWRITEBYTECODE") > 0 {
            self.write_bytecode = false;
        }
        if env_flag("PYTHONNOUSERSITE") > 0 {
            self.user_site_directory = false;
        }
        if env_flag("PYTHONUNBUFFERED") > 0 {
            self.buffered_stdio = false;
        }
        if env("PYTHONSAFEPATH").is_some() {
            self.safe_path = true;
        }
        if env("PYTHONDEVMODE").is_some() {
            self.dev_mode = true;
        }
        if env("PYTHONWARNDEFAULTENCODING").is_some() {
            self.warn_default_encoding = true;
        }
        if let Some(v) = env("PYTHONUTF8") {
            self.utf8_mode = match v.as_str() {
                "1" => 1,
                "0" => 0,
                _ => return Err("PYTHONUTF8: invalid value; must be 0 or 1".into()),
            };
        }
        if let Some(v) = env("PYTHONIOENCODING") {
            let (enc, errors) = match v.split_once(':') {
                Some((e, r)) => (e.to_string(), Some(r.to_string())),
                None => (v.clone(), None),
            };
            // An encoding given without an error handler means strict.
            match errors.filter(|r| !r.is_empty()) {
                Some(r) => self.stdio_errors = Some(r),
                None if !enc.is_empty() => self.stdio_errors = Some("strict".into()),
                None => {}
            }
            if !enc.is_empty() {
                self.stdio_encoding = Some(enc);
            }
        }
        if let Some(v) = env("PYTHONHASHSEED") {
            if v != "random" {
                match v.parse::<u32>() {
                    Ok(n) => self.hash_seed = Some(n),
                    Err(_) => {
                        return Err(
                            "config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"
                                .into(),
                        )
                    }
                }
            }
        }
        if let Some(v) = env("PYTHONPYCACHEPREFIX") {
            self.pycache_prefix = Some(v);
        }
        if let Some(v) = env("PYTHONPATH") {
            self.pythonpath = v.split(':').filter(|s| !s.is_empty()).map(str::to_string).collect();
        }
        Ok(())
    }

    /// The `-X` options that change the configuration (`dev`, `utf8`,
    /// `warn_default_encoding`, `int_max_str_digits`, `pycache_prefix`),
    /// and `PYTHONINTMAXSTRDIGITS` when no `-X` option set the limit; call
    /// after `read_env` (an option overrides its variable).
    pub fn apply_xoptions(&mut self) -> Result<(), String> {
        let mut digits: Option<String> = None;
        for x in &self.xoptions.clone() {
            let (key, value) = match x.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (x.as_str(), None),
            };
            match key {
                "dev" => self.dev_mode = true,
                "utf8" => {
                    self.utf8_mode = match value {
                        None | Some("1") => 1,
                        Some("0") => 0,
                        Some(_) => return Err("invalid -X utf8 option value".into()),
                    }
                }
                "warn_default_encoding" => self.warn_default_encoding = true,
                "int_max_str_digits" => digits = Some(value.unwrap_or("").to_string()),
                "pycache_prefix" => self.pycache_prefix = value.filter(|v| !v.is_empty()).map(str::to_string),
                _ => {}
            }
        }
        let (text, source) = match digits {
            Some(d) => (Some(d), "-X int_max_str_digits"),
            None if self.use_environment => (env("PYTHONINTMAXSTRDIGITS"), "PYTHONINTMAXSTRDIGITS"),
            None => (None, ""),
        };
        if let Some(text) = text {
            match text.parse::<i64>() {
                Ok(n) if n == 0 || n >= 640 => self.int_max_str_digits = n,
                _ => {
                    return Err(format!(
                        "config_init_int_max_str_digits: {source}: invalid limit; must be >= 640 or 0 for unlimited."
                    ))
                }
            }
        }
        Ok(())
    }

    /// `sys.warnoptions` in CPython's order: `default` in development
    /// mode, `PYTHONWARNINGS`'s entries, the `-W` options (`cmdline`), then
    /// `-b`'s BytesWarning filter.
    pub fn finish_warnoptions(&mut self, cmdline: &[String]) {
        let mut w = Vec::new();
        if self.dev_mode {
            w.push("default".to_string());
        }
        if self.use_environment {
            if let Some(v) = env("PYTHONWARNINGS") {
                w.extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_string));
            }
        }
        w.extend(cmdline.iter().cloned());
        match self.bytes_warning {
            0 => {}
            1 => w.push("default::BytesWarning".into()),
            _ => w.push("error::BytesWarning".into()),
        }
        self.warnoptions = w;
    }

    /// `sys.flags.hash_randomization`.
    pub fn hash_randomization(&self) -> bool {
        self.hash_seed != Some(0)
    }
}
