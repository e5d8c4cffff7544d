# try/except/else/finally with return, break and continue going through finally
def f(x):
    try:
        if x == 0:
            return "zero"
        r = 10 // x
    except ZeroDivisionError:
        return "never"
    else:
        r += 1
    finally:
        print("finally", x)
    return r

print(f(0), f(2), f(-3))
log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(i)
    finally:
        log.append("f%d" % i)
print(log)

def g():
    try:
        raise ValueError("inner")
    except ValueError as e:
        print("caught", e)
        raise KeyError("outer")
    finally:
        print("cleanup")

try:
    g()
except KeyError as e:
    print("KeyError", e)

def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught:", e)
    return "done"

print(nested())
