#ifndef DRUGLABEL_MARKUP_BRIDGE_H
#define DRUGLABEL_MARKUP_BRIDGE_H

// The public face of the libxml2 bridge: plain C types only. Swift imports this header; it must
// never include a libxml2 header (as with ICU, see DESIGN.md, "Architecture").

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    DL_MARKUP_START = 1,  // an element opens: `name`, and `attributes` as name, value, …, NULL
    DL_MARKUP_END = 2,    // the element last opened closes: `name`
    DL_MARKUP_TEXT = 3,   // character data (text or CDATA): `text`, `length` bytes of UTF-8
};

/// Called for each event in document order. Names are local names (`w:t` is `t`), lower-cased
/// by libxml2 for HTML. Pointers are valid during the call only. A non-zero return stops the
/// walk (the caller has seen enough: a document past its size limits).
typedef int32_t (*dl_markup_event)(void *context, int32_t kind, const char *name,
                                   const char *const *attributes, const char *text, int64_t length);

/// Parses `length` bytes of UTF-8 as XML (`html` 0) or as HTML (`html` 1, with libxml2's
/// forgiving HTML parser) and walks the tree, calling `event`. No network access, no external
/// entities, and XML with a DTD refused (a Word part never has one; a DTD's entities can
/// expand without bound). Returns 0, 1 when `event` stopped the walk, or -1 with a message in
/// `error` when the bytes are not a document.
int32_t dl_markup_walk(const uint8_t *bytes, int64_t length, int32_t html,
                       dl_markup_event event, void *context, char *error, int32_t errorCapacity);

#ifdef __cplusplus
}
#endif

#endif
