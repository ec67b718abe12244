# The int/str conversion limit: sys.set_int_max_str_digits and its checks,
# str->int (non-binary bases only) and int->str, CPython's messages.
import sys
f = 10**5000
try: str(f)
except ValueError as e: print(e)
try: int('9'*4301)
except ValueError as e: print(e)
print(len(str(int('1'*5000, 16))) if False else 'hex', int('1'*5000, 16) > 0)
sys.set_int_max_str_digits(6000); print(len(str(f)), sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
for bad in (100, -1, 'x'):
    try: sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=0); print(len(str(10**10000)), len(str(int('7'*20000))))
sys.set_int_max_str_digits(640)
try: int('5'*641)
except ValueError as e: print(e)
try: str(-10**700)
except ValueError as e: print(e)
print(len(str(10**639)))
