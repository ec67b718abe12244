import sys
class Reason:
    def __str__(self):
        return "custom reason object"
print("exit with an object")
sys.exit(Reason())
