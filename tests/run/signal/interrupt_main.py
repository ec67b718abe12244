# _thread.interrupt_main() trips SIGINT (or signum): the Python handler
# runs at the next check; SIG_IGN/SIG_DFL handlers make it do nothing.
import _thread
import signal

got = []
signal.signal(signal.SIGUSR1, lambda sig, frame: got.append(sig))
_thread.interrupt_main(signal.SIGUSR1)
for _ in range(3):
    pass
print("handler ran:", got == [signal.SIGUSR1])

try:
    _thread.interrupt_main()
    for _ in range(3):
        pass
    print("no KeyboardInterrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt")

signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
for _ in range(3):
    pass
print("ignored")

for bad in (0, 1000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError", e)
for args, kw in (((2.0,), {}), ((1, 2), {}), ((), {"signum": 2})):
    try:
        _thread.interrupt_main(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
