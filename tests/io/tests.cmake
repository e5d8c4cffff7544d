# NumPy interop for .npy/.npz/DLPack: /usr/bin/python3 (with NumPy) writes
# files nd reads and reads files nd writes (tests/io/interop.py).
if(EXISTS /usr/bin/python3)
  add_executable(io_interop ${CMAKE_CURRENT_LIST_DIR}/io_interop.c)
  target_link_libraries(io_interop PRIVATE nd_static)
  if(ND_SANITIZE)
    set(ND_IO_LIB none) # an ASan-built libnd.so cannot be dlopened into python
  else()
    set(ND_IO_LIB $<TARGET_FILE:nd_shared>)
  endif()
  add_test(NAME io_numpy_interop
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/interop.py $<TARGET_FILE:io_interop> ${ND_IO_LIB})
  set_tests_properties(io_numpy_interop PROPERTIES LABELS numpy)
endif()
