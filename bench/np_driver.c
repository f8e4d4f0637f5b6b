/* Calls one provider's connection functions a number of times, as MPR would, and checks every answer;
 * or checks that the library's provider and the hand-written C one answer alike.
 *
 *     np_driver <provider.so> <scenario> <operations>
 *     np_driver --same <library.so> <baseline.so>
 *
 * Before the scenario, P: is connected to \\bench\share. Instruction counts come from callgrind
 * collecting only inside the NP* functions; bench/run takes the difference of two operation
 * counts, so start-up and first-call work drop out. Written against the documented layout only,
 * like any C caller. */
#include "np_compare.h"

typedef uint32_t (*caps_fn)(uint32_t);
typedef uint32_t (*add_fn)(NETRESOURCEW*, wchar_t*, wchar_t*);
typedef uint32_t (*add3_fn)(void*, NETRESOURCEW*, wchar_t*, wchar_t*, uint32_t);
typedef uint32_t (*cancel_fn)(wchar_t*, int32_t);
typedef uint32_t (*chars_fn)(wchar_t*, wchar_t*, uint32_t*);
typedef uint32_t (*universal_fn)(wchar_t*, uint32_t, void*, uint32_t*);
typedef uint32_t (*information_fn)(NETRESOURCEW*, void*, uint32_t*, wchar_t**);

typedef struct {
    caps_fn caps;
    add_fn add;
    add3_fn add3;
    cancel_fn cancel;
    chars_fn get_connection, get_user;
    universal_fn universal;
    information_fn information;
} provider;

static provider load(const char* path)
{
    void* lib = open_library(path);
    provider p;
    LOAD(lib, p.caps, "NPGetCaps");
    LOAD(lib, p.add, "NPAddConnection");
    LOAD(lib, p.add3, "NPAddConnection3");
    LOAD(lib, p.cancel, "NPCancelConnection");
    LOAD(lib, p.get_connection, "NPGetConnection");
    LOAD(lib, p.get_user, "NPGetUser");
    LOAD(lib, p.universal, "NPGetUniversalName");
    LOAD(lib, p.information, "NPGetResourceInformation");
    return p;
}

static wchar_t drive_p[] = L"P:", share[] = L"\\\\bench\\share";

static uint32_t connect_drive(const provider* p, wchar_t* local, wchar_t* remote)
{
    NETRESOURCEW r = {0, 1, 0, 0, local, remote, NULL, NULL};
    return p->add3(NULL, &r, NULL, NULL, 0);
}

#include "np_driver_cases.h"

static int measure(const provider* p, const char* s, long operations)
{
    static wchar_t drive_q[] = L"Q:", other[] = L"\\\\bench\\other", path[] = L"P:\\dir\\file.txt";
    static wchar_t resource_name[] = L"\\\\bench\\share03\\dir\\file.txt";
    NETRESOURCEW q = {0, 1, 0, 0, drive_q, other, NULL, NULL};
    NETRESOURCEW asked = {0, 0, 0, 0, NULL, resource_name, NULL, NULL};
    static wchar_t chars[64];
    static uint64_t bytes[64];
    wchar_t* system = NULL;
    if (connect_drive(p, drive_p, share) != 0) {
        fprintf(stderr, "P: could not be connected\n");
        return 1;
    }
    for (long i = 0; i < operations; ++i) {
        uint32_t answer = 0, expected = 0, size = 0;
        if (strcmp(s, "np-caps") == 0) {
            answer = p->caps(6);
            expected = 0xF;
        } else if (strcmp(s, "np-connect-cancel") == 0) {
            answer = p->add3(NULL, &q, NULL, NULL, 0);
            answer |= p->cancel(drive_q, 0);
        } else if (strcmp(s, "np-get-connection") == 0) {
            size = 64;
            answer = p->get_connection(drive_p, chars, &size);
        } else if (strcmp(s, "np-get-connection-short") == 0) {
            size = 4;
            answer = p->get_connection(drive_p, chars, &size);
            expected = 234;
        } else if (strcmp(s, "np-universal-name-1") == 0 || strcmp(s, "np-universal-name-2") == 0) {
            size = sizeof bytes;
            answer = p->universal(path, s[strlen(s) - 1] == '1' ? 1 : 2, bytes, &size);
        } else if (strcmp(s, "np-get-user") == 0) {
            size = 64;
            answer = p->get_user(drive_p, chars, &size);
        } else if (strcmp(s, "np-resource-information") == 0) {
            size = sizeof bytes;
            answer = p->information(&asked, bytes, &size, &system);
        } else {
            fprintf(stderr, "unknown scenario %s\n", s);
            return 2;
        }
        if (answer != expected) {
            fprintf(stderr, "%s: answered %u, expected %u\n", s, answer, expected);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char** argv)
{
    if (argc == 4 && strcmp(argv[1], "--same") == 0) {
        const provider library = load(argv[2]), baseline = load(argv[3]);
        return same_answers(prelude_cases, thread_cases, &library, &baseline);
    }
    if (argc != 4) {
        fprintf(stderr,
                "usage: %s <provider.so> <scenario> <operations>\n       %s --same <library.so> <baseline.so>\n",
                argv[0], argv[0]);
        return 2;
    }
    const provider p = load(argv[1]);
    return measure(&p, argv[2], strtol(argv[3], NULL, 10));
}
