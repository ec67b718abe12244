x = 0
if x:
    x = 1
else:
    x = 2
while x < 10:
    x = x + 1
for i in range(3):
    if i == 1:
        continue
    if i == 2:
        break
    print(i)
else:
    print("no break")
