0 00 0_0 1_000 0x_dead_BEEF 0o17 0b1_0 1. .5 1e5 1E-5 1.5j 1_0.0_1e+1_0J 0e0 09.5 1j 1..real 012 1__2 0x 1if x else 2
