s = 'hello world'
counts = {}
for ch in s:
    if ch != ' ':
        counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(''.join(sorted(set(s))) if False else ''.join(sorted(counts)), s.title(), s[::2], s.split('o'))
print([c.upper() for c in 'abc'], ord('A'), chr(97), 'x' in s, s.index('w'), len(s))
print(str(123) + 'abc', repr('it\'s'), repr("a\nb"), 'tab\there')
