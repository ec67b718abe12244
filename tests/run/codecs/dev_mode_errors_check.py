# Under -X dev, a misspelt codec or error handler name is a LookupError
# even when no data needs it (CPython's unicode_check_encoding_errors);
# without -X dev it is not looked up.
import subprocess
import sys

code = r'''
import sys
print(sys.flags.dev_mode)
cases = [
    lambda: str(b'', errors='nosuch'),
    lambda: str(b'ab', 'latin-1', 'nosuch'),
    lambda: b'ab'.decode(encoding='nosuch'),
    lambda: ''.encode(errors='nosuch'),
    lambda: 'ab'.encode('utf-16', 'nosuch'),
    lambda: bytes('ab', 'ascii', 'nosuch'),
    lambda: bytearray('', 'utf-8', 'nosuch'),
    lambda: 'ab'.encode('utf-8', 'backslashreplace'),
]
for f in cases:
    try:
        print(repr(f()))
    except LookupError as e:
        print('LookupError', e)
'''
for flags in ([], ['-X', 'dev']):
    r = subprocess.run([sys.executable, *flags, '-c', code], capture_output=True, text=True)
    print(r.returncode, r.stdout, r.stderr)
