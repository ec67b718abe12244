"""N-queens: every way to place N queens on an N x N board so that no two
attack each other, found by recursive backtracking.

Size: number of times all solutions of the 10 x 10 board are found (work is
linear in it). Each round also checks every solution independently.
Exercises: recursion, lists of booleans indexed by computed ints, list
append/pop, tuples, generator expressions inside all(), enumerate.
"""

import sys

DEFAULT_SIZE = 32
BOARD = 10


def solve(n):
    solutions = []
    columns = [False] * n
    rising = [False] * (2 * n - 1)     # indexed by row + col
    falling = [False] * (2 * n - 1)    # indexed by row - col + n - 1
    placed = []

    def place(row):
        if row == n:
            solutions.append(tuple(placed))
            return
        for col in range(n):
            r = row + col
            f = row - col + n - 1
            if columns[col] or rising[r] or falling[f]:
                continue
            columns[col] = rising[r] = falling[f] = True
            placed.append(col)
            place(row + 1)
            placed.pop()
            columns[col] = rising[r] = falling[f] = False

    place(0)
    return solutions


def is_valid(solution):
    # An independent check: no two queens share a column or a diagonal.
    return all(c1 != c2 and abs(c1 - c2) != r2 - r1
               for r1, c1 in enumerate(solution)
               for r2, c2 in enumerate(solution)
               if r1 < r2)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    found = 0
    checksum = 0
    solutions = []
    for _ in range(rounds):
        solutions = solve(BOARD)
        for solution in solutions:
            if not is_valid(solution):
                print("invalid solution", solution)
                sys.exit(1)
            for row, col in enumerate(solution):
                checksum += (row + 1) * col
        found += len(solutions)
    print("nqueens", BOARD, "rounds", rounds)
    print("solutions", found)
    if solutions:
        print("first", solutions[0], "last", solutions[-1])
    print("checksum", checksum)


main()
