class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
print(bool(), bool(0), bool([1]), bool("x"), hex(255), hex(-255), oct(8), bin(5), bin(0), hex(2**70))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, [0, 1, 2, 3, 4, 5][slice(2)], "abcdef"[slice(1, None, 2)])
try:
    hex(1.5)
except TypeError as e:
    print(e)
