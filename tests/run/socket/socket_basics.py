# _socket under socket.py: socketpair, send/recv, timeouts, options,
# addresses, errors with CPython's types and messages.
import socket
import errno

a, b = socket.socketpair()
try:
    print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
    print(repr(a.family), repr(a.type))
    a.sendall(b"hello")
    print(b.recv(100))
    print(a.send(b"x" * 10), len(b.recv(4)), len(b.recv(100)))
    buf = bytearray(8)
    a.send(b"abc")
    print(b.recv_into(buf), buf)
    mv = memoryview(bytearray(4))
    a.send(b"wxyz!")
    print(b.recv_into(mv, 2), bytes(mv))
    print(b.recv(10))
    print(a.gettimeout(), a.getblocking())
    a.setblocking(False)
    print(a.gettimeout(), a.getblocking())
    try:
        a.recv(10)
    except BlockingIOError as e:
        print("BlockingIOError", e.errno == errno.EAGAIN)
    a.settimeout(0.01)
    print(a.gettimeout(), a.getblocking())
    try:
        a.recv(10)
    except TimeoutError as e:
        print(type(e).__name__, e, isinstance(e, socket.timeout), isinstance(e, OSError))
    a.settimeout(None)
    print(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
    a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
    print(a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) >= 65536)
    print(len(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)))
    print(repr(a.getsockname()), repr(b.getpeername()))
    b.shutdown(socket.SHUT_WR)
    print(a.recv(10))
    for bad in [lambda: a.settimeout(-1), lambda: a.recv(-1), lambda: a.getsockopt(1, 2, 2000),
                lambda: a.recv_into(b"xx"), lambda: a.recv_into(bytearray(2), 5),
                lambda: a.send("text"), lambda: a.sendto(b""), lambda: a.recv()]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
finally:
    a.close()
    b.close()
print(a.fileno(), a._closed)
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF)

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    print(s.family, s.type, s.proto)
    s.bind(("127.0.0.1", 0))
    host, port = s.getsockname()
    print(host, 0 < port < 65536)
    for bad in ["x", ("h",), ("127.0.0.1", 70000), ("127.0.0.1", "a"), (1, 2)]:
        try:
            s.connect(bad)
        except Exception as e:
            print(type(e).__name__, e)
print(s._closed)

u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
try:
    for bad in ["x", ("::1",)]:
        try:
            u.bind(bad)
        except TypeError as e:
            print(type(e).__name__, e)
finally:
    u.close()

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, s.gettimeout())
d = s.dup()
print(d.family, d.type, d.fileno() != s.fileno())
d.close()
s.close()
fd = socket.socket().detach()
s = socket.socket(fileno=fd)
print(s.family, s.type)
s.close()
