d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('z'), d.get('z', 0), d.pop('a'), d)
d.update({'x': 9}, y=8)
print(d, 'x' in d, 'q' not in d)
print(d.setdefault('b', 100), d.setdefault('n', 5), d)
for k, v in sorted(d.items()):
    print(k, v)
e = dict(zip('abc', range(3)))
print(e, dict(e), {**e, 'd': 3})
try:
    d['missing']
except KeyError as ex:
    print(type(ex).__name__, ex)
