#include "PDFBridge.h"

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
                c->x0 = boxes[i].x1;
                c->y0 = boxes[i].y1;
                c->x1 = boxes[i].x2;
                c->y1 = boxes[i].y2;
            } else {
                c->x0 = c->y0 = c->x1 = c->y1 = 0;
            }
            while (run && ((PopplerTextAttributes *)run->data)->end_index < i) run = run->next;
            c->fontSize = run && ((PopplerTextAttributes *)run->data)->start_index <= i
                              ? ((PopplerTextAttributes *)run->data)->font_size
                              : 0;
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
