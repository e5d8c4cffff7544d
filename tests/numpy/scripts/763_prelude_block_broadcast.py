# np.block (nesting, depth/dimension errors), np.broadcast_arrays, np.rollaxis (views) (prelude)
import numpy as np


def show(x):
    print(repr(x), x.dtype, x.shape)


def err(fn):
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__, ex)


A = np.eye(2) * 2
B = np.eye(3) * 3
show(np.block([[A, np.zeros((2, 3))], [np.ones((3, 2)), B]]))
show(np.block([1, 2, 3]))
show(np.block([np.array([1, 2]), np.int8(3), np.array([4.5])]))
show(np.block([[1, 2], [3, 4]]))
show(np.block([[np.arange(2, dtype=np.int8)], [np.arange(2, dtype=np.uint8)]]))
show(np.block([[1j], [np.float32(2)]]))
show(np.block([[[1, 2]], [[3, 4]]]))
show(np.block([[[np.ones((2, 1, 2))], [np.zeros((2, 1, 2))]]]))
show(np.block(np.arange(3)))
v = np.arange(4)
w = np.block(v)
print(np.shares_memory(w, v), w.base is None)
show(np.block(5))
show(np.block([np.zeros((2, 0)), np.ones((2, 1))]))
show(np.block([[np.ones((2, 2)).T[:, :1], np.arange(6).reshape(2, 3)]]))
show(np.block([[[True]], [[False]]]))
show(np.block([np.zeros(3, 'f2'), np.ones(2, 'f4')]))
one = np.block([np.arange(3)])
print(np.shares_memory(one, np.arange(3)), one.flags.owndata or one.base is not None)
err(lambda: np.block([[1, 2], 3]))
err(lambda: np.block([1, [2, 3]]))
err(lambda: np.block([[1, 2], [[3]]]))
err(lambda: np.block([]))
err(lambda: np.block([[], [1]]))
err(lambda: np.block([[1], []]))
err(lambda: np.block((1, 2)))
err(lambda: np.block([[1, 2], (3, 4)]))
err(lambda: np.block([np.ones((2, 2)), np.ones((3, 3))]))
err(lambda: np.block([[np.ones((2, 2))], [np.ones((2, 3))]]))

# broadcast_arrays returns a list of views
x = np.array([[1, 2, 3]])
y = np.array([[4], [5]])
r = np.broadcast_arrays(x, y)
print(type(r).__name__, len(r))
for z in r:
    show(z)
    print(z.strides, z.flags.writeable, z.flags.owndata, np.shares_memory(z, x) or np.shares_memory(z, y))
r = np.broadcast_arrays(np.arange(3.), 5, np.zeros((2, 1), np.int8))
for z in r:
    show(z)
same = np.broadcast_arrays(x, x + 1)
print(same[0] is x, [z.shape for z in same])
print(np.broadcast_arrays())
print(np.broadcast_arrays(np.arange(2))[0].flags.writeable)
ro = np.arange(3)
ro.flags.writeable = False
print([z.flags.writeable for z in np.broadcast_arrays(ro, np.zeros((2, 1)))])
show(np.broadcast_arrays([1, 2], [[True], [False]], np.float32(1.5))[2])
show(np.broadcast_arrays(np.zeros((0, 1)), np.zeros(3))[1])
err(lambda: np.broadcast_arrays(np.zeros(2), np.zeros(3)))
err(lambda: np.broadcast_arrays(np.zeros((2, 1)), np.zeros((1, 3)), np.zeros((4, 3))))
err(lambda: np.broadcast_arrays(np.zeros((2, 3)), np.zeros((1, 4)), np.zeros((5, 1))))

# rollaxis: always a view
a = np.ones((3, 4, 5, 6))
print(np.rollaxis(a, 3, 1).shape, np.rollaxis(a, 2).shape, np.rollaxis(a, 1, 4).shape)
print(np.rollaxis(a, -1, -3).shape, np.rollaxis(a, 0, 4).shape, np.rollaxis(a, 1, 1).shape, np.rollaxis(a, 1, 2).shape)
b = np.arange(24).reshape(2, 3, 4)
for args in [(0, 0), (0, 1), (0, 2), (0, 3), (2, 0), (-1, -2), (1, -3), (1, 3)]:
    rb = np.rollaxis(b, *args)
    print(args, rb.shape, rb.strides, np.shares_memory(rb, b), rb.base is b, rb is b)
print(np.rollaxis(b, 2, 1)[1])
err(lambda: np.rollaxis(b, 3))
err(lambda: np.rollaxis(b, -4))
err(lambda: np.rollaxis(b, 0, 4))
err(lambda: np.rollaxis(b, 0, -4))
err(lambda: np.rollaxis(b, 1.0))
