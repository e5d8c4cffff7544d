# Seed 001, "A deeper example: zero-copy slicing for CNN preprocessing"
import numpy as np

# Fake image: 224x224x3, 150,528 bytes

img = np.arange(224*224*3, dtype='uint8').reshape(224, 224, 3)

# View as a flat buffer without copying

flat = img.view('uint8')

# Reshape into CHW by changing strides (zero-copy if contiguous)

chw = np.transpose(img, (2, 0, 1))

# Final conversion to float32 only once

chw_f32 = chw.astype('float32') / 255.0

print(flat.shape, chw.shape, chw_f32.dtype)
