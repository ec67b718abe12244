# PEP 475: a system call interrupted by a signal runs the Python handler
# and is retried (os.read, FileIO.read, a buffered read), and an exception
# the handler raises ends the call. (signal.alarm: whole seconds.)
import os
import signal

r, w = os.pipe()


def feed(sig, frame):
    print("handler ran")
    os.write(w, b"bar")


signal.signal(signal.SIGALRM, feed)
signal.alarm(1)
print(os.read(r, 3))

raw = open(r, "rb", buffering=0, closefd=False)
signal.alarm(1)
print(raw.read(3))

buffered = open(r, "rb", closefd=False)
os.write(w, b"foo")
signal.alarm(1)
print(buffered.read(6))


def fail(sig, frame):
    raise ZeroDivisionError("from the handler")


signal.signal(signal.SIGALRM, fail)
signal.alarm(1)
try:
    os.read(r, 1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
signal.alarm(0)
