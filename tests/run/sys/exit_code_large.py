import sys
# The status is taken modulo 256 by the operating system.
print("exit 258")
sys.exit(258)
