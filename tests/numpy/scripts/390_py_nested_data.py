data = {'xs': [1, 2, 3], 'meta': {'name': 'test', 'tags': ('a', 'b')}, 'empty': []}
print(data)
print(data['meta']['tags'][1], len(data['xs']), data.get('nope', {}).get('x', 'default'))
data['xs'].append(4)
data['meta']['name'] += '!'
print(data['xs'], data['meta'])
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid, [row[:] for row in grid] == grid)
print(sorted(data), list(reversed(data['xs'])), [k for k, v in data.items() if v])
