# 0-d arrays reduced with axis=0 / axis=-1: NumPy's ufunc.reduce takes them as
# no axes (sum, prod, min, max, any, all, count_nonzero, ptp, nan*), while
# mean/var/std check the axis, and argmin/argmax/cumsum take no tuple axis.
import numpy as np
a = np.array(3.5)
for fn in ['sum','prod','mean','min','max','amin','amax','any','all','var','std','argmin','argmax','cumsum','cumprod','count_nonzero','ptp','nansum','nanmean','average','nanmax','nanmin','nanprod']:
    for ax in [0,-1,1,(0,),(),(0,0),(-1,), None]:
        for kd in [False, True]:
            try:
                kw = {'axis':ax}
                if kd: kw['keepdims']=True
                r = getattr(np, fn)(a, **kw)
                print(fn, ax, kd, repr(r), type(r).__name__, np.shape(r))
            except Exception as e:
                print(fn, ax, kd, '!', type(e).__name__, e)
for a in [np.array(True), np.array(-3, 'i1'), np.array(2.5, 'f2'), np.array(1+2j), np.zeros((), '>i4'), np.array(np.nan, 'f4')]:
    for ax in [0, -1, np.int64(0), np.int8(-1)]:
        for kd in [False, True]:
            for f in ['sum', 'prod', 'min', 'max', 'any', 'all', 'ptp', 'argmin', 'argmax', 'cumsum', 'cumprod', 'mean', 'std']:
                try:
                    r = getattr(a, f)(axis=ax, keepdims=kd) if f not in ('cumsum', 'cumprod') else getattr(a, f)(axis=ax)
                    print(f, repr(r), r.dtype, np.shape(r))
                except Exception as e:
                    print(f, type(e).__name__, e)
            for f in ['nansum', 'nanprod', 'nanmax', 'nanmin', 'nanmean', 'count_nonzero', 'amax', 'amin']:
                try:
                    r = getattr(np, f)(a, axis=ax, keepdims=kd)
                    print(f, repr(r), np.shape(r))
                except Exception as e:
                    print(f, type(e).__name__, e)
