
# only a comment
   
	# indented comment
x = 1


