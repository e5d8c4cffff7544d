import numpy as np
import nonexistent_module_xyz
