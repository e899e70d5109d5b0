#ifndef DRUGLABEL_ICU_BRIDGE_H
#define DRUGLABEL_ICU_BRIDGE_H

// The public face of the ICU bridge: plain C types only. Swift imports this header; it must
// never include an ICU header (see DESIGN.md, "Architecture").

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Guesses the charset of `bytes` with ICU's detector. Writes the ICU name (e.g. "GB18030",
/// "Big5", "UTF-16LE") into `name` and the detector's confidence (0-100) into `confidence`.
/// Returns 0 on success, -1 when ICU has no guess.
int32_t dl_detect_charset(const uint8_t *bytes, int64_t length,
                          char *name, int32_t nameCapacity, int32_t *confidence);

/// Converts `length` bytes in `charset` to UTF-8. Returns a malloc'd buffer (free it with
/// dl_free) and its length in `outLength`, or NULL with a message in `error`.
/// Unmappable bytes become U+FFFD; `substitutions` counts them.
uint8_t *dl_convert_to_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                            int64_t *outLength, int64_t *substitutions,
                            char *error, int32_t errorCapacity);

/// Converts UTF-8 to `charset` (the reverse of dl_convert_to_utf8), for writing text in the
/// encodings labels arrive in. Same ownership and error rules.
uint8_t *dl_convert_from_utf8(const char *charset, const uint8_t *bytes, int64_t length,
                              int64_t *outLength, char *error, int32_t errorCapacity);

void dl_free(void *pointer);

/// NFKC of a UTF-8 string. Returns the UTF-8 length needed; writes at most `capacity` bytes.
/// Negative on error.
int32_t dl_nfkc_utf8(const char *source, int32_t length, char *dest, int32_t capacity);

/// A folder for matching: NFKC with case folding, then Traditional to Simplified Chinese
/// character by character, white space removed. Opening builds the character table from ICU's
/// transliterator (milliseconds), so keep one and reuse it; thread-safe once open.
typedef struct dl_folder dl_folder;
dl_folder *dl_folder_open(char *error, int32_t errorCapacity);
void dl_folder_close(dl_folder *folder);
/// Folds UTF-8 `source`. Returns the UTF-8 length needed; writes at most `capacity` bytes.
/// Negative on error.
int32_t dl_folder_fold(dl_folder *folder, const char *source, int32_t length,
                       char *dest, int32_t capacity);
/// The folder's Traditional-to-Simplified table: 65,536 entries, one per BMP code point, 0 where
/// the character stays. Owned by the folder and never changed once it is open.
const uint16_t *dl_folder_table(const dl_folder *folder);

/// Sentence boundaries of UTF-8 `source` by ICU's sentence break rules (locale zh), as UTF-16
/// offsets written to `offsets` (at most `capacity`; the end of the text included). Returns how
/// many there are (more than `capacity` means call again with room), or a negative number.
int32_t dl_sentence_breaks(const char *source, int32_t length, int32_t *offsets, int32_t capacity);

/// Any ICU transliterator by its id (`Han-Latin; Latin-ASCII`). Not thread-safe.
typedef struct dl_translit dl_translit;
dl_translit *dl_translit_open(const char *id, char *error, int32_t errorCapacity);
void dl_translit_close(dl_translit *translit);
/// Transliterates UTF-8 `source`. Returns the UTF-8 length needed; writes at most `capacity`
/// bytes. Negative on error.
int32_t dl_translit_run(dl_translit *translit, const char *source, int32_t length, char *dest, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
