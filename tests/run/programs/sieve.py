def primes_upto(n):
    sieve = [True] * (n + 1)
    sieve[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, is_p in enumerate(sieve) if is_p]

ps = primes_upto(1000)
print(len(ps), ps[:10], ps[-5:])
print(sum(primes_upto(100000)))

def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in (1, 2, 360, 9973, 600851475143, 2 ** 32 + 1):
    print(n, factorize(n))
