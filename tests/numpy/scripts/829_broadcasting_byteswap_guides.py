import numpy as np
a = np.array([1.0, 2.0, 3.0]); b = np.array([2.0, 2.0, 2.0]); print(a * b); b = 2.0; print(a * b)
a = np.array([[0.0, 0.0, 0.0], [10.0, 10.0, 10.0], [20.0, 20.0, 20.0], [30.0, 30.0, 30.0]]); b = np.array([1.0, 2.0, 3.0]); print(a + b)
b = np.array([1.0, 2.0, 3.0, 4.0])
try:
    a + b
except ValueError as e:
    print(e)
a = np.array([0.0, 10.0, 20.0, 30.0]); b = np.array([1.0, 2.0, 3.0]); print(a[:, np.newaxis] + b)
observation = np.array([111.0, 188.0]); codes = np.array([[102.0, 203.0], [132.0, 193.0], [45.0, 155.0], [57.0, 173.0]])
diff = codes - observation; dist = np.sqrt(np.sum(diff**2, axis=-1)); print(np.argmin(dist))
x = np.arange(4); xx = x.reshape(4, 1); y = np.ones(5); z = np.ones((3, 4))
print(x.shape, y.shape, xx.shape, (xx + y).shape, (x + z).shape)
try:
    x + y
except ValueError as e:
    print(e)
print(np.outer(np.arange(3), np.arange(3)), np.broadcast(np.arange(3)[:, None], np.arange(4)).shape, np.broadcast(x, z).nd if hasattr(np.broadcast(x, z), 'nd') else '')
# byte-swapping guide
big_end_buffer = bytes([0, 1, 3, 2])
big_end_arr = np.ndarray(shape=(2,), dtype='>i2', buffer=big_end_buffer)
print(big_end_arr[0], big_end_arr[1])
little_end_u4 = np.ndarray(shape=(1,), dtype='<u4', buffer=big_end_buffer)
print(little_end_u4[0] == 1 * 256**1 + 3 * 256**2 + 2 * 256**3)
wrong_end_dtype_arr = np.ndarray(shape=(2,), dtype='<i2', buffer=big_end_buffer); print(wrong_end_dtype_arr[0])
fixed_end_dtype_arr = wrong_end_dtype_arr.view(np.dtype('<i2').newbyteorder()); print(fixed_end_dtype_arr[0], fixed_end_dtype_arr.tobytes() == big_end_buffer)
fixed_end_mem_arr = wrong_end_dtype_arr.byteswap(); print(fixed_end_mem_arr[0], fixed_end_mem_arr.tobytes() == big_end_buffer)
swapped_end_arr = big_end_arr.byteswap().view(big_end_arr.dtype.newbyteorder()); print(swapped_end_arr[0], swapped_end_arr.tobytes() == big_end_buffer)
swapped_end_arr = big_end_arr.astype('<i2'); print(swapped_end_arr[0], swapped_end_arr.tobytes() == big_end_buffer)
# copies and views guide
x = np.arange(10); y = x[1:3]; x[1:3] = [10, 11]; print(x, y)
x = np.arange(9).reshape(3, 3); y = x[[1, 2]]; print(y, y.base is None); x[[1, 2]] = [[10, 11, 12], [13, 14, 15]]; print(x, y)
x = np.ones((2, 3)); y = x.T; 
try:
    y.shape = 6
except AttributeError as e:
    print(e)
z = y.reshape(6); print(z, z.base is None)
x = np.arange(9); print(x.base is None); y = x.reshape(3, 3); print(y.base is x); z = y[[2, 1]]; print(z.base is None)
x = np.arange(6).reshape(2, 3); print(np.shares_memory(x, x.ravel()), np.shares_memory(x.T, x.T.ravel()), x.flatten().base is None)
bc = np.broadcast(np.arange(3)[:, None], np.arange(4))
print(bc.shape, bc.ndim, bc.nd, bc.size, bc.numiter)
print([(int(u), int(v)) for u, v in np.broadcast([1, 2], [[3], [4]])])
try:
    np.broadcast(np.ones(2), np.ones(3))
except ValueError as e:
    print(e)
print(np.broadcast(1, np.ones((2, 3))).shape, np.broadcast().shape if False else '')
