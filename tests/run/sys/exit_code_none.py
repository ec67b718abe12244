import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught", repr(e), e.code)
sys.exit(None)
