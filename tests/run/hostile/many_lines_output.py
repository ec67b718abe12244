import sys
for i in range(1000):
    print(i, "x" * (i % 50))
for i in range(200):
    sys.stderr.write(f"err {i}\n")
print("end", flush=True)
