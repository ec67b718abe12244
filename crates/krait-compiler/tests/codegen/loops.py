n = 0
while n < 5:
    n = n + 1
    if n == 3:
        break
else:
    print('done')
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if j == i:
            continue
        print(i, j)
    else:
        print('inner done')
else:
    print('outer done')
while n:
    n = n - 1
    if n == 2:
        continue
    print(n)
for k in 'abc':
    pass
while True:
    n = n + 1
    if n > 10:
        break
while 1:
    break
print(n)
