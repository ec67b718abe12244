x = "éé"; nonlocal y
