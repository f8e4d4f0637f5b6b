# CMake toolchain for 64-bit Windows with Debian's MinGW-w64 (the -posix compilers: the -win32 ones
# lack std::thread and std::mutex). Packages are searched only under CMAKE_FIND_ROOT_PATH, so the
# host's GSL (and its /usr/include) never reaches a MinGW compile.
#
#     cmake -DCMAKE_TOOLCHAIN_FILE=tests/consumers/mingw-w64-x86_64.cmake
#           -DCMAKE_FIND_ROOT_PATH="<mprnotify prefix>;<GSL prefix for MinGW>" ...
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

list(APPEND CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
