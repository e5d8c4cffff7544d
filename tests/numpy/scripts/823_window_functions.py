import numpy as np
for M in (0, 1, 2, 5, 8):
    print(M, np.hanning(M), np.hamming(M), np.blackman(M), np.bartlett(M), np.kaiser(M, 5.0) if M else np.kaiser(2, 0))
print(np.hanning(5).dtype, np.bartlett(4).dtype, np.kaiser(6, 14))
