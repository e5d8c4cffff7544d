tests = [lambda: 1 / 0, lambda: [][0], lambda: {}['k'], lambda: int('x'), lambda: undefined_name, lambda: 'a' + 1, lambda: (1).foo, lambda: [1].index(5)]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, '|', e)
