lambda a,*b,c,*d,*e,c: None
