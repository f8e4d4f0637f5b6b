// files.cpp - file and command-line access for mprnotify-check.
#include "files.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#if defined(_WIN32)
#  ifndef WIN32_LEAN_AND_MEAN
#    define WIN32_LEAN_AND_MEAN
#  endif
#  include <windows.h>
#  include <shellapi.h>

#  include <mprnotify/core/text.hpp>
#endif

namespace mprcheck {

namespace {
std::filesystem::path path_from_utf8(const std::string& text)
{
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}
} // namespace

file_contents read_file(const std::string& utf8_path)
{
    file_contents out;
    const auto path = path_from_utf8(utf8_path);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        out.error = error ? "cannot open: " + error.message() : "not a regular file (or it does not exist)";
        return out;
    }
    const auto size = std::filesystem::file_size(path, error);
    if (error) {
        out.error = "cannot read its size: " + error.message();
        return out;
    }
    if (size > max_file_size) {
        out.error = "too large for a DLL (" + std::to_string(size) + " bytes)";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = "cannot open it for reading";
        return out;
    }
    out.bytes.resize(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(out.bytes.data()), static_cast<std::streamsize>(out.bytes.size()));
    if (static_cast<std::size_t>(in.gcount()) != out.bytes.size()) {
        out.bytes.clear();
        out.error = "could not read the whole file";
    }
    return out;
}

#if defined(_WIN32)

std::wstring to_wide(const std::string& text)
{
    if (text.empty()) {
        return {};
    }
    const int length = ::MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(length > 0 ? length : 0), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), length);
    return out;
}

std::vector<std::string> command_line(int, char**)
{
    std::vector<std::string> out;
    int count = 0;
    wchar_t** arguments = ::CommandLineToArgvW(::GetCommandLineW(), &count);
    if (arguments == nullptr) {
        return out;
    }
    for (int i = 0; i < count; ++i) {
        out.push_back(mprnotify::printable_utf8(arguments[i]));
    }
    ::LocalFree(arguments);
    return out;
}

#else

std::vector<std::string> command_line(int argc, char** argv) { return std::vector<std::string>(argv, argv + argc); }

#endif

} // namespace mprcheck
