import numpy as np
e = np.zeros((0, 4))
print(e, e.shape, e.size, e.strides, e.flags.c_contiguous, e.flags.f_contiguous, repr(e))
print(e.sum(), e.sum(axis=0), e.view('i1').shape, e[:, ::2].flags.c_contiguous, np.arange(0), repr(np.arange(0)))
print(e.reshape(4, 0).shape, np.concatenate([e, np.ones((1, 4))]), e.T.shape, len(e), list(e))
