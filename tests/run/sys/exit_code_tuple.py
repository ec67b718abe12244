import sys
print("exit with a tuple: the whole tuple is printed")
raise SystemExit(1, 2)
