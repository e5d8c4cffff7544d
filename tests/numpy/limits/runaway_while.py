# A loop that never ends: nd must stop it with a clear error (run with a
# small --max-steps by tests/scripts/tests.cmake).
i = 0
while True:
    i += 1
