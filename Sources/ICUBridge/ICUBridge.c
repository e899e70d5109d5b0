#include "ICUBridge.h"
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_error(char *error, int32_t capacity, const char *what, UErrorCode status) {
    if (error && capacity > 0) {
        snprintf(error, (size_t)capacity, "%s: %s", what, u_errorName(status));
    }
}

int32_t dl_detect_charset(const uint8_t *bytes, int64_t length,
                          char *name, int32_t nameCapacity, int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    // The detector only needs a sample; a few hundred KB is plenty and keeps 100 MB files fast.
    int32_t sample = length > (1 << 19) ? (1 << 19) : (int32_t)length;
    ucsdet_setText(detector, (const char *)bytes, sample, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t result = -1;
    if (U_SUCCESS(status) && match) {
        const char *found = ucsdet_getName(match, &status);
        int32_t conf = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found) {
            snprintf(name, (size_t)nameCapacity, "%s", found);
            if (confidence) *confidence = conf;
            result = 0;
        }
    }
    ucsdet_close(detector);
    return result;
}

typedef struct { int64_t count; } substitution_counter;

// Counts each unmappable or illegal sequence, then substitutes U+FFFD as ICU's default does.
static void count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                 const char *codeUnits, int32_t length,
                                 UConverterCallbackReason reason, UErrorCode *status) {
    if (reason <= UCNV_IRREGULAR) ((substitution_counter *)context)->count++;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, status);
}

static uint8_t *convert_between(const char *fromName, const char *toName, const uint8_t *bytes,
                                int64_t length, int64_t *outLength, int64_t *substitutions,
                                char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *from = ucnv_open(fromName, &status);
    if (U_FAILURE(status)) { put_error(error, errorCapacity, fromName, status); return NULL; }
    UConverter *to = ucnv_open(toName, &status);
    if (U_FAILURE(status)) { ucnv_close(from); put_error(error, errorCapacity, toName, status); return NULL; }
    substitution_counter counter = {0};
    ucnv_setToUCallBack(from, count_and_substitute, &counter, NULL, NULL, &status);
    int64_t capacity = length * 2 + 64;
    uint8_t *out = malloc((size_t)capacity);
    UChar pivot[1 << 14];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    const char *source = (const char *)bytes;
    const char *sourceLimit = source + length;
    char *target = (char *)out;
    UBool reset = 1;
    while (out) {
        status = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &target, (char *)out + capacity, &source, sourceLimit,
                       pivot, &pivotSource, &pivotTarget, pivot + (1 << 14), reset, 1, &status);
        reset = 0;
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        // The output filled up: grow it and carry on where ICU stopped.
        int64_t used = target - (char *)out;
        capacity *= 2;
        uint8_t *grown = realloc(out, (size_t)capacity);
        if (!grown) { free(out); out = NULL; break; }
        out = grown;
        target = (char *)out + used;
    }
    ucnv_close(from);
    ucnv_close(to);
    if (!out) { put_error(error, errorCapacity, "out of memory", U_MEMORY_ALLOCATION_ERROR); return NULL; }
    if (U_FAILURE(status)) { free(out); put_error(error, errorCapacity, "ucnv_convertEx", status); return NULL; }
    *outLength = target - (char *)out;
    if (substitutions) *substitutions = counter.count;
    return out;
}

uint8_t *dl_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                            int64_t *outLength, int64_t *substitutions,
                            char *error, int32_t errorCapacity) {
    return convert_between(charset, "UTF-8", bytes, length, outLength, substitutions, error, errorCapacity);
}

uint8_t *dl_convert_from_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                              int64_t *outLength, char *error, int32_t errorCapacity) {
    return convert_between("UTF-8", charset, bytes, length, outLength, NULL, error, errorCapacity);
}

void dl_free(void *pointer) { free(pointer); }

static int32_t utf8_to_utf16(const char *source, int32_t length, UChar **out) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8WithSub(NULL, 0, &units, source, length, 0xFFFD, NULL, &status);
    *out = malloc(sizeof(UChar) * (size_t)(units + 1));
    if (!*out) return -1;
    status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(*out, units + 1, &units, source, length, 0xFFFD, NULL, &status);
    return U_FAILURE(status) ? -1 : units;
}

static int32_t utf16_to_utf8(const UChar *source, int32_t length, char *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8WithSub(dest, capacity, &need, source, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return -1;
    return need;
}

static int32_t normalize16(const UNormalizer2 *normalizer, const UChar *source, int32_t length,
                           UChar **out) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t cap = length * 3 + 16;
    *out = malloc(sizeof(UChar) * (size_t)cap);
    if (!*out) return -1;
    int32_t n = unorm2_normalize(normalizer, source, length, *out, cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        free(*out);
        cap = n + 1;
        *out = malloc(sizeof(UChar) * (size_t)cap);
        if (!*out) return -1;
        status = U_ZERO_ERROR;
        n = unorm2_normalize(normalizer, source, length, *out, cap, &status);
    }
    return U_FAILURE(status) ? -1 : n;
}

int32_t dl_nfkc_utf8(const char *source, int32_t length, char *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UChar *src16 = NULL, *norm = NULL;
    int32_t units = utf8_to_utf16(source, length, &src16);
    if (units < 0) { free(src16); return -1; }
    int32_t n = normalize16(nfkc, src16, units, &norm);
    int32_t result = n < 0 ? -1 : utf16_to_utf8(norm, n, dest, capacity);
    free(src16);
    free(norm);
    return result;
}

/// Traditional→Simplified is applied character by character, from a table that ICU's own
/// transliterator fills once per folder: every character of its source set, transliterated
/// alone. The whole-string transliterator also has phrase rules (`巡察 > 巡查`, `剃发 > 剃髮`)
/// that would fold a text and a substring of it differently, and a search that never misses
/// needs fold(substring) to be a substring of fold(text). The table is also far faster.
struct dl_folder {
    const UNormalizer2 *nfkcCaseFold;
    /// 0 where a BMP character stays as it is.
    uint16_t *simplified;
};

static uint16_t *simplified_table(char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar id[64];
    u_uastrcpy(id, "Traditional-Simplified");
    UTransliterator *trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) {
        put_error(error, errorCapacity, "utrans_openU(Traditional-Simplified)", status);
        return NULL;
    }
    USet *source = uset_openEmpty();
    utrans_getSourceSet(trans, 0, source, &status);
    uint16_t *table = calloc(0x10000, sizeof(uint16_t));
    if (U_FAILURE(status) || !table) {
        put_error(error, errorCapacity, "utrans_getSourceSet", status);
        free(table);
        uset_close(source);
        utrans_close(trans);
        return NULL;
    }
    int32_t size = uset_size(source);
    for (int32_t i = 0; i < size; i++) {
        UChar32 c = uset_charAt(source, i);
        UChar text[8];
        int32_t length = 0, limit;
        if (c > 0xFFFF) continue;  // none in ICU 72's rules; such a character would stay as it is
        text[length++] = (UChar)c;
        limit = length;
        status = U_ZERO_ERROR;
        utrans_transUChars(trans, text, &length, 8, 0, &limit, &status);
        if (U_SUCCESS(status) && length == 1 && text[0] != c && !U16_IS_SURROGATE(text[0])) {
            table[c] = text[0];
        }
    }
    uset_close(source);
    utrans_close(trans);
    return table;
}

dl_folder *dl_folder_open(char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkccf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { put_error(error, errorCapacity, "nfkc_cf", status); return NULL; }
    uint16_t *table = simplified_table(error, errorCapacity);
    if (!table) return NULL;
    dl_folder *folder = malloc(sizeof(dl_folder));
    if (!folder) { free(table); return NULL; }
    folder->nfkcCaseFold = nfkccf;
    folder->simplified = table;
    return folder;
}

const uint16_t *dl_folder_table(const dl_folder *folder) {
    return folder ? folder->simplified : NULL;
}

void dl_folder_close(dl_folder *folder) {
    if (!folder) return;
    free(folder->simplified);
    free(folder);
}

/// Runs `trans` over `text` (UTF-16, `units` long; freed here) with room for it to grow by
/// `growth` times, and writes the result as UTF-8. utrans works in place.
static int32_t transliterate_to_utf8(UTransliterator *trans, UChar *text, int32_t units, int32_t growth,
                                     char *dest, int32_t capacity) {
    int32_t cap = units * growth + 16;
    UChar *work = malloc(sizeof(UChar) * (size_t)cap);
    if (!work) { free(text); return -1; }
    memcpy(work, text, sizeof(UChar) * (size_t)units);
    free(text);
    int32_t textLength = units, limit = units;
    UErrorCode status = U_ZERO_ERROR;
    utrans_transUChars(trans, work, &textLength, cap, 0, &limit, &status);
    int32_t result = U_FAILURE(status) ? -1 : utf16_to_utf8(work, textLength, dest, capacity);
    free(work);
    return result;
}

int32_t dl_folder_fold(dl_folder *folder, const char *source, int32_t length,
                       char *dest, int32_t capacity) {
    UChar *src16 = NULL, *norm = NULL;
    int32_t units = utf8_to_utf16(source, length, &src16);
    if (units < 0) { free(src16); return -1; }
    int32_t n = normalize16(folder->nfkcCaseFold, src16, units, &norm);
    free(src16);
    if (n < 0) { free(norm); return -1; }
    // Simplified, and white space dropped (every White_Space character is in the BMP).
    int32_t kept = 0;
    for (int32_t i = 0; i < n; i++) {
        UChar u = norm[i];
        if (!U16_IS_SURROGATE(u)) {
            if (u_isUWhiteSpace(u)) continue;
            if (folder->simplified[u]) u = folder->simplified[u];
        }
        norm[kept++] = u;
    }
    int32_t result = utf16_to_utf8(norm, kept, dest, capacity);
    free(norm);
    return result;
}

struct dl_translit {
    UTransliterator *trans;
};

dl_translit *dl_translit_open(const char *id, char *error, int32_t errorCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar id16[128];
    u_uastrncpy(id16, id, 127);
    id16[127] = 0;
    UTransliterator *trans = utrans_openU(id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) { put_error(error, errorCapacity, "utrans_openU", status); return NULL; }
    dl_translit *t = malloc(sizeof(dl_translit));
    if (!t) { utrans_close(trans); return NULL; }
    t->trans = trans;
    return t;
}

void dl_translit_close(dl_translit *translit) {
    if (!translit) return;
    utrans_close(translit->trans);
    free(translit);
}

int32_t dl_translit_run(dl_translit *translit, const char *source, int32_t length, char *dest, int32_t capacity) {
    UChar *src16 = NULL;
    int32_t units = utf8_to_utf16(source, length, &src16);
    if (units < 0) { free(src16); return -1; }
    // Han to Latin writes a syllable and a space per character: give it room.
    return transliterate_to_utf8(translit->trans, src16, units, 8, dest, capacity);
}

int32_t dl_sentence_breaks(const char *source, int32_t length, int32_t *offsets, int32_t capacity) {
    UChar *text = NULL;
    int32_t units = utf8_to_utf16(source, length, &text);
    if (units < 0) { free(text); return -1; }
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *breaks = ubrk_open(UBRK_SENTENCE, "zh", text, units, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    int32_t count = 0;
    for (int32_t b = ubrk_next(breaks); b != UBRK_DONE; b = ubrk_next(breaks)) {
        if (count < capacity) offsets[count] = b;
        count++;
    }
    ubrk_close(breaks);
    free(text);
    return count;
}
