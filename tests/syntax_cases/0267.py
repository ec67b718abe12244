del A[*(1:2)]
