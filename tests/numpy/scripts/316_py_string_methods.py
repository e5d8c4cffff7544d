s = '  Hello, World  '
print(s.strip(), s.lstrip(), s.rstrip(), s.lower(), s.upper(), s.title())
t = 'a,b,,c'
print(t.split(','), t.split(',', 1), 'a b  c'.split(), t.rsplit(',', 1))
print('-'.join(['x', 'y', 'z']), 'abc'.replace('b', 'BB'), 'abcabc'.count('bc'), 'abc'.find('c'), 'abc'.find('z'))
print('abc'.startswith('ab'), 'abc'.endswith(('x', 'c')), '42'.isdigit(), 'ab'.isalpha(), ' '.isspace())
print('x'.ljust(4, '.'), 'x'.rjust(4), 'x'.center(5, '*'), '7'.zfill(3), 'ab'.capitalize(), 'AbC'.swapcase())
print('line1\nline2'.splitlines(), 'abc'.index('b'), 'a' * 3, 'abc'[::-1], 'abc' < 'abd')
