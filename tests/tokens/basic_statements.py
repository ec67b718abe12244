import os
x = 1
if x:
    print(x)  # comment
else:
	pass
