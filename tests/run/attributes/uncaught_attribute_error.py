class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def total(node):
    s = 0
    while node.next is not None or node.value:
        s += node.value
        node = node.next
    return s

chain = Node(1, Node(2, Node(3)))
print(total(Node(0)))
print(total(chain))
