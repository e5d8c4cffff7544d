try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)))
def check(x):
    if x < 0:
        raise ValueError(f'negative: {x}')
    return x
for v in [1, -2]:
    try:
        print(check(v))
    except ValueError as e:
        print('error', e, e.args)
try:
    raise KeyError('k')
except LookupError as e:
    print(type(e).__name__, e)
