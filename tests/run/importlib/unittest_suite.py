# The real unittest running a small suite; the runner's timing line is
# left out so the output is deterministic.
import io
import unittest

class Arithmetic(unittest.TestCase):
    def setUp(self):
        self.values = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_fails(self):
        self.assertEqual(self.values, [1, 2, 3])

    def test_errors(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        self.fail("never")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertIn(4, self.values)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 3)

    def test_raises(self):
        with self.assertRaisesRegex(ZeroDivisionError, "division"):
            1 / 0
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual("abc", "cab")

class Cleanups(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    def test_cleanup(self):
        self.addCleanup(self.log.append, "cleanup")
        self.assertTrue(True)

loader = unittest.TestLoader()
suite = unittest.TestSuite([loader.loadTestsFromTestCase(Arithmetic), loader.loadTestsFromTestCase(Cleanups)])
print(suite.countTestCases(), loader.getTestCaseNames(Arithmetic))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
print([test.id() for test, _ in result.failures])
print([test.id() for test, _ in result.errors])
print(Cleanups.log)
for line in stream.getvalue().splitlines():
    if not line.startswith("Ran "):
        print(line)
