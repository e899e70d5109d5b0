#include "PDFBridge.h"
#include "QuietStderr.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dl_pdf {
    GBytes *bytes;
    PopplerDocument *document;
};

dl_pdf *dl_pdf_open(const uint8_t *bytes, int64_t length, char *error, int32_t errorCapacity) {
    // Static: the caller keeps the bytes alive; no copy of a large PDF is made.
    GBytes *data = g_bytes_new_static(bytes, (gsize)length);
    GError *failure = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &failure);
    if (!document) {
        if (error && errorCapacity > 0) {
            snprintf(error, (size_t)errorCapacity, "%s", failure && failure->message ? failure->message : "not a readable PDF");
        }
        if (failure) g_error_free(failure);
        g_bytes_unref(data);
        return NULL;
    }
    dl_pdf *pdf = malloc(sizeof *pdf);
    if (!pdf) {
        g_object_unref(document);
        g_bytes_unref(data);
        return NULL;
    }
    pdf->bytes = data;
    pdf->document = document;
    return pdf;
}

void dl_pdf_close(dl_pdf *pdf) {
    if (!pdf) return;
    g_object_unref(pdf->document);
    g_bytes_unref(pdf->bytes);
    free(pdf);
}

int32_t dl_pdf_page_count(const dl_pdf *pdf) { return poppler_document_get_n_pages(pdf->document); }

void dl_pdf_page_size(const dl_pdf *pdf, int32_t page, double *width, double *height) {
    *width = 0;
    *height = 0;
    PopplerPage *p = poppler_document_get_page(pdf->document, page);
    if (!p) return;
    poppler_page_get_size(p, width, height);
    g_object_unref(p);
}

// A coordinate a hostile PDF makes infinite or absurd is put within a page's reach: callers
// compute with them (and round them to integers).
static double bounded(double v) {
    if (!isfinite(v)) return 0;
    return v > 1e6 ? 1e6 : v < -1e6 ? -1e6 : v;
}

dl_pdf_char *dl_pdf_page_chars(const dl_pdf *pdf, int32_t page, int64_t *count) {
    *count = 0;
    PopplerPage *p = poppler_document_get_page(pdf->document, page);
    if (!p) return NULL;
    char *text = poppler_page_get_text(p);
    PopplerRectangle *boxes = NULL;
    guint boxCount = 0;
    gboolean laid = poppler_page_get_text_layout(p, &boxes, &boxCount);
    GList *attributes = poppler_page_get_text_attributes(p);
    dl_pdf_char *chars = NULL;
    glong length = text ? g_utf8_strlen(text, -1) : 0;
    if (text && laid && length > 0) {
        chars = malloc((size_t)length * sizeof *chars);
    }
    if (chars) {
        const char *at = text;
        GList *run = attributes;
        for (glong i = 0; i < length; i++) {
            dl_pdf_char *c = &chars[i];
            c->scalar = (uint32_t)g_utf8_get_char(at);
            at = g_utf8_next_char(at);
            // The layout has one box per character of the text; guard the count all the same.
            if ((guint)i < boxCount) {
                c->x0 = bounded(boxes[i].x1);
                c->y0 = bounded(boxes[i].y1);
                c->x1 = bounded(boxes[i].x2);
                c->y1 = bounded(boxes[i].y2);
            } else {
                c->x0 = c->y0 = c->x1 = c->y1 = 0;
            }
            while (run && ((PopplerTextAttributes *)run->data)->end_index < i) run = run->next;
            c->fontSize = bounded(run && ((PopplerTextAttributes *)run->data)->start_index <= i
                                     ? ((PopplerTextAttributes *)run->data)->font_size
                                     : 0);
        }
        *count = length;
    }
    poppler_page_free_text_attributes(attributes);
    g_free(boxes);
    g_free(text);
    g_object_unref(p);
    return chars;
}

void dl_pdf_free(void *pointer) { free(pointer); }

// Ruling lines from a rendering of the page, as lattice table readers find them: poppler's
// GLib API gives text, not the paths that draw borders, so the page is drawn and its dark
// horizontal and vertical runs are the borders.
typedef struct {
    dl_pdf_rule *items;
    int64_t count, capacity;
} rule_list;

static int add_rule(rule_list *list, double x0, double y0, double x1, double y1) {
    // A page of hatching or dashes has more runs than any table: past this the page is read
    // as text (the caller gets no rules).
    if (list->count >= 200000) return -1;
    if (list->count == list->capacity) {
        int64_t capacity = list->capacity ? list->capacity * 2 : 64;
        dl_pdf_rule *items = realloc(list->items, (size_t)capacity * sizeof *items);
        if (!items) return -1;
        list->items = items;
        list->capacity = capacity;
    }
    list->items[list->count++] = (dl_pdf_rule){x0, y0, x1, y1};
    return 0;
}

static int lum(uint32_t p) {
    int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
    return (r * 299 + g * 587 + b * 114) / 1000;
}

dl_pdf_rule *dl_pdf_page_rules(const dl_pdf *pdf, int32_t page, double scale, double minimum, int64_t *count) {
    *count = 0;
    PopplerPage *p = poppler_document_get_page(pdf->document, page);
    if (!p) return NULL;
    double width = 0, height = 0;
    poppler_page_get_size(p, &width, &height);
    // A page larger than A0 at this scale is not rendered: no label page is that large, and
    // the surface would be hundreds of megabytes.
    int w = (int)(width * scale), h = (int)(height * scale);
    if (w <= 0 || h <= 0 || (int64_t)w * h > 40000000) {
        g_object_unref(p);
        return NULL;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        g_object_unref(p);
        return NULL;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    // Borders only: text would make runs of its own (underlines aside, glyph strokes are short).
    dl_quiet_begin();
    poppler_page_render_for_printing_with_options(p, cr, POPPLER_PRINT_DOCUMENT);
    dl_quiet_end();
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    int least = (int)(minimum * scale);
    rule_list list = {0};
    int failed = 0;
    // Dark by luminance, so that a light fill (a yellow or grey header row) is no border; a
    // dark fill's runs are told apart from borders by the caller (PDFTableFinder.merged).
#define LUMA(x, y) lum(((const uint32_t *)(data + (size_t)(y) * stride))[x])
#define DARK(x, y) (LUMA(x, y) < 200)
    // One pass over the pixels, row by row (the page is megabytes: a column-wise pass missed
    // the cache on every pixel). Horizontal runs end within a row; each column keeps where its
    // vertical run started. Consecutive pixel rows of one thick border are merged by the caller.
    int *down = malloc((size_t)w * sizeof *down);
    if (!down) failed = 1;
    for (int x = 0; x < w && !failed; x++) down[x] = -1;
    for (int y = 0; y <= h && !failed; y++) {
        int start = -1;
        for (int x = 0; x <= w; x++) {
            int dark = x < w && y < h && DARK(x, y);
            if (dark && start < 0) start = x;
            if (!dark && start >= 0) {
                if (x - start >= least) failed |= add_rule(&list, start / scale, y / scale, x / scale, y / scale);
                start = -1;
            }
            if (x == w) break;
            if (dark && down[x] < 0) down[x] = y;
            if (!dark && down[x] >= 0) {
                if (y - down[x] >= least) failed |= add_rule(&list, x / scale, down[x] / scale, x / scale, y / scale);
                down[x] = -1;
            }
        }
    }
    free(down);
#undef DARK
#undef LUMA
    cairo_surface_destroy(surface);
    g_object_unref(p);
    if (failed) {
        free(list.items);
        return NULL;
    }
    *count = list.count;
    return list.items;
}
