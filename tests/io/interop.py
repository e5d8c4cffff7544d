"""NumPy <-> nd interop for .npy, .npz and DLPack.

usage: interop.py IO_INTEROP_TOOL LIBND_SO|none

NumPy writes every dtype and layout; nd loads it (in memory and through
each mmap mode) and saves it again; NumPy loads nd's file and it must be
byte-identical to NumPy's own.  The same for .npz (stored and deflated).
With a shared library, DLPack is exchanged both ways through ctypes.
"""
import ctypes
import gc
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np

TOOL, LIB = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    r = subprocess.run([TOOL, *args], capture_output=True, text=True)
    check(r.returncode == 0, f"{args}: {r.stderr.strip()}")
    return r.returncode == 0


def same(a, b):
    return (a.dtype == b.dtype and a.dtype.descr == b.dtype.descr and a.shape == b.shape
            and a.tobytes() == b.tobytes())


def arrays():
    codes = ['?', 'i1', 'u1']
    for k in ['i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16']:
        codes += ['<' + k, '>' + k]
    for c in codes:
        base = (np.arange(24) * 7 - 50).astype(c)
        name = c.replace('<', 'le').replace('>', 'be').replace('?', 'bool')
        yield name + '_c', base.reshape(2, 3, 4)
        yield name + '_f', np.asfortranarray(base.reshape(2, 3, 4))
        yield name + '_nc', base.reshape(4, 6)[:, ::2]
        yield name + '_0d', np.array(base[5])
        yield name + '_empty', base[:0].reshape(0, 3)
    # Records: packed, big-endian, nested with sub-arrays, aligned (padded)
    records = {
        'rec_packed': np.dtype([('id', '<u4'), ('x', '<f4'), ('ok', '?')]),
        'rec_be': np.dtype([('a', '>i2'), ('b', '>f8')]),
        'rec_nested': np.dtype([('p', [('x', '<f4'), ('y', '>i8')]), ('v', '<i2', (3,)), ('m', '<c8', (2, 2))]),
        'rec_aligned': np.dtype([('a', 'u1'), ('b', '<f8'), ('c', '<i2')], align=True),
        'rec_offsets': np.dtype({'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [0, 8],
                                 'itemsize': 24}),
    }
    for name, dt in records.items():
        base = np.zeros(24, dt)  # zero padding, so NumPy's and nd's files can match byte for byte
        base[...] = (np.arange(24) * 7 - 50)
        yield name + '_c', base.reshape(2, 3, 4)
        yield name + '_0d', np.array(base[5])
        yield name + '_empty', base[:0].reshape(0, 3)
        if name in ('rec_packed', 'rec_be', 'rec_nested'):
            yield name + '_f', np.asfortranarray(base.reshape(2, 3, 4))
            yield name + '_nc', base.reshape(4, 6)[:, ::2]


def test_npy(d):
    for name, a in arrays():
        src = os.path.join(d, name + '.npy')
        np.save(src, a)
        want = open(src, 'rb').read()
        for mode in ['-', 'r', 'c']:
            out = os.path.join(d, f'{name}.{mode}.out.npy')
            if not run('copy', src, out, mode):
                continue
            b = np.load(out)
            check(same(a, b), f'{name} {mode}: values/dtype/shape')
            fortran = a.flags.f_contiguous and not a.flags.c_contiguous
            check(b.flags.f_contiguous if fortran else b.flags.c_contiguous, f'{name} {mode}: order')
            check(open(out, 'rb').read() == want, f'{name} {mode}: file differs from NumPy\'s')
    # Format versions 2.0 and 3.0 written by NumPy.
    a = np.arange(12, dtype='>f4').reshape(3, 4)
    for v in [(2, 0), (3, 0)]:
        src = os.path.join(d, f'v{v[0]}.npy')
        with open(src, 'wb') as f:
            np.lib.format.write_array(f, a, version=v)
        out = os.path.join(d, f'v{v[0]}.out.npy')
        if run('copy', src, out, '-'):
            check(same(a, np.load(out)), f'version {v}')


def test_npz(d):
    kw = {'x': np.arange(1000, dtype='<i8'), 'y': np.ones((3, 4), '>f4', order='F'),
          'z': np.zeros((0,), '?'), 's': np.array(2.5),
          'r': np.array([(1, 2.5, [1, 2]), (3, -1.0, [4, 5])], dtype=[('i', '>u2'), ('f', '<f8'), ('v', '<i4', (2,))])}
    for comp in [False, True]:
        src = os.path.join(d, f'n{int(comp)}.npz')
        (np.savez_compressed if comp else np.savez)(src, np.arange(5), **kw)
        for ndcomp in ['0', '1']:
            out = os.path.join(d, f'n{int(comp)}{ndcomp}.out.npz')
            if not run('npzcopy', src, out, ndcomp):
                continue
            with np.load(src) as a, np.load(out) as b:
                check(a.files == b.files, f'npz {comp}/{ndcomp}: names {a.files} vs {b.files}')
                for k in a.files:
                    check(same(a[k], b[k]), f'npz {comp}/{ndcomp}: member {k}')


def test_dlpack():
    L = ctypes.PyDLL(LIB)  # keeps the GIL: NumPy's deleter touches refcounts
    vp = ctypes.c_void_p
    L.nd_arange.restype = vp
    L.nd_arange.argtypes = [ctypes.c_int64, ctypes.c_int64, ctypes.c_int64, vp]
    for f in ['nd_to_dlpack', 'nd_from_dlpack', 'nd_data']:
        getattr(L, f).restype = vp
        getattr(L, f).argtypes = [vp]
    L.nd_refcount.restype = ctypes.c_long
    L.nd_refcount.argtypes = [vp]
    L.nd_release.argtypes = [vp]
    api = ctypes.pythonapi
    api.PyCapsule_New.restype = ctypes.py_object
    api.PyCapsule_New.argtypes = [vp, ctypes.c_char_p, vp]
    api.PyCapsule_GetPointer.restype = vp
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    api.PyCapsule_SetName.argtypes = [ctypes.py_object, ctypes.c_char_p]

    # nd -> NumPy: the same memory, and the deleter drops nd's reference.
    a = L.nd_arange(0, 10, 1, None)
    cap = api.PyCapsule_New(L.nd_to_dlpack(a), b'dltensor', None)

    class Holder:
        def __dlpack__(self, stream=None):
            return cap

        def __dlpack_device__(self):
            return (1, 0)

    x = np.from_dlpack(Holder())
    check(x.ctypes.data == L.nd_data(a), 'dlpack nd->np: same address')
    check(list(x) == list(range(10)), 'dlpack nd->np: values')
    ctypes.c_int64.from_address(L.nd_data(a) + 16).value = 99
    check(x[2] == 99, 'dlpack nd->np: writes visible')
    check(L.nd_refcount(a) == 2, 'dlpack nd->np: tensor holds a ref')
    del x, cap, Holder
    gc.collect()
    check(L.nd_refcount(a) == 1, 'dlpack nd->np: deleter ran once')
    L.nd_release(a)

    # NumPy -> nd: nd's last release runs NumPy's deleter.
    arr = np.arange(6, dtype=np.float32)
    rc0 = sys.getrefcount(arr)
    cap = arr.__dlpack__()
    check(sys.getrefcount(arr) == rc0 + 1, 'dlpack np->nd: export holds a ref')
    b = L.nd_from_dlpack(api.PyCapsule_GetPointer(cap, b'dltensor'))
    check(bool(b), 'dlpack np->nd: import')
    api.PyCapsule_SetName(cap, b'used_dltensor')  # nd owns it now
    check(L.nd_data(b) == arr.ctypes.data, 'dlpack np->nd: same address')
    del cap
    L.nd_release(b)
    check(sys.getrefcount(arr) == rc0, 'dlpack np->nd: deleter ran once')


d = tempfile.mkdtemp(prefix='nd_interop_')
try:
    test_npy(d)
    test_npz(d)
    if LIB != 'none':
        test_dlpack()
finally:
    shutil.rmtree(d)
print(f'{len(failures)} failure(s)')
sys.exit(1 if failures else 0)
