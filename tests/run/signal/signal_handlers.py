# _signal under signal.py: Python handlers run between instructions,
# KeyboardInterrupt from the default SIGINT handler, handlers that raise,
# alarm interrupting a sleep, the wake-up fd, the enums.
import os
import signal
import time

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(10).name, signal.SIG_DFL, signal.SIG_IGN)

got = []
def handler(signum, frame):
    got.append((signal.Signals(signum).name, type(frame).__name__))

old = signal.signal(signal.SIGUSR1, handler)
print(old)
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    if len(got) == 2:
        break
print(len(got))
import threading
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print(len(got))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

try:
    os.kill(os.getpid(), signal.SIGINT)
    while True:
        pass
except KeyboardInterrupt:
    print("interrupted a busy loop")

class Alarm(Exception):
    pass

def on_alarm(signum, frame):
    raise Alarm("alarm went off")

signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
start = time.monotonic()
try:
    time.sleep(5)
except Alarm as e:
    print("sleep interrupted:", e, time.monotonic() - start < 4)
print(signal.alarm(0))

r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print(os.read(r, 10) == bytes([signal.SIGUSR1]))
print(signal.set_wakeup_fd(-1) == w)
os.close(r)
os.close(w)
try:
    r2, w2 = os.pipe()
    signal.set_wakeup_fd(w2)
except ValueError as e:
    print(type(e).__name__, e.args[0].startswith("the fd "))
finally:
    os.close(r2)
    os.close(w2)

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), len(got))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
for bad in [lambda: signal.signal(signal.SIGUSR1, 5), lambda: signal.signal(0, handler),
            lambda: signal.signal(1000, handler), lambda: signal.getsignal(-1),
            lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.strsignal(0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGSEGV))
vs = signal.valid_signals()
print(len(vs), signal.SIGINT in vs, 32 in vs, min(vs), max(vs))
print(signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []) == set())
print(signal.Handlers.SIG_DFL, signal.Sigmasks.SIG_BLOCK)
