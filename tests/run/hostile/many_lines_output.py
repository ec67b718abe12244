import sys
for i in range(3000):
    print(i, "x" * (i % 50))
for i in range(500):
    sys.stderr.write(f"err {i}\n")
print("end", flush=True)
