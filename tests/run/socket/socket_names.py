# Module functions of _socket: byte order, address text, the resolver on
# numeric and local names, errors.
import socket

print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.inet_aton("1.2.3.4"), socket.inet_aton("1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_ntop(socket.AF_INET6, bytes(range(16))), socket.inet_pton(socket.AF_INET, "10.0.0.255"))
print(socket.inet_ntop(socket.AF_INET6, b"\x00" * 10 + b"\xff\xff\x01\x02\x03\x04"))
for bad in [lambda: socket.htons(-1), lambda: socket.htons(70000), lambda: socket.htonl(-1),
            lambda: socket.htonl(2**32), lambda: socket.htonl("a"), lambda: socket.htons(1.0),
            lambda: socket.inet_aton("x"), lambda: socket.inet_aton(1), lambda: socket.inet_pton(socket.AF_INET, "x"),
            lambda: socket.inet_ntoa(b"x"), lambda: socket.inet_ntop(socket.AF_INET, b"x"),
            lambda: socket.inet_ntop(99, b"1"), lambda: socket.setdefaulttimeout(-1),
            lambda: socket.getaddrinfo("localhost", 1.5), lambda: socket.getservbyport(99999)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", "80", type=socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_STREAM))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname(""))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(type(socket.gethostname()).__name__)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
print(socket.has_ipv6, socket.error is OSError, socket.timeout is TimeoutError)
print(socket.gaierror.__mro__[1:3], socket.herror.__module__)
e = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
print(e.errno, e.strerror, str(e))
try:
    socket.getaddrinfo("127.0.0.1", 80, flags=-99)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_BADFLAGS)
print(socket.AddressFamily.AF_INET, socket.SocketKind.SOCK_DGRAM, int(socket.AF_UNIX))
print(socket.AF_INET6.name, repr(socket.SOCK_STREAM))
print(isinstance(socket.socket(), socket.SocketType))
