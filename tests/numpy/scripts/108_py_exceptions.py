def risky(kind):
    if kind == 0:
        return [1, 2][5]
    if kind == 1:
        return {"a": 1}["b"]
    if kind == 2:
        return 1 / 0
    if kind == 3:
        return int("abc")
    if kind == 4:
        return "a" + 1
    if kind == 5:
        raise ValueError("custom message")
    if kind == 6:
        return undefined_name
    if kind == 7:
        return 10 // 0
    if kind == 8:
        return (1).nope
    return "ok"

for k in range(10):
    try:
        print(k, risky(k))
    except (IndexError, KeyError) as e:
        print(k, "lookup:", type(e).__name__, e)
    except ZeroDivisionError as e:
        print(k, "zero:", e)
    except Exception as e:
        print(k, type(e).__name__, e)
    finally:
        pass

try:
    try:
        raise TypeError("inner")
    except TypeError:
        print("caught inner, re-raising")
        raise
except TypeError as e:
    print("outer got", e, e.args)

try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)

def f():
    try:
        return "from try"
    finally:
        print("finally runs")
print(f())
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError catches KeyError", repr(e))
