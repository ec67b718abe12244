x = 1 € 2
y = a b
