print(min(3, 1, 2), max([1, 5, 3]), min('bca'), max([], default=-1), min([[2], [1, 9]]))
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []), abs(-2.5), round(-0.5), round(1.5))
print(any([0, '', None]), all([1, 'a', [0]]), len({'a': 1}), len('héllo'), sorted('hello'))
print(divmod(7.5, 2), isinstance(True, int), isinstance(1, float), type(1 / 1).__name__, type(2 ** 3).__name__)
