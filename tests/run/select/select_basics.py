# select.select, poll and epoll over a pipe and a socketpair.
import os
import select
import socket

r, w = os.pipe()
try:
    rl, wl, xl = select.select([r], [w], [], 0)
    print(rl, wl == [w], xl)
    print(select.select([r], [], [], 0.01))
    os.write(w, b"x")
    rl, wl, xl = select.select([r, w], [r, w], [r, w], 0)
    print(rl == [r], wl == [w], xl)

    class F:
        def __init__(self, fd):
            self.fd = fd
        def fileno(self):
            return self.fd
    fr = F(r)
    print(select.select([fr], [], [])[0][0] is fr)
    for bad in [lambda: select.select([], [], [], -1), lambda: select.select([], [], [], "a"),
                lambda: select.select(1, [], []), lambda: select.select(["x"], [], []),
                lambda: select.select([-1], [], [])]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)

    p = select.poll()
    p.register(r, select.POLLIN)
    p.register(w)
    print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
    p.modify(w, select.POLLIN)
    print(p.poll(0) == [(r, select.POLLIN)])
    p.unregister(w)
    print(p.poll(10) == [(r, select.POLLIN)])
    try:
        p.unregister(w)
    except KeyError as e:
        print("KeyError", e.args == (w,))
    for bad in [lambda: p.modify(w, 1), lambda: p.poll("a"), lambda: p.register(r, 2**20)]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
    os.read(r, 1)
    print(p.poll(0))
finally:
    os.close(r)
    os.close(w)

a, b = socket.socketpair()
ep = select.epoll()
try:
    print(ep.closed, ep.fileno() > 2)
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(b, select.EPOLLOUT)
    print(ep.poll(0) == [(b.fileno(), select.EPOLLOUT)])
    b.send(b"ping")
    print(sorted(ep.poll(1)) == sorted([(a.fileno(), select.EPOLLIN), (b.fileno(), select.EPOLLOUT)]))
    print(len(ep.poll(0, 1)))
    ep.modify(b, select.EPOLLIN)
    print(ep.poll(timeout=0.01) == [(a.fileno(), select.EPOLLIN)])
    ep.unregister(b)
    for bad in [lambda: ep.register(a), lambda: ep.unregister(b), lambda: ep.modify(b, 1),
                lambda: ep.poll(maxevents=0), lambda: ep.poll("a"), lambda: ep.register(-1),
                lambda: ep.register("x"), lambda: select.epoll(sizehint=0)]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
finally:
    ep.close()
    a.close()
    b.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)
print(select.EPOLLIN, select.EPOLLOUT, select.POLLIN, select.POLLNVAL, select.error is OSError)
