// Random MPR sequences: a property test over the simulated MPR and raw calls.
//
//     property_sequences [OPERATIONS [SEED]]      (or MPRNOTIFY_PROPERTY_OPERATIONS / _SEED)
//
// Six notifyees (inline / heap / no context, after-only, before-only, a 4-slot table; fail_open and
// fail_closed) see random add and cancel operations through testing::router (several notifyees,
// vetoes, repeated posts, posts after a veto or not), plus raw calls: pre calls whose post comes
// much later or never, late posts with faults, repeated posts of consumed contexts, foreign and
// other-operation contexts, undocumented phases and NULL pointers. Every hook, context move and
// context destructor may throw any kind of exception. After every operation each answer and
// lpContext is checked against the documented rules (property_model.hpp), and the live context
// objects of every type must equal the handles MPR holds. At the end every handle is posted and
// nothing may remain: constructions == destructions, no slot in use.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <mprnotify/testing.hpp>

#include "property_model.hpp"
#include "property_run.hpp"

int main(int argc, char** argv)
{
    const auto setting = [&](int position, const char* variable, std::uint64_t fallback) -> std::uint64_t {
        if (argc > position) {
            return std::strtoull(argv[position], nullptr, 10);
        }
        const char* value = std::getenv(variable); // NOLINT(concurrency-mt-unsafe): read before any thread
        return value != nullptr ? std::strtoull(value, nullptr, 10) : fallback;
    };
    const std::uint64_t operations = setting(1, "MPRNOTIFY_PROPERTY_OPERATIONS", 200000);
    const std::uint64_t seed = setting(2, "MPRNOTIFY_PROPERTY_SEED", 20240601);
    std::printf("property_sequences: %" PRIu64 " operations, seed %" PRIu64 ", exceptions %s\n", operations, seed,
                reliability::can_throw ? "on" : "off");
    std::fflush(stdout);

    property::runner run{seed};
    for (std::uint64_t i = 0; i < operations; ++i) {
        run.one_operation();
    }
    run.finish();
    run.print_summary(operations);
    return 0;
}
