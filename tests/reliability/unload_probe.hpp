// What the unload test's notifyee reports about the order of destruction at unload and at exit.
#pragma once

struct unload_probe {
    int handler_alive = 0;           // 1 between the handler's construction and its destruction
    int live_contexts = 0;           // constructed and not yet destroyed: 0 after unload
    int destroyed_after_handler = 0; // contexts destroyed after the handler was gone: must stay 0
};

extern "C" using unload_probe_attach_fn = void(*)(unload_probe*);
