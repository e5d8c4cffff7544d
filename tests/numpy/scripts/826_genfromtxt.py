import numpy as np
T = [(['1 2', '3 4'], {}), (['1 2'], {}), (['1', '2'], {}), (['1 a', '3 4'], {}), (['1,,3', '4,5,6'], {'delimiter': ','}), (['a b c', '1 2 3', '4 5 6'], {'names': True}),
 (['# a b', '1 2'], {'names': True}), (['1,2,3', '4,5,6'], {'delimiter': ',', 'usecols': (0, 2)}), (['h', '1 2', '3 4', 'f'], {'skip_header': 1, 'skip_footer': 1}),
 (['1 2', '3 4'], {'dtype': int}), (['1,,3'], {'delimiter': ','}), (['1,,3'], {'delimiter': ',', 'filling_values': -9}), (['1 2 3', '4 5'], {}), (['1 2', '3 4'], {'unpack': True}), (['1 2', '3 4', '5 6'], {'max_rows': 2}),
 (['1 2.5', '3 4.5'], {'dtype': None}), (['x y', '1 2.5', '3 4.5'], {'dtype': None, 'names': True}), (['1,N/A,3'], {'delimiter': ',', 'missing_values': 'N/A'}), (['1 2', '', '# c', '3 4'], {}),
 (['1 2', '3 4'], {'dtype': int, 'filling_values': 0, 'delimiter': ' '}), (['1 2', '3 4'], {'dtype': [('p', 'i4'), ('q', 'f4')]}), (['1 2', '3 4'], {'names': 'u, v'}), (['1 2 3', '4 5', '6 7 8'], {'invalid_raise': False}),
 (['1 2', '3 4'], {'dtype': None}), (['1 2', '3 4'], {'names': True, 'dtype': None})]
for lines, kw in T:
    try:
        r = np.genfromtxt(lines, **kw)
        print(kw, repr(r))
    except Exception as e:
        print(kw, type(e).__name__, repr(str(e)))
np.savetxt('g.csv', np.arange(6).reshape(2, 3), delimiter=',', header='a,b,c', comments='', fmt='%d')
print(np.genfromtxt('g.csv', delimiter=',', names=True), np.genfromtxt('g.csv', delimiter=',', skip_header=1, dtype=int))
