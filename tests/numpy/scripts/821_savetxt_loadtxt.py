import numpy as np
tests = [(['1 2', '3 x'], {}), (['1 2 3', '4 5'], {}), (['1.0 2'], {'dtype': int}), (['# c', '', '1 2', '3 4 # t'], {}), (['1,2', '3,4'], {'delimiter': ',', 'dtype': 'i4'}),
  (['a', '1 2', '3 4'], {'skiprows': 1}), (['1 2 3', '4 5 6'], {'usecols': (0, -1)}), (['1 2 3', '4 5 6'], {'usecols': 1}), (['1 2', '3 4'], {'unpack': True}), (['5'], {}), (['5'], {'ndmin': 2}), (['1 2'], {'ndmin': 1}),
  (['1+2j 3'], {'dtype': complex}), (['1 2', '3 4', '5 6'], {'max_rows': 2}), (['1;2'], {'delimiter': ';', 'comments': ['%', '//']}), (['1 2', '3 4'], {'usecols': 5}), (['1, 2 ,3'], {'delimiter': ','}), (['nan inf -inf'], {}), (['1 2'], {'dtype': [('a', 'i4'), ('b', 'f8')]}),
  (['True 0'], {'dtype': bool}), ([' 1  2 '], {}), (['1,,3'], {'delimiter': ','}), (['0x10 2'], {}), (['1e3 1E-2 .5 5.'], {}), (['1 0', '0 1'], {'dtype': bool}), (['1 2', '3 4'], {'dtype': np.float32, 'ndmin': 2}), (['1 2', '3 4'], {'dtype': [('x', 'f8'), ('y', 'i8')], 'unpack': True})]
for lines, kw in tests:
    try:
        r = np.loadtxt(lines, **kw)
        print(kw, repr(r))
    except Exception as e:
        print(kw, type(e).__name__, e)
for X, kw in [(np.array([[1, 2], [3, 4]]), {}), (np.array([1.5, 2.25]), {}), (np.array([[1, 2], [3, 4]]), {'fmt': '%d', 'delimiter': ','}), (np.array([1+2j]), {}), (np.array([[1.5, 2]]), {'fmt': ['%.2f', '%5d']}),
              (np.array([[1.5, 2]]), {'fmt': '%.1f %.3e'}), (np.array([[1, 2]]), {'header': 'a b\nc', 'footer': 'end', 'comments': '## '}), (np.array([[1, 2]]), {'fmt': '%.1f', 'newline': ';'}), (np.array([1+2j, 3-1j]), {'fmt': '%.2f'}),
              (np.arange(6, dtype=np.float32).reshape(2, 3) / 3, {'fmt': '%.6g'}), (np.array([True, False]), {'fmt': '%d'})]:
    np.savetxt('st.txt', X, **kw)
    back = np.loadtxt('st.txt', dtype=X.dtype, delimiter=kw.get('delimiter'), comments=kw.get('comments', '#').strip() or '#') if 'newline' not in kw and X.dtype.kind != 'c' else None
    print(repr(np._read_text('st.txt')) if hasattr(np, '_read_text') else repr(open('st.txt').read()), back)
for bad in (lambda: np.savetxt('st.txt', np.zeros((2, 2, 2))), lambda: np.savetxt('st.txt', np.zeros((2, 2)), fmt='%d %d %d'), lambda: np.savetxt('st.txt', np.zeros(2), fmt=['%d', '%d']), lambda: np.loadtxt('no_such_file.txt'), lambda: np.loadtxt(['1'], ndmin=3)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(np.fromstring('1 2 3', sep=' '), np.fromstring('1,2', dtype=int, sep=','), np.fromstring('1.5, 2.5, 3', sep=',', count=2), np.fromstring('1 2', dtype=np.float32, sep=' '))
print(np.loadtxt(['1+2j -3.5-1e-3j', '(2-1j) 4j', '-1j 1.5'], dtype=complex), np.fromstring('1+1j 2', dtype=complex, sep=' '))
np.savetxt('c.txt', np.array([[1 + 2j, -1.5j]]))
print(np._read_text('c.txt') if hasattr(np, '_read_text') else open('c.txt').read(), end='')
np.savetxt('grid.csv', np.arange(12).reshape(3, 4), fmt='%d', delimiter=',', header='a,b,c,d', comments='')
print(np.loadtxt('grid.csv', delimiter=',', skiprows=1, dtype=int), np.loadtxt('grid.csv', delimiter=',', skiprows=1, usecols=(1, 3), unpack=True))
