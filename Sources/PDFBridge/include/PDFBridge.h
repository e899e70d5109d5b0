#ifndef DRUGLABEL_PDF_BRIDGE_H
#define DRUGLABEL_PDF_BRIDGE_H

// The public face of the poppler bridge: plain C types only. Swift imports this header; it must
// never include a poppler or GLib header (as with ICU, see DESIGN.md, "Architecture").

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dl_pdf dl_pdf;

/// One character of a page as poppler lays it out: its box in points from the page's top left,
/// and the size of its font.
typedef struct {
    uint32_t scalar;
    double x0, y0, x1, y1;
    double fontSize;
} dl_pdf_char;

/// Opens a PDF held in memory (the bytes must outlive the handle). NULL with a message in
/// `error` when poppler cannot read it (damaged, or encrypted with a password).
dl_pdf *dl_pdf_open(const uint8_t *bytes, int64_t length, char *error, int32_t errorCapacity);
void dl_pdf_close(dl_pdf *pdf);
int32_t dl_pdf_page_count(const dl_pdf *pdf);
/// The page's width and height in points.
void dl_pdf_page_size(const dl_pdf *pdf, int32_t page, double *width, double *height);
/// The characters of page `page` (0-based) in poppler's reading order, line ends included as
/// U+000A with the box of the character before. A malloc'd array (free with dl_pdf_free) and
/// its count in `count`; NULL with count 0 for a page without text.
dl_pdf_char *dl_pdf_page_chars(const dl_pdf *pdf, int32_t page, int64_t *count);
/// A ruling line drawn on a page: horizontal when y0 == y1, vertical when x0 == x1, in points.
typedef struct {
    double x0, y0, x1, y1;
} dl_pdf_rule;

/// The ruling lines of page `page` (0-based): the page is rendered at `scale` pixels a point
/// and scanned for dark runs at least `minimum` points long, as table borders are. A malloc'd
/// array (free with dl_pdf_free) and its count; NULL with count 0 when there are none.
dl_pdf_rule *dl_pdf_page_rules(const dl_pdf *pdf, int32_t page, double scale, double minimum, int64_t *count);

void dl_pdf_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
