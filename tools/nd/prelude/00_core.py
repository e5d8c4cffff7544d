# numpy functions NumPy itself writes in Python, in the subset nd runs.
# Each file here is run once, in one scope, the first time a script asks
# numpy for a name the C side lacks (see np_prelude.c); public names become
# numpy attributes.  `np` is the numpy module.


def real(val):
    try:
        return val.real
    except AttributeError:
        return np.asanyarray(val).real


def imag(val):
    try:
        return val.imag
    except AttributeError:
        return np.asanyarray(val).imag


def iscomplexobj(x):
    try:
        t = x.dtype.type
    except AttributeError:
        t = np.asarray(x).dtype.type
    return issubclass(t, np.complexfloating)


def isrealobj(x):
    return not iscomplexobj(x)


def iscomplex(x):
    ax = np.asanyarray(x)
    if issubclass(ax.dtype.type, np.complexfloating):
        return ax.imag != 0
    res = np.zeros(ax.shape, bool)
    return res[()]


def isreal(x):
    return imag(x) == 0
