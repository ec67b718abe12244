//! The C library calls behind `_socket`, `select` and `_signal`'s
//! descriptors, each wrapped in a safe function.
//!
//! Invariants:
//! - This is the one module of `_socket` with `unsafe` code: libc gets
//!   buffers with their true lengths, zeroed out-structures and socket
//!   addresses whose length never exceeds `sockaddr_storage`.
//! - A failure is `Err(errno)`, the raw C `errno` read right after the
//!   call (for the resolver, `Err(Gai)` with `getaddrinfo`'s own code).
//! - Nothing here knows Python: no `Value`, no `Vm`.

use std::ffi::{CStr, CString};

pub type SysResult<T> = Result<T, i32>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn check(r: libc::c_int) -> SysResult<libc::c_int> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

fn check_size(r: isize) -> SysResult<usize> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as usize)
    }
}

/// A socket address of any family (`sock_addr_t`).
#[derive(Clone, Copy)]
pub struct SockAddr {
    storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

/// What a `SockAddr` holds, decoded.
pub enum Decoded {
    Inet([u8; 4], u16),
    Inet6([u8; 16], u16, u32, u32),
    /// The bytes of `sun_path` after the family (up to the address's
    /// length; an unnamed socket's are empty).
    Unix(Vec<u8>),
    Other(i32),
}

impl SockAddr {
    /// An empty address to be filled by the kernel (`accept`, `recvfrom`).
    pub fn empty() -> SockAddr {
        // SAFETY: an all-zero sockaddr_storage is a valid value.
        let storage = unsafe { std::mem::zeroed() };
        SockAddr { storage, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }

    pub fn inet(ip: [u8; 4], port: u16) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in.
        let sin = unsafe { &mut *(&mut a.storage as *mut _ as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = port.to_be();
        sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
        a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        a
    }

    pub fn inet6(ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in6.
        let sin6 = unsafe { &mut *(&mut a.storage as *mut _ as *mut libc::sockaddr_in6) };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_port = port.to_be();
        sin6.sin6_flowinfo = flowinfo.to_be();
        sin6.sin6_addr.s6_addr = ip;
        sin6.sin6_scope_id = scope_id;
        a.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        a
    }

    /// The size of `sun_path`.
    pub const UNIX_PATH_MAX: usize = 108;

    /// A Unix address; `path` is at most `UNIX_PATH_MAX` bytes (a leading
    /// NUL names Linux's abstract namespace).
    pub fn unix(path: &[u8]) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_un.
        let sun = unsafe { &mut *(&mut a.storage as *mut _ as *mut libc::sockaddr_un) };
        sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
        let n = path.len().min(Self::UNIX_PATH_MAX);
        for (d, s) in sun.sun_path.iter_mut().zip(&path[..n]) {
            *d = *s as libc::c_char;
        }
        let base = std::mem::size_of::<libc::sa_family_t>();
        // A path in the file system is NUL-terminated; an abstract one is not.
        let extra = usize::from(path.first().is_some_and(|&b| b != 0) && n < Self::UNIX_PATH_MAX);
        a.len = (base + n + extra) as libc::socklen_t;
        a
    }

    pub fn family(&self) -> i32 {
        i32::from(self.storage.ss_family)
    }

    /// The address's parts (`makesockaddr`).
    pub fn decode(&self) -> Decoded {
        match self.family() {
            libc::AF_INET => {
                // SAFETY: an AF_INET address is a sockaddr_in.
                let sin = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_in) };
                Decoded::Inet(sin.sin_addr.s_addr.to_ne_bytes(), u16::from_be(sin.sin_port))
            }
            libc::AF_INET6 => {
                // SAFETY: an AF_INET6 address is a sockaddr_in6.
                let s = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_in6) };
                Decoded::Inet6(s.sin6_addr.s6_addr, u16::from_be(s.sin6_port), u32::from_be(s.sin6_flowinfo), s.sin6_scope_id)
            }
            libc::AF_UNIX => {
                // SAFETY: an AF_UNIX address is a sockaddr_un.
                let sun = unsafe { &*(&self.storage as *const _ as *const libc::sockaddr_un) };
                let base = std::mem::size_of::<libc::sa_family_t>();
                let n = (self.len as usize).saturating_sub(base).min(Self::UNIX_PATH_MAX);
                Decoded::Unix(sun.sun_path[..n].iter().map(|&c| c as u8).collect())
            }
            f => Decoded::Other(f),
        }
    }

    fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }

    fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

pub fn socket(family: i32, ty: i32, proto: i32) -> SysResult<i32> {
    // SAFETY: no pointers.
    check(unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) })
}

pub fn socketpair(family: i32, ty: i32, proto: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` holds the two descriptors written.
    check(unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

pub fn close(fd: i32) -> SysResult<()> {
    // SAFETY: no pointers.
    check(unsafe { libc::close(fd) }).map(drop)
}

/// `fcntl(fd, F_DUPFD_CLOEXEC, 0)`.
pub fn dup_cloexec(fd: i32) -> SysResult<i32> {
    // SAFETY: no pointers.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

/// Set or clear `O_NONBLOCK`.
pub fn set_nonblocking(fd: i32, nonblocking: bool) -> SysResult<()> {
    // SAFETY: no pointers.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    if new != flags {
        // SAFETY: no pointers.
        check(unsafe { libc::fcntl(fd, libc::F_SETFL, new) })?;
    }
    Ok(())
}

pub fn bind(fd: i32, a: &SockAddr) -> SysResult<()> {
    // SAFETY: the address and its length come from one SockAddr.
    check(unsafe { libc::bind(fd, a.as_ptr(), a.len) }).map(drop)
}

pub fn connect(fd: i32, a: &SockAddr) -> SysResult<()> {
    // SAFETY: the address and its length come from one SockAddr.
    check(unsafe { libc::connect(fd, a.as_ptr(), a.len) }).map(drop)
}

pub fn listen(fd: i32, backlog: i32) -> SysResult<()> {
    // SAFETY: no pointers.
    check(unsafe { libc::listen(fd, backlog) }).map(drop)
}

pub fn accept(fd: i32) -> SysResult<(i32, SockAddr)> {
    let mut a = SockAddr::empty();
    // SAFETY: `a.len` is the size of the storage the kernel may fill.
    let new = check(unsafe { libc::accept4(fd, a.as_mut_ptr(), &mut a.len, libc::SOCK_CLOEXEC) })?;
    Ok((new, a))
}

pub fn getsockname(fd: i32) -> SysResult<SockAddr> {
    let mut a = SockAddr::empty();
    // SAFETY: as in `accept`.
    check(unsafe { libc::getsockname(fd, a.as_mut_ptr(), &mut a.len) })?;
    Ok(a)
}

pub fn getpeername(fd: i32) -> SysResult<SockAddr> {
    let mut a = SockAddr::empty();
    // SAFETY: as in `accept`.
    check(unsafe { libc::getpeername(fd, a.as_mut_ptr(), &mut a.len) })?;
    Ok(a)
}

pub fn send(fd: i32, data: &[u8], flags: i32) -> SysResult<usize> {
    // SAFETY: the buffer's true length is passed.
    check_size(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) })
}

pub fn sendto(fd: i32, data: &[u8], flags: i32, a: &SockAddr) -> SysResult<usize> {
    // SAFETY: the buffer's true length is passed; the address as in `bind`.
    check_size(unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, a.as_ptr(), a.len) })
}

pub fn recv(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<usize> {
    // SAFETY: the buffer's true length is passed.
    check_size(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
}

pub fn recvfrom(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<(usize, SockAddr)> {
    let mut a = SockAddr::empty();
    // SAFETY: the buffer's true length is passed; the address as in `accept`.
    let n = check_size(unsafe { libc::recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, a.as_mut_ptr(), &mut a.len) })?;
    Ok((n, a))
}

pub fn shutdown(fd: i32, how: i32) -> SysResult<()> {
    // SAFETY: no pointers.
    check(unsafe { libc::shutdown(fd, how) }).map(drop)
}

pub fn setsockopt(fd: i32, level: i32, name: i32, value: &[u8]) -> SysResult<()> {
    // SAFETY: the buffer's true length is passed.
    check(unsafe { libc::setsockopt(fd, level, name, value.as_ptr().cast(), value.len() as libc::socklen_t) }).map(drop)
}

/// `setsockopt` with a NULL value of length `len`.
pub fn setsockopt_null(fd: i32, level: i32, name: i32, len: u32) -> SysResult<()> {
    // SAFETY: a NULL value is allowed by the options that take none.
    check(unsafe { libc::setsockopt(fd, level, name, std::ptr::null(), len) }).map(drop)
}

/// `getsockopt` into a buffer of `len` bytes; the bytes written.
pub fn getsockopt(fd: i32, level: i32, name: i32, len: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let mut n = len as libc::socklen_t;
    // SAFETY: the buffer's true length is passed and updated.
    check(unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut n) })?;
    buf.truncate(n as usize);
    Ok(buf)
}

/// `poll` on one descriptor; whether it became ready (false: timed out).
pub fn poll_one(fd: i32, events: i16, timeout_ms: i32) -> SysResult<bool> {
    let mut p = libc::pollfd { fd, events, revents: 0 };
    // SAFETY: one pollfd is passed with count 1.
    Ok(check(unsafe { libc::poll(&mut p, 1, timeout_ms) })? > 0)
}

/// `poll` on many.
pub fn poll(fds: &mut [libc::pollfd], timeout_ms: i32) -> SysResult<usize> {
    // SAFETY: the slice's true length is passed.
    check(unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) }).map(|n| n as usize)
}

pub fn gethostname() -> SysResult<Vec<u8>> {
    let mut buf = [0u8; 1024];
    // SAFETY: the buffer's length is passed; the result is NUL-terminated
    // within it (the last byte is kept 0).
    check(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) })?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(buf[..end].to_vec())
}

/// `inet_pton(family, text)`: the packed address, `None` if `text` is not one.
pub fn inet_pton(family: i32, text: &CStr) -> SysResult<Option<Vec<u8>>> {
    let mut buf = [0u8; 16];
    // SAFETY: `buf` holds an in6_addr (the largest); `text` is NUL-terminated.
    let r = unsafe { inet_pton_c(family, text.as_ptr(), buf.as_mut_ptr().cast()) };
    match r {
        1 => Ok(Some(buf[..if family == libc::AF_INET { 4 } else { 16 }].to_vec())),
        0 => Ok(None),
        _ => Err(errno()),
    }
}

/// `inet_aton(text)`: the four bytes, `None` if `text` is not an address.
pub fn inet_aton(text: &CStr) -> Option<[u8; 4]> {
    let mut a = libc::in_addr { s_addr: 0 };
    // SAFETY: `text` is NUL-terminated and `a` a writable in_addr.
    (unsafe { inet_aton_c(text.as_ptr(), &mut a) } != 0).then(|| a.s_addr.to_ne_bytes())
}

extern "C" {
    #[link_name = "inet_aton"]
    fn inet_aton_c(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    #[link_name = "inet_pton"]
    fn inet_pton_c(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
}

/// `gai_strerror(code)`.
pub fn gai_strerror(code: i32) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let p = unsafe { libc::gai_strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    // SAFETY: as above.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// A resolver failure: `getaddrinfo`'s code, or `EAI_SYSTEM` with errno.
pub enum GaiError {
    Gai(i32),
    System(i32),
}

/// One `getaddrinfo` result.
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub canonname: Option<Vec<u8>>,
    pub addr: SockAddr,
}

pub fn getaddrinfo(
    host: Option<&CStr>,
    port: Option<&CStr>,
    family: i32,
    socktype: i32,
    protocol: i32,
    flags: i32,
) -> Result<Vec<AddrInfo>, GaiError> {
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let h = host.map_or(std::ptr::null(), CStr::as_ptr);
    let p = port.map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: the strings are NUL-terminated or NULL; `res` receives a list
    // freed below with freeaddrinfo.
    let r = unsafe { libc::getaddrinfo(h, p, &hints, &mut res) };
    if r != 0 {
        return Err(if r == libc::EAI_SYSTEM { GaiError::System(errno()) } else { GaiError::Gai(r) });
    }
    let mut out = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: `cur` is a node of the list getaddrinfo returned.
        let ai = unsafe { &*cur };
        let mut addr = SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: `ai_addr` points to `ai_addrlen` bytes; at most the
        // storage's size is copied.
        unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.as_mut_ptr() as *mut u8, n) };
        addr.len = n as libc::socklen_t;
        // SAFETY: a non-NULL canonname is NUL-terminated.
        let canonname = (!ai.ai_canonname.is_null()).then(|| unsafe { CStr::from_ptr(ai.ai_canonname) }.to_bytes().to_vec());
        out.push(AddrInfo { family: ai.ai_family, socktype: ai.ai_socktype, protocol: ai.ai_protocol, canonname, addr });
        cur = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// `getnameinfo(addr, flags)`: (host, service).
pub fn getnameinfo(a: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), GaiError> {
    let mut host = [0u8; 1025];
    let mut serv = [0u8; 32];
    // SAFETY: the buffers' true lengths are passed; the address as in `bind`.
    let r = unsafe {
        libc::getnameinfo(
            a.as_ptr(),
            a.len,
            host.as_mut_ptr().cast(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr().cast(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if r != 0 {
        return Err(if r == libc::EAI_SYSTEM { GaiError::System(errno()) } else { GaiError::Gai(r) });
    }
    let cut = |b: &[u8]| b[..b.iter().position(|&c| c == 0).unwrap_or(b.len())].to_vec();
    Ok((cut(&host), cut(&serv)))
}

/// `getservbyname(name, proto)`: the port, host order.
pub fn getservbyname(name: &CStr, proto: Option<&CStr>) -> Option<u16> {
    // SAFETY: NUL-terminated strings or NULL; the result is read at once.
    let s = unsafe { libc::getservbyname(name.as_ptr(), proto.map_or(std::ptr::null(), CStr::as_ptr)) };
    // SAFETY: a non-NULL servent is valid until the next call.
    (!s.is_null()).then(|| u16::from_be(unsafe { (*s).s_port } as u16))
}

/// `getservbyport(port, proto)`: the service's name.
pub fn getservbyport(port: u16, proto: Option<&CStr>) -> Option<Vec<u8>> {
    // SAFETY: a NUL-terminated string or NULL; the result is read at once.
    let s = unsafe { libc::getservbyport(i32::from(port.to_be()), proto.map_or(std::ptr::null(), CStr::as_ptr)) };
    // SAFETY: a non-NULL servent's name is NUL-terminated.
    (!s.is_null()).then(|| unsafe { CStr::from_ptr((*s).s_name) }.to_bytes().to_vec())
}

/// `getprotobyname(name)`.
pub fn getprotobyname(name: &CStr) -> Option<i32> {
    // SAFETY: a NUL-terminated string; the result is read at once.
    let p = unsafe { libc::getprotobyname(name.as_ptr()) };
    // SAFETY: a non-NULL protoent is valid until the next call.
    (!p.is_null()).then(|| unsafe { (*p).p_proto })
}

/// A C string of `bytes`, `None` when they hold a NUL.
pub fn c_string(bytes: &[u8]) -> Option<CString> {
    CString::new(bytes).ok()
}

// ----- epoll (for `select.epoll`) ---------------------------------------------------

pub fn epoll_create() -> SysResult<i32> {
    // SAFETY: no pointers.
    check(unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) })
}

/// `epoll_ctl(epfd, op, fd, events)`; the event's data is the fd.
pub fn epoll_ctl(epfd: i32, op: i32, fd: i32, events: u32) -> SysResult<()> {
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: a valid epoll_event (ignored for EPOLL_CTL_DEL).
    check(unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) }).map(drop)
}

/// `epoll_wait`: up to `max` `(fd, events)` pairs.
pub fn epoll_wait(epfd: i32, max: usize, timeout_ms: i32) -> SysResult<Vec<(i32, u32)>> {
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; max];
    // SAFETY: the buffer holds `max` events.
    let n = check(unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), max as i32, timeout_ms) })?;
    Ok(evs[..n as usize].iter().map(|e| (e.u64 as u32 as i32, e.events)).collect())
}
