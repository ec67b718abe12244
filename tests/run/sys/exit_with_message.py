# An uncaught SystemExit whose code is not an int prints it to stderr and
# exits with status 1, after stdout is flushed.
import sys

print("before")
sys.exit("fatal: " + str(42))
