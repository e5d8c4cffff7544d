# The step-limit error cannot be swallowed: every later statement raises it
# again, so the handler below cannot keep the loop alive.
n = 0
while True:
    try:
        while True:
            n += 1
    except Exception:
        pass
    except:
        pass
    finally:
        n = 0
