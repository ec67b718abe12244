class Broken(Exception):
    def __str__(self):
        raise ValueError("cannot describe myself")

print("raising an exception whose str() fails")
raise Broken("payload")
