# A TCP server and client on the loopback interface: listen, accept,
# connect, makefile, sendto/recvfrom on UDP, connect_ex.
import socket

srv = socket.create_server(("127.0.0.1", 0))
cli = None
conn = None
try:
    port = srv.getsockname()[1]
    print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
    cli = socket.create_connection(("127.0.0.1", port))
    conn, addr = srv.accept()
    print(addr[0], conn.getsockname() == cli.getpeername(), conn.family, conn.type)
    print(conn.gettimeout(), conn.getblocking())
    cli.sendall(b"line one\nline two\n")
    f = conn.makefile("rb")
    print(f.readline(), f.readline())
    f.close()
    w = cli.makefile("w")
    w.write("text through makefile\n")
    w.flush()
    w.close()
    print(conn.recv(100))
    cli.close()
    print(conn.recv(100))
    srv.settimeout(0.01)
    try:
        srv.accept()
    except TimeoutError as e:
        print("accept:", e)
finally:
    srv.close()
    if cli is not None:
        cli.close()
    if conn is not None:
        conn.close()

probe = socket.socket()
try:
    probe.bind(("127.0.0.1", 0))
    closed_port = probe.getsockname()[1]
finally:
    probe.close()
c = socket.socket()
try:
    import errno
    print(errno.errorcode[c.connect_ex(("127.0.0.1", closed_port))])
    try:
        c.connect(("127.0.0.1", closed_port))
    except ConnectionRefusedError as e:
        print(type(e).__name__, e)
finally:
    c.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u1.bind(("127.0.0.1", 0))
    print(u2.sendto(b"datagram", u1.getsockname()))
    data, addr = u1.recvfrom(100)
    print(data, addr == u2.getsockname())
    u2.sendto(b"into", 0, u1.getsockname())
    buf = bytearray(10)
    n, addr = u1.recvfrom_into(buf)
    print(n, bytes(buf[:n]))
finally:
    u1.close()
    u2.close()
