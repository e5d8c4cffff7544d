def f(x):
    try:
        if x == 0:
            raise ValueError('zero')
        return 10 / x
    except ValueError as e:
        print('caught', e)
        return -1
    finally:
        print('finally', x)
print(f(2), f(0))
try:
    try:
        [][1]
    except KeyError:
        print('no')
except IndexError as e:
    print(type(e).__name__, e)
try:
    raise TypeError('bad %d' % 3)
except (ValueError, TypeError) as e:
    print(repr(e), e.args)
else:
    print('else')
