// The --run options: one DLL, the names, a bounded timeout, and a password that does not stay in
// the argument list.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../run/options.hpp"

using mprcheck::run::parse_run_options;
using mprcheck::run::run_options;

TEST_CASE("--run takes the names, the timeout and one DLL")
{
    std::vector<std::string> args{"tool", "--run",     "--remote", "\\\\lab\\docs", "--local",
                                  "P:",   "--timeout", "2.5",      "lab.dll"};
    run_options options;
    CHECK(parse_run_options(args, 2, options).empty());
    CHECK(options.dll == "lab.dll");
    CHECK(options.remote == "\\\\lab\\docs");
    CHECK(options.local == "P:");
    CHECK(options.timeout_seconds == doctest::Approx(2.5));
}

TEST_CASE("the password is moved out of the arguments")
{
    std::vector<std::string> args{"tool", "--run", "--password", "s3cret", "--user", "ann", "x.dll"};
    run_options options;
    CHECK(parse_run_options(args, 2, options).empty());
    CHECK(options.password == "s3cret");
    CHECK(options.user == "ann");
    CHECK(args[3].empty());
    mprcheck::run::wipe(options.password);
    CHECK(options.password.empty());
}

TEST_CASE("bad usage is named")
{
    run_options options;
    std::vector<std::string> none{"tool", "--run"};
    CHECK(parse_run_options(none, 2, options) == "--run needs a DLL");
    std::vector<std::string> two{"tool", "--run", "a.dll", "b.dll"};
    CHECK(parse_run_options(two, 2, options).find("one DLL") != std::string::npos);
    for (const char* bad : {"0", "-1", "x", "5000"}) {
        run_options fresh;
        std::vector<std::string> timeout{"tool", "--run", "--timeout", bad, "a.dll"};
        CHECK(parse_run_options(timeout, 2, fresh).find("--timeout") != std::string::npos);
    }
    std::vector<std::string> unknown{"tool", "--run", "--remtoe", "x", "a.dll"};
    CHECK(parse_run_options(unknown, 2, options).find("--remtoe") != std::string::npos);
}

TEST_CASE("--run-group takes its group first")
{
    std::vector<std::string> args{"tool", "--run-group", "size", "x.dll", "--timeout", "3"};
    run_options options;
    CHECK(parse_run_options(args, 2, options, true).empty());
    CHECK(options.group == "size");
    CHECK(options.dll == "x.dll");
}
