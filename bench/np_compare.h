/* What the two provider drivers share: MPR's structure, loading exports, and the equivalence check.
 *
 * The check runs the same cases against the library's provider and the hand-written C one and
 * writes every answer down as text: the status, the size handed back, and what the buffer holds,
 * read through its pointers as strings (the two lay their strings out differently, and only what
 * the strings say counts). Buffers are filled with a pattern first, so a write past the size MPR
 * passed, or any write with WN_MORE_DATA, shows in the text too. Four threads run the cases at
 * once, each on its own names and handles, so every answer is still determined. */
#ifndef BENCH_NP_COMPARE_H
#define BENCH_NP_COMPARE_H

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;

static void* open_library(const char* path)
{
    void* lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        exit(2);
    }
    return lib;
}

static void* need(void* lib, const char* name)
{
    void* f = dlsym(lib, name);
    if (f == NULL) {
        fprintf(stderr, "missing export %s\n", name);
        exit(2);
    }
    return f;
}
/* A function pointer from a data pointer, as POSIX allows. */
#define LOAD(lib, var, name)                                                                                           \
  do {                                                                                                                 \
    void* p_ = need(lib, name);                                                                                        \
    memcpy(&(var), &p_, sizeof(var));                                                                                  \
  } while (0)

/* The answers of one run of the cases, one line each. */
typedef struct {
    char text[1 << 17];
    size_t used;
} record;

static void say(record* r, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    const int n = vsnprintf(r->text + r->used, sizeof r->text - r->used, format, args);
    va_end(args);
    if (n < 0 || (size_t)n >= sizeof r->text - r->used) {
        fprintf(stderr, "the record of answers is full\n");
        exit(2);
    }
    r->used += (size_t)n;
}

/* A buffer for MPR's answers, with room after it to catch a write past the size passed. */
enum { PATTERN = 0xA5, BUFFER_BYTES = 4096 };
typedef struct {
    _Alignas(8) unsigned char bytes[BUFFER_BYTES + 64];
} buffer;

static void* fresh(buffer* b)
{
    memset(b->bytes, PATTERN, sizeof b->bytes);
    return b->bytes;
}

/* True when no byte from `from` on was written. */
static int untouched_from(const buffer* b, size_t from)
{
    for (size_t i = from; i < sizeof b->bytes; ++i) {
        if (b->bytes[i] != PATTERN) {
            return 0;
        }
    }
    return 1;
}

/* Notes a write past `bytes` (any write at all for `bytes` 0). */
static void say_overrun(record* r, const buffer* b, size_t bytes)
{
    if (!untouched_from(b, bytes)) {
        say(r, " WROTE-PAST-%zu", bytes);
    }
}

/* The string `text` points at, when it lies wholly inside the first `bytes` bytes of `b`. */
static void say_string(record* r, const char* name, const wchar_t* text, const buffer* b, size_t bytes)
{
    if (text == NULL) {
        say(r, " %s=NULL", name);
        return;
    }
    const uintptr_t start = (uintptr_t)b->bytes, end = start + bytes, at = (uintptr_t)text;
    if (at < start || at >= end) {
        say(r, " %s=OUTSIDE", name);
        return;
    }
    say(r, " %s='", name);
    for (uintptr_t p = at; p + sizeof(wchar_t) <= end; p += sizeof(wchar_t)) {
        wchar_t c;
        memcpy(&c, (const void*)p, sizeof c);
        if (c == L'\0') {
            say(r, "'");
            return;
        }
        say(r, c >= 32 && c < 127 ? "%c" : "\\u%04x", (unsigned)c);
    }
    say(r, "' UNTERMINATED");
}

/* The cases of one driver, run against one provider (`thread` picks the thread's own names). */
typedef void (*cases_fn)(const void* provider, int thread, record* out);

typedef struct {
    cases_fn cases;
    const void *library, *baseline;
    int thread;
    record* answers[2];
} run_args;

static void* run_both(void* arg)
{
    run_args* a = arg;
    a->cases(a->library, a->thread, a->answers[0]);
    a->cases(a->baseline, a->thread, a->answers[1]);
    return NULL;
}

/* 0 when the two records are the same; otherwise prints the first line that differs. */
static int compare_records(const char* what, const record* library, const record* baseline)
{
    if (library->used == baseline->used && memcmp(library->text, baseline->text, library->used) == 0) {
        return 0;
    }
    size_t line = 0;
    while (line < library->used && line < baseline->used && library->text[line] == baseline->text[line]) {
        ++line;
    }
    while (line > 0 && library->text[line - 1] != '\n') {
        --line;
    }
    const int lib_end = (int)strcspn(library->text + line, "\n"), c_end = (int)strcspn(baseline->text + line, "\n");
    fprintf(stderr, "%s: the answers differ\n  library:  %.*s\n  baseline: %.*s\n", what, lib_end, library->text + line,
            c_end, baseline->text + line);
    return 1;
}

static size_t count_lines(const record* r)
{
    size_t lines = 0;
    for (size_t i = 0; i < r->used; ++i) {
        lines += r->text[i] == '\n';
    }
    return lines;
}

/* Runs `prelude` on one thread, then `cases` on four at once; 0 when every answer is the same. */
enum { THREADS = 4 };
static int same_answers(cases_fn prelude, cases_fn cases, const void* library, const void* baseline)
{
    record* records = calloc(2 * (THREADS + 1), sizeof *records);
    if (records == NULL) {
        return 2;
    }
    int differ = 0;
    prelude(library, -1, &records[0]);
    prelude(baseline, -1, &records[1]);
    differ |= compare_records("one thread", &records[0], &records[1]);
    pthread_t threads[THREADS];
    run_args args[THREADS];
    for (int t = 0; t < THREADS; ++t) {
        args[t] = (run_args){cases, library, baseline, t, {&records[2 + 2 * t], &records[3 + 2 * t]}};
        if (pthread_create(&threads[t], NULL, run_both, &args[t]) != 0) {
            return 2;
        }
    }
    for (int t = 0; t < THREADS; ++t) {
        pthread_join(threads[t], NULL);
    }
    for (int t = 0; t < THREADS; ++t) {
        char what[32];
        snprintf(what, sizeof what, "thread %d", t);
        differ |= compare_records(what, args[t].answers[0], args[t].answers[1]);
    }
    if (!differ) {
        printf("same answers: %zu cases on one thread, then %zu on each of %d threads at once\n",
               count_lines(&records[0]), count_lines(&records[2]), THREADS);
    }
    free(records);
    return differ;
}

#endif
