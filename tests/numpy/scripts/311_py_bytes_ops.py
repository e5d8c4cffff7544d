b = b'abc'
print(b, len(b), b[0], b[1:], b + b'd', b * 2, list(b))
print(b == b'abc', b'b' in b, b.decode(), 'xyz'.encode(), repr(b'\x00\xff'), b[::-1])
