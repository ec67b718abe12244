//! Reader for the `.expected` format written by scripts/expected_file.py.
//!
//! Invariant: accepts exactly what `expected_file.encode` writes: `exit N`,
//! `stdout N` + N bytes, `stderr N` + N bytes, each stream followed by one
//! extra newline when it is non-empty and does not end with one.

/// What a command did: its exit status and both output streams, as bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub exit: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Stands for the checkout's absolute path in stored streams.
pub const ROOT_PLACEHOLDER: &[u8] = b"<ROOT>";

pub fn parse(data: &[u8]) -> Result<Expected, String> {
    let mut pos = 0;
    let exit = header(data, &mut pos, "exit")?;
    let exit = i32::try_from(exit).map_err(|_| format!("exit status {exit} out of range"))?;
    let stdout = stream(data, &mut pos, "stdout")?;
    let stderr = stream(data, &mut pos, "stderr")?;
    if pos != data.len() {
        return Err(format!("trailing bytes after stderr at byte {pos}"));
    }
    Ok(Expected { exit, stdout, stderr })
}

fn header(data: &[u8], pos: &mut usize, name: &str) -> Result<i64, String> {
    let rest = &data[*pos..];
    let nl = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| format!("missing `{name}` header at byte {}", *pos))?;
    let line = std::str::from_utf8(&rest[..nl]).map_err(|_| format!("bad `{name}` header"))?;
    let value = line
        .strip_prefix(name)
        .and_then(|v| v.strip_prefix(' '))
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| format!("expected `{name} N` at byte {}, found {line:?}", *pos))?;
    *pos += nl + 1;
    Ok(value)
}

fn stream(data: &[u8], pos: &mut usize, name: &str) -> Result<Vec<u8>, String> {
    let n = header(data, pos, name)?;
    let n = usize::try_from(n).map_err(|_| format!("negative {name} length"))?;
    let body = data.get(*pos..*pos + n).ok_or_else(|| format!("{name} is truncated"))?.to_vec();
    *pos += n;
    if !body.is_empty() && !body.ends_with(b"\n") {
        if data.get(*pos) != Some(&b'\n') {
            return Err(format!("missing newline after {name}"));
        }
        *pos += 1;
    }
    Ok(body)
}

/// Put the checkout's absolute path back where the placeholder stands.
pub fn expand_root(data: &[u8], root: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(ROOT_PLACEHOLDER) {
            out.extend_from_slice(root);
            i += ROOT_PLACEHOLDER.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}
