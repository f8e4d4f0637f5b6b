// The bench provider with an on_call observer that counts every call: what the observer costs per
// call (two steady_clock reads, the handler lookup and the call), against np_provider.cpp without one.
#define MPRNOTIFY_BENCH_OBSERVED
#include "np_provider.cpp"
