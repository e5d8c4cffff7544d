# np.nan_to_num, np.delete and np.fix
import numpy as np
print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0])), np.nan_to_num(np.array([1, 2])), np.nan_to_num(np.nan), type(np.nan_to_num(np.nan)).__name__)
print(np.nan_to_num(np.array([np.nan, np.inf], dtype=np.float32)), np.nan_to_num(np.array([np.nan, -np.inf]), nan=-1, neginf=-9), np.nan_to_num(np.array([np.inf], dtype=np.float16)))
z = np.array([np.nan, 2.0])
zz = np.nan_to_num(z, copy=False)
print(z, zz is z, np.nan_to_num(3), type(np.nan_to_num(3)).__name__)
print(np.delete(np.arange(6), [1, 3]), np.delete(np.arange(6).reshape(2, 3), 1, axis=1), np.delete(np.arange(6).reshape(2, 3), 0))
print(np.delete(np.arange(10), slice(2, 8, 3)), np.delete(np.arange(5), -1), np.delete(np.arange(4), [True, False, True, False]), np.delete(np.arange(4), []))
for bad in [lambda: np.delete(np.arange(6), 6), lambda: np.delete(np.arange(6).reshape(2, 3), 2, axis=0), lambda: np.delete(np.arange(3), 0, axis=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(np.fix(np.array([-1.5, 1.5, 2])), np.fix(3.7), np.fix(np.array([1, 2])), np.fix(-0.5), type(np.fix(3.7)).__name__, np.fix(np.array([-2.5], dtype=np.float32)).dtype)
