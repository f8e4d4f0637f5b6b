// child.cpp - the report lines of a check group's child process, and its crash handler.
#include "child.hpp"

#include <cstdio>
#include <cstring>
#include <map>
#include <utility>
#include <algorithm>

#include <mprnotify/core/text.hpp>

namespace mprcheck::run {
namespace {

constexpr unsigned max_fails_per_check = 4;

// The crash handler reads these: fixed buffers, no allocation when they are needed.
char current_id[128] = "(start)";
char current_page[256] = "https://learn.microsoft.com/en-us/windows/win32/api/npapi/";

void write_raw(const char* text, std::size_t length)
{
    DWORD written = 0;
    ::WriteFile(::GetStdHandle(STD_OUTPUT_HANDLE), text, static_cast<DWORD>(length), &written, nullptr);
}

line_sink active_sink = nullptr;

void write_line(const std::string& line)
{
    if (active_sink != nullptr) {
        active_sink(line);
        return;
    }
    const std::string text = line + "\n";
    write_raw(text.data(), text.size());
}

const char* exception_name(DWORD code)
{
    switch (code) {
    case EXCEPTION_ACCESS_VIOLATION: return "access violation";
    case EXCEPTION_STACK_OVERFLOW: return "stack overflow";
    case EXCEPTION_ILLEGAL_INSTRUCTION: return "illegal instruction";
    case EXCEPTION_PRIV_INSTRUCTION: return "privileged instruction";
    case EXCEPTION_INT_DIVIDE_BY_ZERO: return "integer division by zero";
    case EXCEPTION_IN_PAGE_ERROR: return "in-page error";
    case EXCEPTION_ARRAY_BOUNDS_EXCEEDED: return "array bounds exceeded";
    case EXCEPTION_DATATYPE_MISALIGNMENT: return "misaligned access";
    case 0xC0000374: return "heap corruption";
    case 0xC0000409: return "stack buffer overrun";
    default: return nullptr;
    }
}

LONG CALLBACK on_exception(EXCEPTION_POINTERS* info)
{
    const DWORD code = info->ExceptionRecord->ExceptionCode;
    const char* name = exception_name(code);
    if (name == nullptr) {
        return EXCEPTION_CONTINUE_SEARCH; // C++ exceptions and the like: the DLL's own handlers take them
    }
    char line[400];
    if (code == EXCEPTION_ACCESS_VIOLATION && info->ExceptionRecord->NumberParameters >= 2) {
        const ULONG_PTR kind = info->ExceptionRecord->ExceptionInformation[0];
        const char* verb = kind == 1 ? "writing" : kind == 8 ? "executing" : "reading";
        std::snprintf(line, sizeof line,
                      "FAIL  %s  access violation at %p %s %p (wrote/read outside the buffer?)  [rule: no crash on "
                      "what a caller passes; %s]\n",
                      current_id, info->ExceptionRecord->ExceptionAddress, verb,
                      reinterpret_cast<void*>(info->ExceptionRecord->ExceptionInformation[1]), current_page);
    } else {
        std::snprintf(line, sizeof line, "FAIL  %s  %s (exception 0x%08lX) at %p  [rule: no crash; %s]\n", current_id,
                      name, static_cast<unsigned long>(code), info->ExceptionRecord->ExceptionAddress, current_page);
    }
    write_raw(line, std::strlen(line));
    ::TerminateProcess(::GetCurrentProcess(), code);
    return EXCEPTION_CONTINUE_SEARCH;
}

std::string padded(std::string_view word)
{
    return std::string{word} + std::string(word.size() < 6 ? 6 - word.size() : 1, ' ');
}

} // namespace

std::string page_of(std::string_view function)
{
    std::string url{page::np};
    for (const char c : function) {
        url.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return url;
}

void set_line_sink(line_sink sink) noexcept { active_sink = sink; }

std::string page_of_check(std::string_view id)
{
    const std::size_t dot = id.find('.');
    const std::string_view group = id.substr(0, dot);
    if ((group == "null" || group == "last-error") && dot != std::string_view::npos) {
        return page_of(id.substr(dot + 1)); // named for the function itself
    }
    // The most specific first: an id, or the group every id of which is named for one function.
    static constexpr std::pair<std::string_view, std::string_view> named[] = {
        {"size.get-connection", "NPGetConnection"},
        {"size.universal-name", "NPGetUniversalName"},
        {"size.get-user", "NPGetUser"},
        {"size.resource-information", "NPGetResourceInformation"},
        {"size.resource-parent", "NPGetResourceParent"},
        {"enum.args", "NPOpenEnum"},
        {"enum.handles", "NPCloseEnum"},
        {"enum", "NPEnumResource"},
        {"caps", "NPGetCaps"},
        {"names", "NPAddConnection3"},
        {"threads", "NPGetConnection"},
        {"notify", "AddConnectNotify"},
    };
    for (const auto& [prefix, function] : named) {
        if (id == prefix ||
            (id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix && id[prefix.size()] == '.')) {
            return page_of(function);
        }
    }
    return "https://learn.microsoft.com/en-us/windows/win32/api/npapi/";
}

void begin_check(std::string_view id)
{
    const std::size_t n = (std::min)(id.size(), sizeof current_id - 1);
    std::memcpy(current_id, id.data(), n);
    current_id[n] = 0;
    const std::string page = page_of_check(id);
    const std::size_t page_length = (std::min)(page.size(), sizeof current_page - 1);
    std::memcpy(current_page, page.data(), page_length);
    current_page[page_length] = 0;
    write_line("@ " + std::string{id});
}

void report_ok(std::string_view id, std::string_view text)
{
    write_line(padded("ok") + std::string{id} + "  " + std::string{text});
}

void report_fail(std::string_view id, std::string_view text, std::string_view rule, std::string_view url)
{
    // The same defect seen at many sizes: the first few lines say it, the rest only make noise.
    static std::map<std::string, unsigned, std::less<>> fails_per_check;
    const unsigned seen = ++fails_per_check[std::string{id}];
    if (seen > max_fails_per_check) {
        if (seen == max_fails_per_check + 1) {
            report_note(id, "more FAIL lines of this check left out");
        }
        return;
    }
    write_line(padded("FAIL") + std::string{id} + "  " + std::string{text} + "  [rule: " + std::string{rule} + "; " +
               std::string{url} + "]");
}

void report_note(std::string_view id, std::string_view text)
{
    write_line(padded("note") + std::string{id} + "  " + std::string{text});
}

void report_skipped(std::string_view id, std::string_view reason)
{
    write_line("SKIPPED " + std::string{id} + "  " + std::string{reason});
}

void install_crash_handler() { ::AddVectoredExceptionHandler(1, on_exception); }

std::string status_text(DWORD status)
{
    const char* name = nullptr;
    switch (status) {
    case WN_SUCCESS: name = "WN_SUCCESS"; break;
    case WN_MORE_DATA: name = "WN_MORE_DATA"; break;
    case WN_BAD_POINTER: name = "WN_BAD_POINTER"; break;
    case WN_BAD_VALUE: name = "WN_BAD_VALUE"; break;
    case WN_BAD_LEVEL: name = "WN_BAD_LEVEL"; break;
    case WN_BAD_HANDLE: name = "WN_BAD_HANDLE"; break;
    case WN_NO_MORE_ENTRIES: name = "WN_NO_MORE_ENTRIES"; break;
    case WN_NOT_SUPPORTED: name = "WN_NOT_SUPPORTED"; break;
    case WN_NOT_CONNECTED: name = "WN_NOT_CONNECTED"; break;
    case WN_BAD_NETNAME: name = "WN_BAD_NETNAME"; break;
    case WN_BAD_LOCALNAME: name = "WN_BAD_LOCALNAME"; break;
    case WN_NO_NETWORK: name = "WN_NO_NETWORK"; break;
    case WN_ALREADY_CONNECTED: name = "WN_ALREADY_CONNECTED"; break;
    case WN_OUT_OF_MEMORY: name = "WN_OUT_OF_MEMORY"; break;
    case WN_ACCESS_DENIED: name = "WN_ACCESS_DENIED"; break;
    case WN_NET_ERROR: name = "WN_NET_ERROR"; break;
    case WN_EXTENDED_ERROR: name = "WN_EXTENDED_ERROR"; break;
    case WN_NOT_CONTAINER: name = "WN_NOT_CONTAINER"; break;
    case WN_BAD_PROVIDER: name = "WN_BAD_PROVIDER"; break;
    case WN_FUNCTION_BUSY: name = "WN_FUNCTION_BUSY"; break;
    default: break;
    }
    return (name != nullptr ? std::string{name} + " (" : std::string{"("}) + std::to_string(status) + ")";
}

std::string shown(std::wstring_view text) { return mprnotify::printable_utf8(text); }

} // namespace mprcheck::run
