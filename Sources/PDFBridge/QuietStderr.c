// Poppler's Cairo font engine reports a font it cannot load with a bare fprintf to stderr
// ("some font thing failed", "font type N not handled"), once per text operation that uses
// the font, and no error callback reaches it: one damaged PDF printed some 8,000 such lines
// around `druglabel`'s own `druglabel: error: …` messages. Borders are found by rendering the
// page, so while any page renders, file descriptor 2 points at an unlinked temporary file;
// when the last render ends, what was written there goes on to the real stderr, less those
// lines. What anything else writes meanwhile is delayed, not lost: an exit while a render is
// under way forwards it too (atexit). Only a crash in that window loses it.
//
// DRUGLABEL_POPPLER_MESSAGES=1 in the environment leaves stderr alone: poppler's lines show,
// and nothing is ever held (the fuzzer sets it, so that a crash's message is never lost).
//
// This is process-wide state because file descriptor 2 is: the lock and the count make the
// overlapping renders of several threads one window.
#include "QuietStderr.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int renders = 0;
static int saved = -1;
static FILE *capture = NULL;
static int passThrough = 0;

static int is_poppler_line(const char *line) {
    if (strcmp(line, "some font thing failed\n") == 0) return 1;
    int type = 0, used = 0;
    return sscanf(line, "font type %d not handled\n%n", &type, &used) == 1 && used > 0 && line[used] == '\0';
}

/// Puts the real stderr back and writes on what was held, line by line. Called with the lock.
static void release(void) {
    if (!capture) return;
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    saved = -1;
    rewind(capture);
    char line[4096];
    int atStart = 1;
    while (fgets(line, sizeof line, capture)) {
        size_t length = strlen(line);
        // A line longer than the buffer comes in pieces; only a whole line can be poppler's.
        if (!(atStart && is_poppler_line(line))) fwrite(line, 1, length, stderr);
        atStart = length > 0 && line[length - 1] == '\n';
    }
    fclose(capture);
    capture = NULL;
}

static void release_at_exit(void) {
    pthread_mutex_lock(&lock);
    release();
    pthread_mutex_unlock(&lock);
}

static void setup(void) {
    const char *setting = getenv("DRUGLABEL_POPPLER_MESSAGES");
    passThrough = setting && *setting && strcmp(setting, "0") != 0;
    if (!passThrough) atexit(release_at_exit);
}

void dl_quiet_begin(void) {
    pthread_once(&once, setup);
    if (passThrough) return;
    pthread_mutex_lock(&lock);
    if (renders++ == 0) {
        fflush(stderr);
        // Without a temporary file poppler's lines simply go through.
        capture = tmpfile();
        saved = capture ? dup(STDERR_FILENO) : -1;
        if (capture && (saved < 0 || dup2(fileno(capture), STDERR_FILENO) < 0)) {
            if (saved >= 0) close(saved);
            saved = -1;
            fclose(capture);
            capture = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
}

void dl_quiet_end(void) {
    if (passThrough) return;
    pthread_mutex_lock(&lock);
    if (renders > 0 && --renders == 0) release();
    pthread_mutex_unlock(&lock);
}
