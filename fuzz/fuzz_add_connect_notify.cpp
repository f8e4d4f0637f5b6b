// libFuzzer target: sequences of calls mostly to AddConnectNotify (see entry_point_harness.hpp).
#include <cstddef>
#include <cstdint>

#include "entry_point_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::harness{fuzz::op_kind::add}.run(data, size);
    return 0;
}
