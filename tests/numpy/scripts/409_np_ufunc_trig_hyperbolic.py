# tan, arcsin/arccos/arctan, sinh/cosh/tanh and inverses, deg2rad/rad2deg
import numpy as np

x = np.array([0.0, 0.25, 0.5, 1.0])
print(np.tan(x))
print(np.arcsin(x), np.arccos(x))
print(np.arctan(np.array([-1.0, 0.0, 1.0, np.inf])))
print(np.sinh(x), np.cosh(x), np.tanh(np.array([-20.0, 0.0, 20.0])))
print(np.arcsinh(x), np.arccosh(np.array([1.0, 2.0, 10.0])), np.arctanh(np.array([0.0, 0.5, -0.5])))
d = np.array([0.0, 30.0, 45.0, 90.0, 180.0, 360.0])
r = np.deg2rad(d)
print(r, np.rad2deg(r), np.radians(d) == r, np.degrees(r))
print(np.round(np.sin(np.radians(d)), 12))
print(np.arcsin(np.array([2.0])), np.arccosh(np.array([0.5])))
print(np.tan(np.int8(1)).dtype, np.deg2rad(np.array([180], dtype=np.int16)).dtype)
