// files.hpp - reading a DLL file and the command line, with UTF-8 names on every platform.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mprcheck {

/// Files larger than this are refused rather than read (real DLLs are far smaller).
inline constexpr std::size_t max_file_size = std::size_t{512} * 1024 * 1024;

struct file_contents {
    std::vector<std::byte> bytes;
    std::string error; ///< empty on success
};

/// Reads a whole file named by a UTF-8 path.
[[nodiscard]] file_contents read_file(const std::string& utf8_path);

/// The program's arguments as UTF-8 (on Windows taken from the wide command line).
[[nodiscard]] std::vector<std::string> command_line(int argc, char** argv);

#if defined(_WIN32)
/// UTF-8 to UTF-16 (Windows only: registry names and paths are UTF-16). The other way is
/// mprnotify::printable_utf8 (mprnotify/core/text.hpp), the one conversion the library and its tools share.
[[nodiscard]] std::wstring to_wide(const std::string& text);
#endif

} // namespace mprcheck
