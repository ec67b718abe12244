def foo(a,b,/,c,*b,c,*d,**e):
   pass
