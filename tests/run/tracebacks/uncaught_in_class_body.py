def compute_default():
    return int("not a number")

class Settings:
    name = "app"
    retries = compute_default()

print("not reached")
