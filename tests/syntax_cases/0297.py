"\
"(1 for c in I,\
\