// mprnotify-check - tells whether a DLL would work as an MPR connection notifyee or network provider.
//
// Reads each DLL as data (it never loads it), so it runs on any platform and on DLLs of any
// architecture. Exit status: 0 every DLL would work, 1 one would not, 2 one could not be read,
// 64 bad usage. `--run` instead loads one DLL and calls it (run/run.hpp).
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <mprnotify/core/version.hpp>

#include "checker.hpp"
#include "files.hpp"
#include "registered.hpp"
#include "run/run.hpp"

namespace {

constexpr const char usage_head[] =
    "usage: mprnotify-check [options] DLL...\n"
    "       mprnotify-check [options] --registered     (Windows: Notifyees and ProviderOrder)\n";
constexpr const char usage_body[] =
    "\n"
    "Checks that each DLL would work as a connection notifyee (AddConnectNotify, CancelConnectNotify)\n"
    "or, when it exports NPGetCaps, as a network provider (every NP* function by its plain name with\n"
    "the documented x86 argument size, in sets a consistent NPGetCaps can promise): its architecture,\n"
    "its exports (flagging decorated or mangled look-alikes), and that it imports no DLL a WNet\n"
    "caller would not find (a provider's own companion DLL: --allow-import).\n"
    "\n"
    "options:\n"
    "  --machine x86|x64|arm64   the architecture the DLL must have\n"
    "  --allow-import NAME.dll   accept a non-system DLL the target machines are known to have\n"
    "  --registered              check every notifyee under HKLM\\...\\NetworkProvider\\Notifyees and\n"
    "                            every provider in ProviderOrder (Windows)\n"
    "  --quiet                   print only the verdict lines\n"
    "  --verbose                 also list every named export and every imported DLL\n"
    "  --help, --version\n"
    "\n"
    "exit status: 0 all would work, 1 one would not, 2 one could not be read, 64 bad usage\n"
    "  (--run: 0 no FAIL, 1 a FAIL, 2 the DLL cannot be loaded, 64 bad usage)\n";

void print_usage(std::FILE* to)
{
    std::fputs(usage_head, to);
    std::fputs(mprcheck::run::usage_text, to);
    std::fputs(usage_body, to);
}

/// The --verbose lines: every named export and every imported DLL, as read from the file.
std::string listing(const mprcheck::pe_image& image)
{
    std::string exports;
    for (const auto& e : image.exports) {
        exports += (exports.empty() ? "" : ", ") + mprcheck::printable(e.name);
    }
    std::string imports;
    for (const auto& dll : image.imports) {
        imports += (imports.empty() ? "" : ", ") + mprcheck::printable(dll.name) + (dll.delay_loaded ? " (delay)" : "");
    }
    return "  exports: " + exports +
           (image.unnamed_exports != 0 ? " (+" + std::to_string(image.unnamed_exports) + " by ordinal only)" : "") +
           "\n  imports: " + imports + "\n";
}

int check_file(const std::string& name, const mprcheck::check_options& options, bool quiet, bool verbose,
               std::string& out)
{
    const auto contents = mprcheck::read_file(name);
    if (!contents.error.empty()) {
        out += name + "\n  error: " + contents.error + "\n";
        return 2;
    }
    const auto image = mprcheck::read_pe(contents.bytes);
    if (!image.ok()) {
        out += name + "\n  error: not a readable PE file: " + image.error + "\n";
        return 2;
    }
    const auto result = mprcheck::check_image(image.image, options);
    const std::string text = mprcheck::format_report(name, result);
    out += quiet ? name + ":" + text.substr(text.rfind("  verdict") + 1) : text;
    if (verbose) {
        out += listing(image.image);
    }
    return result.works() ? 0 : 1;
}

int fail_usage(const std::string& message)
{
    std::fprintf(stderr, "mprnotify-check: %s\n", message.c_str());
    print_usage(stderr);
    return 64;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args = mprcheck::command_line(argc, argv);
    if (args.size() > 1 && args[1] == "--run") {
        return mprcheck::run::run_command(args, args[0]);
    }
    if (args.size() > 1 && args[1] == "--run-group") {
        return mprcheck::run::run_group_command(args);
    }
    mprcheck::check_options options;
    std::vector<std::string> files;
    bool registered = false;
    bool quiet = false;
    bool verbose = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == "--help" || arg == "-h") {
            print_usage(stdout);
            return 0;
        }
        if (arg == "--version") {
            std::puts("mprnotify-check " MPRNOTIFY_VERSION_STRING);
            return 0;
        }
        if (arg == "--registered") {
            registered = true;
        } else if (arg == "--quiet" || arg == "-q") {
            quiet = true;
        } else if (arg == "--verbose" || arg == "-v") {
            verbose = true;
        } else if (arg == "--allow-import" && has_value) {
            options.allowed_imports.push_back(args[++i]);
        } else if (arg == "--machine" && has_value) {
            options.expected_machine = mprcheck::parse_machine(args[++i]);
            if (!options.expected_machine) {
                return fail_usage("unknown machine '" + args[i] + "' (x86, x64 or arm64)");
            }
        } else if (arg == "--") {
            files.insert(files.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
            break;
        } else if (arg.size() > 1 && arg[0] == '-') {
            return fail_usage("unknown option or missing value: " + arg);
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty() && !registered) {
        return fail_usage("no DLL given");
    }

    int worst = 0;
    std::string out;
    for (const auto& file : files) {
        worst = (std::max)(worst, check_file(file, options, quiet, verbose, out));
    }
    if (registered) {
        const int notifyees = mprcheck::check_registered(options, quiet, out);
        worst = (std::max)(worst, notifyees);
        if (notifyees != 64) { // 64: no registry on this platform, already said
            worst = (std::max)(worst, mprcheck::check_registered_providers(options, quiet, out));
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return worst;
}
