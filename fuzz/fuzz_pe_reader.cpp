// libFuzzer target: mprnotify-check's PE reader and checker on arbitrary bytes.
//
// Any input must end in an image or an error message: no crash, no sanitizer report, no unbounded
// time or memory. Built by scripts/stages/46-check-tool with clang -fsanitize=fuzzer,address,undefined.
#include <cstddef>
#include <cstdint>
#include <span>

#include "../tools/check/checker.hpp"
#include "../tools/check/pe_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::byte> file{reinterpret_cast<const std::byte*>(data), size};
    const mprcheck::pe_result result = mprcheck::read_pe(file);
    if (!result.ok()) {
        return 0;
    }
    // What the reader promises about every image it accepts.
    const auto& image = result.image;
    if (image.exports.size() > mprcheck::max_named_exports ||
        image.imports.size() > 2 * std::size_t{mprcheck::max_import_descriptors}) {
        __builtin_trap();
    }
    for (const auto& e : image.exports) {
        if (e.name.size() > mprcheck::max_name_length || e.forwarder.size() > mprcheck::max_name_length) {
            __builtin_trap();
        }
    }
    mprcheck::check_options options;
    options.expected_machine = mprcheck::machine::amd64;
    const auto report = mprcheck::check_image(image, options);
    const auto text = mprcheck::format_report("fuzz.dll", report);
    if (text.find("verdict: ") == std::string::npos || report.findings.empty()) {
        __builtin_trap();
    }
    return 0;
}
