#!/usr/bin/python3
"""make_corpus.py — write the seed corpus of fuzz_npy into tests/fuzz/corpus/.

    /usr/bin/python3 tests/fuzz/make_corpus.py

Valid files come from NumPy 1.24 itself (numpy.lib.format.write_array,
np.savez, np.savez_compressed): several dtypes, byte orders, C and Fortran
order, 0-d and zero-size arrays, structured dtypes, format versions 1.0,
2.0 and 3.0.  Hostile ones are hand-made: bad magic, truncated headers,
header lengths past the end, shape products that overflow, unknown
dtypes, literals that are not a dict, deep nesting.  The output is
deterministic (zip timestamps are fixed), so re-running it changes nothing
unless this script changed."""
import io
import os
import struct
import warnings
import zipfile

import numpy as np
from numpy.lib import format as fmt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")


def npy(a, version=None):
    b = io.BytesIO()
    fmt.write_array(b, a, version=version, allow_pickle=False)
    return b.getvalue()


def raw(header, data=b"", version=1, hlen=None):
    """A .npy file with this header text, padded as NumPy pads it."""
    h = header.encode("latin-1") if isinstance(header, str) else header
    lb = 2 if version == 1 else 4
    pad = (-(6 + 2 + lb + len(h) + 1)) % 64
    h = h + b" " * pad + b"\n"
    n = len(h) if hlen is None else hlen
    return b"\x93NUMPY" + bytes([version, 0]) + (struct.pack("<H", n) if lb == 2 else struct.pack("<I", n)) + h + data


def npz(arrays, compress):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, a in arrays.items():
            info = zipfile.ZipInfo(name + ".npy", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = z.compression
            z.writestr(info, npy(a))
    return b.getvalue()


def seeds():
    s = {}
    rng = np.random.RandomState(0)
    # valid .npy: dtypes and byte orders
    for d in ["?", "i1", "<u2", ">i4", "<i8", ">u8", "<f2", "<f4", ">f8", "<c8", ">c16", "S5", "<U3", "V4"]:
        a = np.frombuffer(rng.bytes(6 * np.dtype(d).itemsize), dtype=d).reshape(2, 3)
        s[f"ok_{d.replace('<', 'le_').replace('>', 'be_').replace('?', 'bool')}.npy"] = npy(a)
    s["ok_fortran.npy"] = npy(np.asfortranarray(np.arange(12, dtype="<i4").reshape(3, 4)))
    s["ok_0d.npy"] = npy(np.array(3.5))
    s["ok_empty.npy"] = npy(np.zeros((0, 3), "<f8"))
    s["ok_4d.npy"] = npy(np.arange(24, dtype="u1").reshape(1, 2, 3, 4))
    s["ok_v2.npy"] = npy(np.arange(5, dtype="<i2"), version=(2, 0))
    s["ok_v3.npy"] = npy(np.arange(5, dtype="<i2"), version=(3, 0))
    rec = np.dtype([("id", "<u4"), ("x", "<f4"), ("v", "<i2", (2,))])
    s["ok_struct.npy"] = npy(np.zeros(3, rec))
    s["ok_struct_aligned.npy"] = npy(np.zeros(2, np.dtype([("a", "u1"), ("b", "<f8")], align=True)))
    s["ok_struct_nested.npy"] = npy(np.zeros(2, np.dtype([("p", [("x", "<f4"), ("y", "<f4")]), ("n", "u1")])))
    s["ok_struct_utf8.npy"] = npy(np.zeros(2, np.dtype([("\u00e9t\u00e9", "<i4"), ("\u03c0", "<f8")])))
    s["ok_big_shape.npy"] = npy(np.zeros((1, 1, 1, 1, 1, 1, 1, 1), "u1"))
    # valid .npz
    s["ok_stored.npz"] = npz({"a": np.arange(6, dtype="<i4"), "b": np.ones((2, 2))}, False)
    s["ok_deflated.npz"] = npz({"x": np.arange(100, dtype="<i8"), "y": np.array(True)}, True)
    # hostile .npy
    good = npy(np.arange(4, dtype="<i4"))
    s["bad_magic.npy"] = b"\x93NUMPZ" + good[6:]
    s["bad_version.npy"] = good[:6] + b"\x04\x00" + good[8:]
    s["bad_truncated_header.npy"] = good[:30]
    s["bad_truncated_data.npy"] = good[:-3]
    s["bad_hlen_past_end.npy"] = raw("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }", hlen=60000)
    s["bad_hlen_huge_v2.npy"] = raw("{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }", version=2,
                                   hlen=0xFFFFFFF0)
    s["bad_shape_overflow.npy"] = raw("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }")
    s["bad_shape_bigint.npy"] = raw("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }")
    s["bad_shape_negative.npy"] = raw("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }")
    s["bad_shape_33d.npy"] = raw("{'descr': 'u1', 'fortran_order': False, 'shape': (" + "1, " * 33 + "), }")
    s["bad_dtype_unknown.npy"] = raw("{'descr': '<q9', 'fortran_order': False, 'shape': (1,), }", b"\0" * 8)
    s["bad_dtype_object.npy"] = raw("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", b"\0" * 8)
    s["bad_dtype_v0.npy"] = raw("{'descr': '|V0', 'fortran_order': False, 'shape': (1000000000000,), }")
    s["bad_not_dict.npy"] = raw("['descr', 'fortran_order', 'shape']")
    s["bad_keys.npy"] = raw("{'descr': '<i4', 'shape': (1,), 'extra': 1}", b"\0" * 4)
    s["bad_fortran_int.npy"] = raw("{'descr': '<i4', 'fortran_order': 0, 'shape': (1,), }", b"\0" * 4)
    s["bad_unclosed.npy"] = raw("{'descr': '<i4', 'fortran_order': False, 'shape': (1,")
    s["bad_deep.npy"] = raw("{'descr': " + "[" * 200 + "]" * 200 + ", 'fortran_order': False, 'shape': ()}")
    s["bad_long_v1.npy"] = raw("{'descr': '<i4', 'fortran_order': False, 'shape': (2L,), }", b"\0" * 8)
    s["bad_escape.npy"] = raw("{'descr': '<i\\x34', 'fortran_order': False, 'shape': (1,), }", b"\0" * 4)
    s["bad_descr_fields.npy"] = raw("{'descr': [('a', '<i4'), ('a', '<i4')], 'fortran_order': False, 'shape': (1,)}",
                                    b"\0" * 8)
    s["bad_descr_subarray.npy"] = raw("{'descr': ('<i4', (2, -3)), 'fortran_order': False, 'shape': (1,)}", b"\0" * 8)
    # hostile .npz
    z = npz({"a": np.arange(6, dtype="<i4")}, False)
    s["bad_zip_truncated.npz"] = z[:-10]
    s["bad_zip_crc.npz"] = z[:60] + bytes([z[60] ^ 0xFF]) + z[61:]
    s["bad_zip_cd_offset.npz"] = z[:-6] + struct.pack("<I", 0xFFFFFF00) + z[-2:]
    zc = npz({"a": np.arange(50, dtype="<i8")}, True)
    s["bad_zip_deflate.npz"] = zc[:50] + b"\xff" * 8 + zc[58:]
    return s


def main():
    warnings.simplefilter("ignore")  # "Stored array in format 3.0": wanted here
    os.makedirs(OUT, exist_ok=True)
    for name, data in sorted(seeds().items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"{len(seeds())} files in {OUT}")


if __name__ == "__main__":
    main()
