import sys
huge = 10 ** 5000
print(huge.bit_length(), len(str(10 ** 4299)))
try:
    str(huge)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(huge)), hex(huge)[:12])
sys.set_int_max_str_digits(0)
print(len(str(huge)), str(huge)[:5])
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    repr(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
x = 7 ** 7777
print(x % 1000000007, x.bit_length(), x & 0xFFFFFFFF)
try:
    1 << (1 << 80)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
print((1 << 100000).bit_length(), ((1 << 100000) - 1).bit_count())
