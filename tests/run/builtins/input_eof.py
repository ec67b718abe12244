# stdin is empty (/dev/null): input() meets end of file.
try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
input("second prompt: ")
