#define _GNU_SOURCE
#include "MarkupBridge.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(char *error, int32_t capacity, const char *message) {
    if (error && capacity > 0) snprintf(error, (size_t)capacity, "%s", message);
}

// Attributes of one element as name, value pairs and a NULL, in a buffer grown as needed.
typedef struct {
    const char **items;
    xmlChar **owned;
    size_t count, capacity;
} attribute_list;

static int attributes_of(xmlNodePtr node, attribute_list *list) {
    list->count = 0;
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        if (list->count + 3 > list->capacity) {
            size_t capacity = list->capacity ? list->capacity * 2 : 16;
            const char **items = realloc(list->items, capacity * sizeof *items);
            if (!items) return -1;
            list->items = items;
            xmlChar **owned = realloc(list->owned, capacity * sizeof *owned);
            if (!owned) return -1;
            list->owned = owned;
            list->capacity = capacity;
        }
        xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
        list->owned[list->count / 2] = value;
        list->items[list->count++] = (const char *)a->name;
        list->items[list->count++] = value ? (const char *)value : "";
    }
    if (!list->items) {
        list->items = malloc(16 * sizeof *list->items);
        list->owned = malloc(16 * sizeof *list->owned);
        if (!list->items || !list->owned) return -1;
        list->capacity = 16;
    }
    list->items[list->count] = NULL;
    return 0;
}

static void release_values(attribute_list *list) {
    for (size_t i = 0; i < list->count / 2; i++) xmlFree(list->owned[i]);
    list->count = 0;
}

int32_t dl_markup_walk(const uint8_t *bytes, int64_t length, int32_t html,
                       dl_markup_event event, void *context, char *error, int32_t errorCapacity) {
    if (length < 0 || length > INT32_MAX) {
        fail(error, errorCapacity, "the document is larger than 2 GB");
        return -1;
    }
    xmlDocPtr doc;
    if (html) {
        doc = htmlReadMemory((const char *)bytes, (int)length, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                 HTML_PARSE_COMPACT);
    } else {
        // A DTD can declare entities that expand without bound (libxml2 2.9 has no limit on
        // attribute values): Word never writes one, so a part that has one is refused. No
        // XML_PARSE_NOENT (no entity from outside) and no XML_PARSE_HUGE (libxml2's own size
        // limits stay).
        if (memmem(bytes, (size_t)length, "<!DOCTYPE", 9) || memmem(bytes, (size_t)length, "<!ENTITY", 8)) {
            fail(error, errorCapacity, "a document type declaration, which no Word document has");
            return -1;
        }
        doc = xmlReadMemory((const char *)bytes, (int)length, NULL, "UTF-8",
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    }
    if (!doc) {
        const xmlError *last = xmlGetLastError();
        fail(error, errorCapacity, last && last->message ? last->message : "not well-formed XML");
        return -1;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    attribute_list list = {0};
    // Iterative, not recursive: a document nested ten thousand deep must not overflow the stack.
    xmlNodePtr node = root;
    int32_t stopped = 0;
    while (node && !stopped) {
        int descend = 0;
        switch (node->type) {
        case XML_ELEMENT_NODE:
            if (attributes_of(node, &list) != 0) {
                release_values(&list);
                free(list.items);
                free(list.owned);
                xmlFreeDoc(doc);
                fail(error, errorCapacity, "out of memory");
                return -1;
            }
            stopped = event(context, DL_MARKUP_START, (const char *)node->name, list.items, NULL, 0);
            release_values(&list);
            descend = node->children != NULL && !stopped;
            if (!descend && !stopped) stopped = event(context, DL_MARKUP_END, (const char *)node->name, NULL, NULL, 0);
            break;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (node->content) {
                stopped = event(context, DL_MARKUP_TEXT, NULL, NULL, (const char *)node->content,
                                (int64_t)strlen((const char *)node->content));
            }
            break;
        default:
            break;
        }
        if (stopped) break;
        if (descend) {
            node = node->children;
            continue;
        }
        // Up until a node has a next sibling, closing each element left.
        while (node && node != root && !node->next) {
            node = node->parent;
            if (node && node->type == XML_ELEMENT_NODE && !stopped) {
                stopped = event(context, DL_MARKUP_END, (const char *)node->name, NULL, NULL, 0);
            }
        }
        if (!node || node == root) break;
        node = node->next;
    }
    free(list.items);
    free(list.owned);
    xmlFreeDoc(doc);
    return stopped ? 1 : 0;
}
