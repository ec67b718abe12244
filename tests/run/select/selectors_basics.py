# selectors.DefaultSelector (EpollSelector on Linux) over a socketpair.
import selectors
import socket

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
try:
    print(type(sel).__name__)
    a.setblocking(False)
    b.setblocking(False)
    key = sel.register(a, selectors.EVENT_READ, data="reader a")
    print(key.fd == a.fileno(), key.events, key.data)
    print(sel.select(timeout=0))
    b.send(b"wake")
    for k, ev in sel.select(timeout=1):
        print(k.data, ev, k.fileobj.recv(10))
    sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="both")
    print([(k.data, ev) for k, ev in sel.select(0)])
    sel.unregister(a)
    print(sel.get_map().get(a))
finally:
    sel.close()
    a.close()
    b.close()
