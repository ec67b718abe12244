import sys
try:
    sys.exit(1)
finally:
    print("overriding the exit status")
    sys.exit(4)
