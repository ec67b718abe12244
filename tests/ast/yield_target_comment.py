x = ( # c
 yield) = 1
