print("this never prints: the compiler rejects the file first")

def fine():
    return 1

return fine()
