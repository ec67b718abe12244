# Instances of classes derived from the _io types are closed when freed
# (_IOBase's finalizer): a buffered writer's data reaches its raw stream.
import io, os
class R(io.RawIOBase):
    def close(self):
        print('closing', self.closed); super().close()
r = R(); del r
print('after')
class W(io.BufferedWriter):
    pass
class Sink(io.RawIOBase):
    def writable(self): return True
    def write(self, b):
        print("sink got", bytes(b)); return len(b)
w = W(Sink())
w.write(b"pending")
del w
print("after w")
class Bad(io.RawIOBase):
    def close(self):
        raise OSError("no")
b = Bad(); del b
print("after bad")
class S(io.StringIO):
    pass
s = S("x")
del s
