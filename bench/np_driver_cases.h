/* The equivalence cases of np_driver.c: every connection function with good and bad input, each
 * answer written down (np_compare.h). Included by np_driver.c only. */

/* How a case passes MPR's buffer: a buffer of `size` units or NULL, or no size pointer at all.
 * EXACT asks first (NULL, 0) and passes the size needed plus `delta`. */
enum { GIVEN, NULL_BUFFER, NULL_SIZE, EXACT };
typedef struct {
    const char* label;
    int kind;
    uint32_t size;
    int delta;
} sizing;
static const sizing sizings[] = {
    {"big", GIVEN, 1000, 0},
    {"exact", EXACT, 0, 0},
    {"one-short", EXACT, 0, -1},
    {"one-over", EXACT, 0, 1},
    {"three-over", EXACT, 0, 3},
    {"query", NULL_BUFFER, 0, 0},
    {"null-buffer", NULL_BUFFER, 5, 0},
    {"null-size", NULL_SIZE, 0, 0},
    {"tiny", GIVEN, 1, 0},
};
enum { SIZINGS = sizeof sizings / sizeof sizings[0] };

typedef uint32_t (*ask_fn)(const provider*, const void* arg, void* buffer, uint32_t* size);

/* Asks with sizing `z`; `unit` is the bytes of one unit of the size (characters or bytes). */
static uint32_t ask(const provider* p, ask_fn f, const void* arg, const sizing* z, size_t unit, buffer* b,
                    uint32_t* size, size_t* bytes_given)
{
    *size = z->size;
    if (z->kind == EXACT) {
        uint32_t needed = 0;
        if (f(p, arg, NULL, &needed) != 234) {
            *size = 8; /* no size to learn: ask with a small buffer */
        } else {
            *size = (uint32_t)((int64_t)needed + z->delta);
        }
    }
    *bytes_given = z->kind == GIVEN || z->kind == EXACT ? *size * unit : 0;
    if (*bytes_given > BUFFER_BYTES) {
        *size = (uint32_t)(BUFFER_BYTES / unit);
        *bytes_given = *size * unit;
    }
    void* out = fresh(b);
    return f(p, arg, z->kind == GIVEN || z->kind == EXACT ? out : NULL, z->kind == NULL_SIZE ? NULL : size);
}

static uint32_t ask_connection(const provider* p, const void* name, void* out, uint32_t* size)
{
    return p->get_connection((wchar_t*)name, out, size);
}
static uint32_t ask_user(const provider* p, const void* name, void* out, uint32_t* size)
{
    return p->get_user((wchar_t*)name, out, size);
}

static void chars_cases(const provider* p, record* r, const char* what, ask_fn f, wchar_t* const* names, size_t count)
{
    buffer b;
    for (size_t n = 0; n < count; ++n) {
        for (size_t z = 0; z < SIZINGS; ++z) {
            uint32_t size = 0;
            size_t given = 0;
            const uint32_t status = ask(p, f, names[n], &sizings[z], sizeof(wchar_t), &b, &size, &given);
            say(r, "%s name#%zu %s: %u size=%u", what, n, sizings[z].label, status, size);
            if (status == 0) {
                say_string(r, "text", (const wchar_t*)(const void*)b.bytes, &b, given);
            }
            say_overrun(r, &b, status == 0 ? given : 0);
            say(r, "\n");
        }
    }
}

typedef struct {
    wchar_t* path;
    uint32_t level;
} universal_arg;

static uint32_t ask_universal(const provider* p, const void* arg, void* out, uint32_t* size)
{
    const universal_arg* a = arg;
    return p->universal(a->path, a->level, out, size);
}

static void universal_cases(const provider* p, record* r)
{
    static wchar_t path0[] = L"P:\\dir\\file.txt", path1[] = L"P:", path2[] = L"P:\\", path3[] = L"P:x",
                   path4[] = L"Z:\\x", path5[] = L"p:\\dir";
    wchar_t* paths[] = {path0, path1, path2, path3, path4, path5, NULL};
    const uint32_t levels[] = {1, 2, 0, 3};
    buffer b;
    for (size_t n = 0; n < sizeof paths / sizeof paths[0]; ++n) {
        for (size_t l = 0; l < 4; ++l) {
            for (size_t z = 0; z < SIZINGS; ++z) {
                const universal_arg a = {paths[n], levels[l]};
                uint32_t size = 0;
                size_t given = 0;
                const uint32_t status = ask(p, ask_universal, &a, &sizings[z], 1, &b, &size, &given);
                say(r, "NPGetUniversalName path#%zu level %u %s: %u size=%u", n, levels[l], sizings[z].label, status,
                    size);
                if (status == 0) {
                    const char* names[] = {"universal", "connection", "remaining"};
                    for (uint32_t i = 0; i < (levels[l] == 1 ? 1U : 3U); ++i) {
                        const wchar_t* text;
                        memcpy(&text, b.bytes + i * sizeof text, sizeof text);
                        say_string(r, names[i], text, &b, given);
                    }
                }
                say_overrun(r, &b, status == 0 ? given : 0);
                say(r, "\n");
            }
        }
    }
}

typedef struct {
    NETRESOURCEW* resource;
    int no_system;
    wchar_t** system;
} information_arg;

static uint32_t ask_information(const provider* p, const void* arg, void* out, uint32_t* size)
{
    const information_arg* a = arg;
    wchar_t* ignored = NULL;
    return p->information(a->resource, out, size, a->no_system ? NULL : a->system != NULL ? a->system : &ignored);
}

static void information_cases(const provider* p, record* r)
{
    static wchar_t name0[] = L"\\\\bench\\share03\\dir\\file.txt", name1[] = L"\\\\bench\\share03",
                   name2[] = L"\\\\bench\\share03\\", name3[] = L"\\\\bench\\", name4[] = L"\\\\bench",
                   name5[] = L"\\\\other\\x", name6[] = L"\\\\bench\\s";
    wchar_t* names[] = {name0, name1, name2, name3, name4, name5, name6, NULL};
    static wchar_t unset[] = L"unset";
    buffer b;
    for (size_t n = 0; n <= sizeof names / sizeof names[0] + 1; ++n) {
        for (size_t z = 0; z < SIZINGS; ++z) {
            NETRESOURCEW asked = {0, 0, 0, 0, NULL, n < 8 ? names[n] : name0, NULL, NULL};
            wchar_t* system = unset;
            /* the last two: a NULL resource, and a NULL system pointer */
            const information_arg a = {n == 8 ? NULL : &asked, n == 9, &system};
            uint32_t size = 0;
            size_t given = 0;
            const uint32_t status = ask(p, ask_information, &a, &sizings[z], 1, &b, &size, &given);
            say(r, "NPGetResourceInformation name#%zu %s: %u size=%u", n, sizings[z].label, status, size);
            if (status == 0) {
                NETRESOURCEW e;
                memcpy(&e, b.bytes, sizeof e);
                say(r, " fields=%u,%u,%u,%u", e.dwScope, e.dwType, e.dwDisplayType, e.dwUsage);
                say_string(r, "local", e.lpLocalName, &b, given);
                say_string(r, "remote", e.lpRemoteName, &b, given);
                say_string(r, "comment", e.lpComment, &b, given);
                say_string(r, "provider", e.lpProvider, &b, given);
            }
            if (system == unset) {
                say(r, " system=unset");
            } else {
                say_string(r, "system", system, &b, given);
            }
            say_overrun(r, &b, status == 0 ? given : 0);
            say(r, "\n");
        }
    }
}

/* One thread's cases; its drive and deviceless names are its own, so the answers are determined. */
static void thread_cases(const void* provider_pointer, int thread, record* r)
{
    const provider* p = provider_pointer;
    wchar_t drive[] = {(wchar_t)(L'Q' + thread), L':', L'\0'};
    wchar_t deviceless[] = L"\\\\bench\\deviceless0", empty[] = L"";
    deviceless[18] = (wchar_t)(L'0' + thread);
    static wchar_t other[] = L"\\\\other\\x", upper[] = L"\\\\BENCH\\x", long_local[] = L"LPT1234567890123456:";
    static wchar_t long_remote[] = L"\\\\bench\\a-share-whose-name-is-longer-than-the-table-holds-for-a-name";
    NETRESOURCEW cases[] = {
        {0, 1, 0, 0, drive, NULL, NULL, NULL},       {0, 1, 0, 0, drive, other, NULL, NULL},
        {0, 1, 0, 0, drive, upper, NULL, NULL},      {0, 1, 0, 0, drive, long_remote, NULL, NULL},
        {0, 1, 0, 0, long_local, share, NULL, NULL},
    };
    say(r, "NPAddConnection3 NULL: %u\n", p->add3(NULL, NULL, NULL, NULL, 0));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        say(r, "NPAddConnection3 case %zu: %u\n", i, p->add3(NULL, &cases[i], NULL, NULL, 0));
    }
    NETRESOURCEW mine = {0, 1, 0, 0, drive, share, NULL, NULL};
    say(r, "NPAddConnection own drive: %u\n", p->add(&mine, NULL, NULL));
    say(r, "NPAddConnection3 own drive again: %u\n", p->add3(NULL, &mine, NULL, NULL, 0));
    say(r, "NPCancelConnection own drive: %u\n", p->cancel(drive, 1));
    say(r, "NPCancelConnection own drive again: %u\n", p->cancel(drive, 0));
    for (int i = 0; i < 2; ++i) {
        NETRESOURCEW none = {0, 1, 0, 0, i == 0 ? NULL : empty, deviceless, NULL, NULL};
        say(r, "NPAddConnection3 deviceless %d: %u\n", i, p->add3(NULL, &none, NULL, NULL, 0));
        say(r, "NPCancelConnection deviceless %d: %u\n", i, p->cancel(deviceless, 0));
    }
    say(r, "NPCancelConnection NULL: %u, P:'s remote: %u\n", p->cancel(NULL, 0), p->cancel(share, 0));
    static wchar_t z[] = L"Z:", px[] = L"P:x", lower[] = L"p:";
    wchar_t* locals[] = {drive_p, z, empty, px, lower, NULL};
    chars_cases(p, r, "NPGetConnection", ask_connection, locals, sizeof locals / sizeof locals[0]);
    chars_cases(p, r, "NPGetUser", ask_user, locals, sizeof locals / sizeof locals[0]);
    universal_cases(p, r);
    information_cases(p, r);
}

/* On one thread, before the others: P: connected, the caps, and a full table. */
static void prelude_cases(const void* provider_pointer, int thread, record* r)
{
    (void)thread;
    const provider* p = provider_pointer;
    say(r, "connect P: %u\n", connect_drive(p, drive_p, share));
    for (uint32_t i = 0; i < 0x20; ++i) {
        say(r, "NPGetCaps(%#x) %#x\n", i, p->caps(i));
    }
    wchar_t drives[8][3];
    for (int i = 0; i < 8; ++i) {
        drives[i][0] = (wchar_t)(L'E' + i), drives[i][1] = L':', drives[i][2] = L'\0';
        say(r, "fill %d: %u\n", i, connect_drive(p, drives[i], share));
    }
    for (int i = 0; i < 8; ++i) {
        say(r, "empty %d: %u\n", i, p->cancel(drives[i], 0));
    }
}
