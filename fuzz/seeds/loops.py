for i, j in x:
    continue
else:
    break
while True:
    break
