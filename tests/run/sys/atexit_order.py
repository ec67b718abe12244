import atexit
import sys

def bye(name):
    print("atexit", name)

atexit.register(bye, "first registered")
atexit.register(bye, "second registered")
@atexit.register
def last():
    print("decorated handler")
print("main body done")
sys.exit(5)
