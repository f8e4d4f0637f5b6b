/* provider.h - what provider.c (connections, lookups) and provider_browse.c (enumeration, resource
 * information) share: the names the provider serves and a snapshot of its connections. */
#ifndef CHECK_RUN_PROVIDER_H
#define CHECK_RUN_PROVIDER_H

#ifndef UNICODE
#  define UNICODE /* MinGW-w64's npapi.h declares NPAddConnection3 with LPTSTR */
#endif
#include <windows.h>
#include <npapi.h>
#include <stddef.h>

#define SERVER L"\\\\checkrun"
#define PROVIDER_NAME L"CheckRun"
#define SHARE_COUNT 2
#define MAX_CONNECTIONS 8

/* One resource as browsing reports it; `remote` is one of the provider's constant names. */
typedef struct entry {
    DWORD type, display_type, usage;
    wchar_t local[3]; /* "R:"; "" for a deviceless connection */
    BOOL has_local;   /* FALSE: lpLocalName NULL (a resource that is not a connection) */
    const wchar_t* remote;
} entry;

extern const wchar_t* const shares[SHARE_COUNT];

/* Bytes of a string with its terminator. */
size_t text_bytes(const wchar_t* text);
/* The share a remote name names exactly (any case), or -1. */
int share_named(const wchar_t* remote);
/* The connections at this moment, as CONNECTED entries; fills up to MAX_CONNECTIONS. */
size_t connected_entries(entry* out);

#endif
