import numpy as np
a = np.arange(5, dtype=np.int32)
a.tofile('corpus_tf.bin')
b = np.fromfile('corpus_tf.bin', dtype=np.int32)
print(b, b.dtype, np.fromfile('corpus_tf.bin', dtype=np.int16)[:4])
print(np.fromfile('corpus_tf.bin', dtype=np.int32, count=2), np.fromfile('corpus_tf.bin', dtype=np.uint8, offset=4)[:4])
