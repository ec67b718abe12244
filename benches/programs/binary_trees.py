"""Binary trees: build many complete binary trees, walk them, drop them.
A stress test of allocation and deallocation; one tree in eight also gets
parent links, so it forms reference cycles that only the cycle collector
can free.

Size: number of short-lived trees of depth DEPTH built (work is linear in
it), while one long-lived tree of depth LONG_DEPTH stays alive throughout.
Exercises: object allocation and freeing (instances and tuples),
recursion, attribute stores, the cyclic garbage collector.
"""

import sys

DEFAULT_SIZE = 400
DEPTH = 12
LONG_DEPTH = 14


class TreeNode:
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.parent = None


def make_objects(depth):
    if depth == 0:
        return TreeNode(None, None)
    return TreeNode(make_objects(depth - 1), make_objects(depth - 1))


def count_objects(node):
    if node.left is None:
        return 1
    return 1 + count_objects(node.left) + count_objects(node.right)


def link_parents(node):
    # Each child points back at its parent: every node joins a cycle.
    if node.left is not None:
        node.left.parent = node
        node.right.parent = node
        link_parents(node.left)
        link_parents(node.right)


def make_tuples(depth):
    if depth == 0:
        return (None, None)
    return (make_tuples(depth - 1), make_tuples(depth - 1))


def count_tuples(node):
    left, right = node
    if left is None:
        return 1
    return 1 + count_tuples(left) + count_tuples(right)


def main():
    trees = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    long_lived = make_objects(LONG_DEPTH)
    total = 0
    for i in range(trees):
        if i % 2 == 0:
            tree = make_tuples(DEPTH)
            total += count_tuples(tree)
        else:
            tree = make_objects(DEPTH)
            if i % 8 == 1:
                link_parents(tree)
            total += count_objects(tree)
        tree = None
    print("binary trees", trees, "of depth", DEPTH)
    print("long lived nodes", count_objects(long_lived))
    print("checksum", total)


main()
