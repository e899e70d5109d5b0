#include "GramTokenizer.h"
#include <sqlite3.h>
#include <string.h>

enum { KEYWORD_LINE = 0x01, END_MARK = 0x02 };

typedef struct { int unused; } GramTokenizer;

static int gram_create(void *context, const char **arguments, int count, Fts5Tokenizer **out) {
    (void)context; (void)arguments; (void)count;
    static GramTokenizer shared;  // stateless: every call gets the same empty instance
    *out = (Fts5Tokenizer *)&shared;
    return SQLITE_OK;
}

static void gram_delete(Fts5Tokenizer *tokenizer) { (void)tokenizer; }

/// The byte length of the UTF-8 sequence starting with `byte` (1 for a stray byte, so that
/// damaged text still advances).
static int sequence_length(unsigned char byte) {
    if (byte < 0xC0) return 1;
    if (byte < 0xE0) return 2;
    if (byte < 0xF0) return 3;
    return 4;
}

typedef int (*TokenCallback)(void *, int, const char *, int, int, int);

static int keywords(void *context, const char *text, int start, int end, TokenCallback emit) {
    int i = start;
    while (i < end) {
        while (i < end && text[i] == ' ') i++;
        int word = i;
        while (i < end && text[i] != ' ') i++;
        if (i > word) {
            int rc = emit(context, 0, text + word, i - word, word, i);
            if (rc != SQLITE_OK) return rc;
        }
    }
    return SQLITE_OK;
}

static int next_char(const char *text, int at, int end) {
    int next = at + sequence_length((unsigned char)text[at]);
    return next > end ? end : next;
}

/// One paragraph line, character by character: `a` and `b` are where the current character
/// and the next start (`end` when there is none). A document gets one token per character: the
/// pair it starts, or at the end of the line the last character and the end mark. A query of
/// one character is that character, which the caller makes a prefix query; of two or more, the
/// phrase of its pairs.
static int paragraph(void *context, int query, const char *text, int start, int end, TokenCallback emit) {
    int a = start, b = next_char(text, a, end);
    if (query) {
        if (b >= end) return emit(context, 0, text + a, b - a, a, b);
        for (;;) {
            int c = next_char(text, b, end);
            int rc = emit(context, 0, text + a, c - a, a, c);
            if (rc != SQLITE_OK || c >= end) return rc;
            a = b; b = c;
        }
    }
    char tail[8];
    while (a < end) {
        int rc;
        if (b < end) {
            int c = next_char(text, b, end);
            rc = emit(context, 0, text + a, c - a, a, c);
        } else {
            int length = b - a;
            memcpy(tail, text + a, (size_t)length);
            tail[length] = END_MARK;
            rc = emit(context, 0, tail, length + 1, a, a + length);
        }
        if (rc != SQLITE_OK) return rc;
        a = b;
        b = b < end ? next_char(text, b, end) : end;
    }
    return SQLITE_OK;
}

static int gram_tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                         TokenCallback emit) {
    (void)tokenizer;
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    int start = 0;
    while (start < length) {
        int end = start;
        while (end < length && text[end] != '\n') end++;
        int rc = SQLITE_OK;
        if (end > start) {
            if (text[start] == KEYWORD_LINE) rc = keywords(context, text, start + 1, end, emit);
            else rc = paragraph(context, query, text, start, end, emit);
        }
        if (rc != SQLITE_OK) return rc;
        start = end + 1;
    }
    return SQLITE_OK;
}

int dl_register_gram_tokenizer(void *handle) {
    sqlite3 *db = handle;
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (!api) return SQLITE_ERROR;
    fts5_tokenizer tokenizer = { gram_create, gram_delete, gram_tokenize };
    return api->xCreateTokenizer(api, "dlgrams", NULL, &tokenizer, NULL);
}
