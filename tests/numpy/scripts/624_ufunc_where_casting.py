# ufunc keywords where= and casting=: masked writes into out, unsafe output casts, NumPy's errors.
import numpy as np
a = np.arange(6.).reshape(2, 3); b = np.array([1., 0, 2])
o = np.full((2, 3), -1.); print(np.divide(a, b, out=o, where=b != 0), o)
o = np.zeros((2, 3), 'i8')
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: np.add(a, 1, out=o, casting='unsafe'))
show(lambda: np.add(a, 1, out=o))
show(lambda: np.add(a, 1, out=o, casting='safe'))
show(lambda: np.add(a, b, where=np.array([1, 0, 1])))
show(lambda: np.add(np.ones(3), 1, out=np.zeros((2, 3))))
show(lambda: np.add(np.ones((2, 3)), 1, out=np.zeros(3)))
show(lambda: np.add(a, 1, casting='bogus'))
show(lambda: np.add(a, 1, out=o, casting='unsafe', where=b > 0))
show(lambda: np.negative(a, where=a > 2, out=np.zeros((2, 3))))
show(lambda: np.sqrt(a, out=np.zeros((2, 3), 'f4'), casting='same_kind'))
show(lambda: np.add(a, b, where=np.ones((2, 2), bool)))
show(lambda: np.add(a, 1, where=True))
show(lambda: np.add(a, 1, casting='no'))
show(lambda: np.add(np.ones(3, 'i4'), np.ones(3, 'i4'), casting='no'))
show(lambda: np.add(np.ones(3, 'i4'), np.ones(3, 'i2'), casting='equiv'))
show(lambda: np.multiply(a, 2, out=np.zeros((2, 3), 'i2'), casting='unsafe', where=[[True, False, True], [False, True, False]]))
x = np.arange(10.); np.add(x[:-1], x[1:], out=x[1:], where=x[1:] > 3); print(x)
r = np.zeros(3, 'u1'); np.subtract(np.array([1, 2, 3]), 5, out=r, casting='unsafe'); print(r)
ro = np.zeros(3); ro.flags.writeable = False
show(lambda: np.add(1, 2, out=ro, where=np.ones(3, bool)))
show(lambda: np.less(a, 2, out=np.zeros((2, 3)), casting='unsafe'))
show(lambda: np.less(a, 2, out=np.zeros((2, 3)), where=a > 1))
