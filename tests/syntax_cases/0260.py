del A[*b:]
